package fetch

import (
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that say how a reader came to a page, never which page
// it is. Sourced from the lists browsers strip (Firefox's query stripping, Brave's
// de-amplification and debouncing lists) and the ClearURLs rules' global providers.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "yclid": true, "twclid": true, "ttclid": true, "li_fat_id": true,
	"igshid": true, "igsh": true, "mc_cid": true, "mc_eid": true, "mkt_tok": true,
	"_hsenc": true, "_hsmi": true, "__hssc": true, "__hstc": true, "__hsfp": true, "hsctatracking": true,
	"_ga": true, "_gl": true, "_openstat": true, "oly_anon_id": true, "oly_enc_id": true,
	"rb_clickid": true, "s_cid": true, "vero_conv": true, "vero_id": true, "wickedid": true,
	"ocid": true, "cmpid": true, "ncid": true, "sr_share": true, "ref_src": true, "ref_url": true,
	"smid": true, "cmp": true, "guccounter": true, "guce_referrer": true, "guce_referrer_sig": true,
	"at_medium": true, "at_campaign": true, "at_custom1": true, "at_custom2": true, "at_custom3": true, "at_custom4": true,
	"spm": true, "share": true, "sh": true, "soc_src": true, "soc_trk": true,
}

// trackingPrefixes are families of tracking parameters.
var trackingPrefixes = []string{"utm_", "pk_", "mtm_", "hmb_", "ga_", "itm_"}

// ErrScheme is returned for a URL that is not http or https.
var ErrScheme = errors.New("only http and https URLs are fetched")

// Normalize returns the URL one article is known by however it was linked: scheme and host
// lower-cased, the default port dropped, the fragment dropped, tracking parameters dropped and
// the rest sorted, an empty path made "/", and an AMP variant turned into its page. It refuses
// schemes other than http and https and URLs with credentials in them.
func Normalize(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("not a URL: %w", err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("%w (not %q)", ErrScheme, u.Scheme)
	}
	if u.User != nil {
		return "", errors.New("a URL with a user name or password in it is not fetched")
	}
	host := strings.TrimRight(strings.ToLower(u.Hostname()), ".") // "example.org." is example.org; ".." no host
	if host == "" {
		return "", errors.New("a URL without a host")
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	u = unAMP(u, &host)
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	u.Host = host
	if port != "" {
		u.Host += ":" + port
	}
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	u.RawQuery = cleanQuery(u.RawQuery)
	u.ForceQuery = false
	return u.String(), nil
}

// cleanQuery drops the tracking parameters and the AMP switches and sorts the rest, keeping
// each one's encoding as given but for spaces, which it escapes.
func cleanQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var kept []string
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		key, value, _ := strings.Cut(part, "=")
		k, err := url.QueryUnescape(key)
		if err != nil {
			k = key
		}
		k = strings.ToLower(k)
		if isTracking(k) || isAMPSwitch(k, value) {
			continue
		}
		kept = append(kept, strings.ReplaceAll(part, " ", "%20")) // a space is no URL's: as browsers send it
	}
	sort.Strings(kept)
	return strings.Join(kept, "&")
}

func isTracking(key string) bool {
	if trackingParams[key] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// isAMPSwitch reports whether a query parameter asks for the AMP rendering of a page
// (?amp, ?amp=1, ?outputType=amp, ?_amp=true).
func isAMPSwitch(key, value string) bool {
	switch key {
	case "amp", "_amp", "usqp":
		return true
	case "outputtype", "output", "format":
		return strings.EqualFold(value, "amp")
	}
	return false
}

// unAMP turns the AMP variant of a page into the page: the AMP cache's address
// (www-example-com.cdn.ampproject.org/c/s/www.example.com/a), an "amp." host, an "/amp" path
// segment at the start or end of the path, and a ".amp" before the extension.
func unAMP(u *url.URL, host *string) *url.URL {
	if strings.HasSuffix(*host, ".cdn.ampproject.org") || strings.HasSuffix(*host, ".ampproject.net") {
		for _, pre := range []string{"/c/s/", "/v/s/", "/i/s/", "/c/", "/v/", "/i/"} {
			if rest, ok := strings.CutPrefix(u.Path, pre); ok {
				scheme := "https"
				if !strings.Contains(pre, "/s/") {
					scheme = "http"
				}
				if inner, err := url.Parse(scheme + "://" + rest); err == nil && inner.Host != "" {
					inner.RawQuery = u.RawQuery
					*host = strings.ToLower(inner.Hostname())
					u = inner // the page behind the cache may itself be an AMP variant
					break
				}
			}
		}
	}
	// the marks are taken off until none is left, so that the normal form is a fixed point
	for {
		rest, ok := strings.CutPrefix(*host, "amp.")
		if !ok || !strings.Contains(rest, ".") {
			break
		}
		*host = rest
	}
	p := u.Path
	for {
		q := unAMPPath(p)
		if q == p {
			break
		}
		p = q
	}
	if p != u.Path {
		u.Path, u.RawPath = p, ""
	}
	return u
}

// unAMPPath takes one AMP mark off a path: a last or first "/amp" segment, or ".amp" before
// ".htm".
func unAMPPath(p string) string {
	switch {
	case strings.HasSuffix(p, "/amp"), strings.HasSuffix(p, "/amp/"):
		p = strings.TrimSuffix(strings.TrimSuffix(p, "/"), "/amp")
		if p == "" {
			p = "/"
		}
	case strings.HasPrefix(p, "/amp/"):
		p = strings.TrimPrefix(p, "/amp")
	case strings.Contains(p, ".amp.htm"):
		p = strings.Replace(p, ".amp.htm", ".htm", 1)
	}
	return p
}

// sameSite reports whether two normalised URLs are on one site: the same host once a leading
// "www." or "m." is set aside.
func sameSite(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil {
		return false
	}
	site := func(h string) string {
		h = strings.ToLower(h)
		for _, p := range []string{"www.", "m.", "mobile."} {
			h = strings.TrimPrefix(h, p)
		}
		return h
	}
	return site(ua.Hostname()) == site(ub.Hostname())
}
