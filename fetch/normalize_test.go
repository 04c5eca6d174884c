package fetch

import "testing"

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"HTTPS://News.Example.ORG:443/a/b?utm_source=x&id=3&fbclid=y#top": "https://news.example.org/a/b?id=3",
		"http://example.org":                                                       "http://example.org/",
		"http://example.org:8080/x?b=2&a=1":                                        "http://example.org:8080/x?a=1&b=2",
		"https://example.org/story/amp":                                            "https://example.org/story",
		"https://example.org/story/amp/":                                           "https://example.org/story",
		"https://example.org/amp/story":                                            "https://example.org/story",
		"https://example.org/story.amp.html":                                       "https://example.org/story.html",
		"https://example.org/story?amp=1&gclid=z":                                  "https://example.org/story",
		"https://example.org/story?outputType=amp":                                 "https://example.org/story",
		"https://amp.example.org/story":                                            "https://example.org/story",
		"https://www-example-org.cdn.ampproject.org/c/s/www.example.org/story?x=1": "https://www.example.org/story?x=1",
		"https://example.org/a?mc_cid=1&pk_campaign=2&ref=home":                    "https://example.org/a?ref=home",
		"https://example.org/story/amp/amp":                                        "https://example.org/story",
		"https://amp.amp.example.org/story":                                        "https://example.org/story",
		"https://example-org.cdn.ampproject.org/c/s/example.org/story/amp":         "https://example.org/story",
	} {
		got, err := Normalize(in)
		if err != nil || got != want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"ftp://example.org/", "http://user:pw@example.org/", "http:///nohost", "javascript:alert(1)"} {
		if got, err := Normalize(bad); err == nil {
			t.Errorf("Normalize(%q) = %q, want an error", bad, got)
		}
	}
}

func TestCanonicalOf(t *testing.T) {
	final := "https://www.example.org/news/1"
	for html, want := range map[string]string{
		`<head><link rel="canonical" href="/news/one?utm_medium=x"></head>`:            "https://www.example.org/news/one",
		`<head><link rel="Canonical" href="https://example.org/news/one"></head>`:      "https://example.org/news/one",
		`<head><link rel="canonical" href="https://wire.example.com/original"></head>`: final,
		`<head></head><body><link rel="canonical" href="/elsewhere"></body>`:           final,
		`<head><link rel="alternate" href="/feed"><link rel=canonical href=/c></head>`: "https://www.example.org/c",
	} {
		if got := CanonicalOf([]byte(html), final); got != want {
			t.Errorf("%s: %q, want %q", html, got, want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add("https://example.org/a/amp?utm_source=x#f")
	f.Add("http://[::1]:80/x")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Normalize(s)
		if err != nil {
			return
		}
		again, err := Normalize(n)
		if err != nil || again != n {
			t.Errorf("Normalize(%q) = %q, again %q, %v", s, n, again, err)
		}
	})
}

func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nAllow: /a\n"), "/a/b")
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		ParseRobots(body, "crosscheck").Allowed(path)
	})
}
