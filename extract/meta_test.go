package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

func TestNormalizeDate(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
	}{
		{"TokenisedClockIsNotTheYear", "July 2, 2013 07 : 44", "2013-07-02T07:44:00Z"},
		{"NoYearIsNoDate", "APR 28", ""},
		{"MonthAndYearIsNoDay", "since August 1985", ""},
		{"MonthAndYearAlone", "August 1985", ""},
		{"ZoneKept", "2013-07-02T23:30:00-05:00", "2013-07-02T23:30:00-05:00"},
		{"ZoneKeptAheadOfUTC", "2013-07-03T01:30:00+09:00", "2013-07-03T01:30:00+09:00"},
		{"MailDateZoneKept", "Tue, 02 Jul 2013 21:44:00 -0400", "2013-07-02T21:44:00-04:00"},
		{"NamedZoneKept", "Tue, 02 Jul 2013 21:44:00 EST", "2013-07-02T21:44:00-05:00"},
		{"NamedZoneAheadKept", "2013-07-03 00:30:00 CEST", "2013-07-03T00:30:00+02:00"},
		{"GMTIsUTC", "Tue, 02 Jul 2013 21:44:00 GMT", "2013-07-02T21:44:00Z"},
		{"DateAlone", "2013-07-02", "2013-07-02"},
		{"LongDate", "5 March 2024", "2024-03-05"},
		{"TwoDigitYear", "7/2/13", "2013-07-02"},
		{"UnixTimestamp", "1712000000", "2024-04-01"},
		{"Empty", "  ", ""},
		{"NotADate", "yesterday evening", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := NormalizeDate(c.in); got != c.want {
				t.Errorf("NormalizeDate(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// page builds a small news page with the given head.
func testPage(head string) []byte {
	body := strings.Repeat("<p>The city council approved a new budget on Monday that raises spending on schools and public transport by a fifth over the next two years, the mayor said.</p>\n", 4)
	return []byte("<html><head>" + head + "</head><body><article><h1>Council passes budget</h1>" + body + "</article></body></html>")
}

var fetched = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

func TestArticlePublished(t *testing.T) {
	for _, c := range []struct {
		name, head, given string
		fetched           time.Time
		want              string
		warning           string // the rule of the warning recorded, if any
	}{
		{name: "MetaDateKept", head: `<meta property="article:published_time" content="2025-03-04T08:00:00-05:00">`,
			fetched: fetched, want: "2025-03-04T08:00:00-05:00"},
		{name: "PageZoneKeepsItsDay", head: `<meta property="article:published_time" content="2025-03-04T23:30:00-08:00">`,
			fetched: fetched, want: "2025-03-04T23:30:00-08:00"},
		{name: "FutureRefused", head: `<meta property="article:published_time" content="2044-07-02">`,
			fetched: fetched, want: "", warning: "published-future"},
		{name: "FutureTimeRefused", head: `<meta property="article:published_time" content="2026-12-01T14:00:00Z">`,
			fetched: fetched, want: "", warning: "published-future"},
		{name: "FutureDayRefusedOnce", head: `<meta property="article:published_time" content="2026-12-03T14:00:00Z">`,
			fetched: fetched, want: "", warning: "published-future"},
		{name: "TodayInAZoneAheadKept", head: `<meta property="article:published_time" content="2026-12-02">`,
			fetched: fetched, want: "2026-12-02"},
		{name: "Before1900Refused", head: `<meta property="article:published_time" content="1850-05-04">`,
			fetched: fetched, want: "", warning: "published-before-1900"},
		{name: "NoClockNoFutureCheck", head: `<meta property="article:published_time" content="2044-07-02">`,
			want: "2044-07-02"},
		{name: "NonISOFallsBackToExtractor", head: `<meta property="article:published_time" content="10.12.2022, 07:00:03"><meta name="date" content="2022-12-10">`,
			fetched: fetched, want: "2022-12-10"},
		// against the clock of the run, the extractor would take 2022 for a page read in 2019
		{name: "ExtractorWeighsAgainstTheFetch", head: `<meta property="article:published_time" content="10.12.2022, 07:00:03"><meta name="date" content="2022-12-10">`,
			fetched: time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC), want: "", warning: ""},
		{name: "GivenDateFirst", head: `<meta property="article:published_time" content="2025-03-04">`, given: "2025-03-03",
			fetched: fetched, want: "2025-03-03"},
		{name: "GivenInUTCTakesThePageZone", head: `<meta property="article:published_time" content="2025-03-04T23:30:00-05:00">`, given: "2025-03-05T04:30:00Z",
			fetched: fetched, want: "2025-03-04T23:30:00-05:00"},
		{name: "GivenOtherInstantKept", head: `<meta property="article:published_time" content="2025-03-04T23:30:00-05:00">`, given: "2025-03-05T06:00:00Z",
			fetched: fetched, want: "2025-03-05T06:00:00Z"},
		{name: "EpochIsNoClock", head: `<meta property="article:published_time" content="2025-03-04">`,
			fetched: time.Unix(0, 0), want: "2025-03-04"},
		{name: "UnreadableGivenSaid", head: `<meta property="article:published_time" content="2025-03-04">`, given: "31/31/2020 garbage",
			fetched: fetched, want: "2025-03-04", warning: "published-unreadable"},
		{name: "UnreadablePageDateSilent", head: `<meta property="article:published_time" content="sometime soon">`,
			fetched: fetched, want: "", warning: ""},
		{name: "RefusedGivenFallsBackToPage", head: `<meta property="article:published_time" content="2025-03-04">`, given: "2099-01-01",
			fetched: fetched, want: "2025-03-04", warning: "published-future"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := &crosscheck.Document{Format: crosscheck.FormatHTML, Raw: testPage(c.head), Fetched: c.fetched,
				Meta: crosscheck.Meta{Published: c.given}}
			a, err := Article(doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Published != c.want {
				t.Errorf("published %q, want %q", a.Published, c.want)
			}
			var rules []string
			for _, r := range a.Removed {
				if strings.HasPrefix(r.Rule, "published-") {
					rules = append(rules, r.Rule)
				}
			}
			if got := strings.Join(rules, ","); got != c.warning {
				t.Errorf("warnings %q, want %q", got, c.warning)
			}
		})
	}
}

func TestArticlePublishedWarningSource(t *testing.T) {
	raw := testPage(`<meta property="article:published_time" content="2044-07-02">`)
	a, err := Article(&crosscheck.Document{Format: crosscheck.FormatHTML, Raw: raw, Fetched: fetched}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range a.Removed {
		if r.Rule == "published-future" {
			if r.Source < 0 || !strings.HasPrefix(string(raw[r.Source:]), "2044-07-02") {
				t.Errorf("warning at %d, not at the date in the page", r.Source)
			}
			return
		}
	}
	t.Errorf("no published-future warning in %+v", a.Removed)
}

func TestArticleOutlet(t *testing.T) {
	for _, c := range []struct {
		name, head, source, url, want string
	}{
		{name: "GivenFirst", head: `<meta property="og:site_name" content="Valley Times">`, source: "The Courier", want: "The Courier"},
		{name: "UnknownGivenIsNoOutlet", head: `<meta property="og:site_name" content="Valley Times">`, source: "Unknown", want: "Valley Times"},
		{name: "SiteName", head: `<meta property="og:site_name" content="Valley Times"><title>Council passes budget | The Other Paper</title>`, want: "Valley Times"},
		{name: "UnknownSiteName", head: `<meta property="og:site_name" content="unknown"><title>Council passes budget - Valley Times</title>`, want: "Valley Times"},
		{name: "TitleSuffixDash", head: `<title>Council passes budget - Valley Times</title>`, want: "Valley Times"},
		{name: "TitleSuffixBar", head: `<title>Council passes budget | Valley Times</title>`, url: "https://www.example.org/a/1", want: "Valley Times"},
		{name: "LongTailIsHeadline", head: `<title>Budget - what the council decided on schools and buses</title>`, url: "https://www.valleytimes.com/a/1", want: "valleytimes.com"},
		{name: "URLHost", head: `<title>Council passes budget</title>`, url: "https://www.valleytimes.com/news/1", want: "valleytimes.com"},
		{name: "NothingGivesNone", head: `<title>Council passes budget</title>`, want: ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := &crosscheck.Document{Format: crosscheck.FormatHTML, Raw: testPage(c.head),
				Meta: crosscheck.Meta{Source: c.source, URL: c.url}}
			a, err := Article(doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Source != c.want {
				t.Errorf("source %q, want %q", a.Source, c.want)
			}
		})
	}
}

func TestOutletFrom(t *testing.T) {
	for i, r := range outletRules {
		values := make([]string, len(outletRules))
		values[i] = fmt.Sprintf("Outlet %d", i)
		if i > 0 {
			values[i-1] = "N/A"
		}
		got, rule := outletFrom(values...)
		if got != values[i] || rule != r.name {
			t.Errorf("outletFrom(%q) = %q, %q; want %q, %q", values, got, rule, values[i], r.name)
		}
	}
}

func TestTitleSuffix(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Fire at the mill - Valley Times", "Valley Times"},
		{"Fire at the mill | Valley Times", "Valley Times"},
		{"Fire at the mill – Politics – Valley Times", "Valley Times"},
		{"Fire at the mill", ""},
		{"Fire at the mill - Why did it burn?", ""},
		{"Fire at the mill | Unknown", ""},
		{"Storm reaches the coast - live updates", ""},
		{"Fire at the old mill | Times of India", "Times of India"},
		{"Fire at the old mill | valleytimes.com", "valleytimes.com"},
	} {
		if got := titleSuffix(c.in); got != c.want {
			t.Errorf("titleSuffix(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The article says where its outlet was read from, by the name of the rule that gave it.
func TestArticleOutletFrom(t *testing.T) {
	for _, c := range []struct {
		head, source, url, want, from string
	}{
		{head: `<meta property="og:site_name" content="Valley Times">`, source: "The Courier", want: "The Courier", from: "given"},
		{head: `<meta property="og:site_name" content="Valley Times">`, source: "N/A", want: "Valley Times", from: "og:site_name"},
		{head: `<title>Council passes budget - Valley Times</title>`, url: "https://www.example.org/a/1", want: "Valley Times", from: "title-suffix"},
		{head: `<title>Council passes budget</title>`, url: "https://www.valleytimes.com/news/1", want: "valleytimes.com", from: "url-host"},
		{head: `<title>Council passes budget</title>`, want: "", from: ""},
	} {
		doc := &crosscheck.Document{Format: crosscheck.FormatHTML, Raw: testPage(c.head), Meta: crosscheck.Meta{Source: c.source, URL: c.url}}
		a, err := Article(doc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Source != c.want || a.SourceFrom != c.from {
			t.Errorf("%s: outlet %q from %q, want %q from %q", c.head, a.Source, a.SourceFrom, c.want, c.from)
		}
	}
}
