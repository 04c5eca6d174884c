package clean

import (
	"regexp"
	"sort"
	"strings"
)

// Credits: the outlets a text says it took its facts from ("citing NBC news", "according to a
// report by the New York Times", "a U.S. official told CBS News").

// outletName is a run of capitalised words, acronyms and joiners that may name an outlet.
const outletName = `((?:[A-Z](?:[\w&'’-]|\.\w)*|of|the|de|la|le|der|die)(?:\s+(?:[A-Z](?:[\w&'’-]|\.\w)*|of|de|la|le|der|die|news))*)`

// A creditPattern finds credits. It runs only in a window around one of its trigger words
// (lower case), so that a long text costs a scan for the triggers, not a regexp pass per cue.
type creditPattern struct {
	re         *regexp.Regexp
	triggers   []string
	rare       []int // the place of each trigger's rarest letter (rarestByte), found once
	anyName    bool  // the cue names a source so plainly that any capitalised name is one
	selfCredit bool  // the name is the outlet itself ("Axar.az informs"), at a paragraph's start
}

var creditPatterns = []creditPattern{
	{re: regexp.MustCompile(`\b(?:citing|cited by|quoting)\s+(?:the\s+|a\s+report\s+(?:by|in|from)\s+(?:the\s+)?)?` + outletName),
		triggers: []string{"citing", "cited by", "quoting"}, anyName: true},
	{re: regexp.MustCompile(`\baccording to\s+(?:a\s+|an\s+)?(?:(?:new\s+|recent\s+)?(?:report|reports|story|article|interview|broadcast)\s+(?:by|in|from|on|with)\s+)?(?:the\s+)?` + outletName),
		triggers: []string{"according to"}},
	{re: regexp.MustCompile(`\b(?:told|disclosed to|said to|confirmed to|speaking to|in an interview with|reported by|first reported by|published by|wrote in|writing in)\s+(?:the\s+)?` + outletName),
		triggers: []string{"told", "disclosed to", "said to", "confirmed to", "speaking to", "interview with", "reported by", "published by", "wrote in", "writing in"}},
	{re: regexp.MustCompile(outletName + `\s+(?:reported|reports|has reported|first reported|said in a report|quoted)\b`),
		triggers: []string{"reported", "reports", "said in a report", "quoted"}},
	{re: regexp.MustCompile(`^(?:\(|\[)?` + `([A-Z][\w-]*(?:\.[a-z]{2,})+)\s+(?:informs|reports)\b`),
		triggers: []string{"informs", "reports"}, anyName: true, selfCredit: true},
}

func init() {
	for i := range creditPatterns {
		creditPatterns[i].rare = rarestBytes(creditPatterns[i].triggers)
	}
}

// rarestBytes are the places of the rarest letters of words (rarestByte).
func rarestBytes(words []string) []int {
	out := make([]int, len(words))
	for i, w := range words {
		out[i] = rarestByte(w)
	}
	return out
}

// creditWindow is how far around a trigger word a credit pattern looks.
const creditWindow = 120

// outletHeads are words an outlet's name ends with; a name ending otherwise is an outlet only
// when it is a known agency or broadcaster.
var outletHeads = map[string]bool{
	"news": true, "times": true, "post": true, "journal": true, "tribune": true, "herald": true,
	"guardian": true, "telegraph": true, "independent": true, "economist": true, "observer": true,
	"chronicle": true, "gazette": true, "express": true, "mail": true, "press": true, "agency": true,
	"radio": true, "tv": true, "television": true, "channel": true, "magazine": true, "daily": true,
	"wire": true, "network": true, "broadcasting": true, "today": true, "standard": true,
	"mirror": true, "sun": true, "review": true, "bulletin": true, "report": true, "insider": true,
	"monitor": true, "star": true, "globe": true, "dispatch": true, "inquirer": true,
}

// agencies are news agencies and broadcasters commonly cited by a bare name.
var agencies = map[string]bool{
	"reuters": true, "ap": true, "afp": true, "associated press": true, "agence france-presse": true,
	"bloomberg": true, "tass": true, "ria novosti": true, "ria": true, "interfax": true, "xinhua": true,
	"bbc": true, "cnn": true, "nbc": true, "cbs": true, "abc": true, "npr": true, "pbs": true,
	"dpa": true, "ansa": true, "efe": true, "yonhap": true, "kyodo": true, "pti": true, "ians": true,
	"ani": true, "axios": true, "politico": true, "al jazeera": true, "sky news": true, "fox news": true,
	"msnbc": true, "cnbc": true, "anadolu": true, "ukrinform": true, "unian": true, "irna": true,
	"agencies": true, "wires": true, "wire services": true,
}

// newspaperHeads take "The" in their proper name ("The New York Times").
var newspaperHeads = map[string]bool{
	"times": true, "post": true, "journal": true, "guardian": true, "telegraph": true,
	"independent": true, "economist": true, "herald": true, "tribune": true, "observer": true,
	"chronicle": true, "gazette": true, "globe": true, "star": true, "sun": true, "mirror": true,
}

// creditsIn finds the outlets credited in text, and an outlet naming itself ("Axar.az
// informs") as self; lower is text with its ASCII letters in lower case (asciiLower).
func creditsIn(text, lower string) (credits []string, self string) {
	for _, p := range creditPatterns {
		for _, w := range triggerWindows(lower, p.triggers, p.rare, p.selfCredit) {
			credits, self = p.match(text, w[0], w[1], credits, self)
		}
	}
	return credits, self
}

// triggerWindows returns the windows [start, end) of text around each trigger, merged where
// they overlap. A self-credit only stands at the start of a paragraph.
func triggerWindows(lower string, triggers []string, rare []int, atStart bool) [][2]int {
	var wins [][2]int
	for ti, t := range triggers {
		for from := 0; ; {
			i := indexByByte(lower[from:], t, rare[ti])
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(t)
			start, end := max(0, at-creditWindow), min(len(lower), at+len(t)+creditWindow)
			if atStart {
				if at > creditWindow {
					break
				}
				start = 0
			}
			wins = append(wins, [2]int{start, end})
		}
	}
	sort.Slice(wins, func(i, j int) bool { return wins[i][0] < wins[j][0] })
	var merged [][2]int
	for _, w := range wins {
		if n := len(merged); n > 0 && w[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], w[1])
			continue
		}
		merged = append(merged, w)
	}
	return merged
}

// letterFrequency is the order of the letters of English text from the most to the least
// frequent (the "etaoin shrdlu" order of printers' type cases), the space before them.
const letterFrequency = " etaoinshrdlcumwfgypbvkjxqz"

// indexByByte is strings.Index(s, t) for a word t in lower case (a credit's cue, a comment
// form's), found by looking for its byte at k first, its rarest letter (rarestByte, found
// once for each cue): the first letter of most cues ("said to", "reported", "told") starts
// many words of any text, and a search by it tries most of them.
func indexByByte(s, t string, k int) int {
	if t == "" {
		return 0
	}
	for from := k; from < len(s); {
		i := strings.IndexByte(s[from:], t[k])
		if i < 0 {
			return -1
		}
		if at := from + i - k; strings.HasPrefix(s[at:], t) {
			return at
		}
		from += i + 1
	}
	return -1
}

// letterRank is each byte's place in letterFrequency, or -1 for a byte not in it.
var letterRank = func() (rank [256]int8) {
	for c := range rank {
		rank[c] = int8(strings.IndexByte(letterFrequency, byte(c)))
	}
	return rank
}()

// rarestByte is the place in t of its letter latest in letterFrequency (the first of them),
// or 0 for a t of no such letter.
func rarestByte(t string) int {
	best, rank := 0, int8(-1)
	for i := 0; i < len(t); i++ {
		if r := letterRank[t[i]]; r > rank {
			best, rank = i, r
		}
	}
	return best
}

// foldCase is asciiLower(s), s itself when it has no capital, and whether s is all ASCII.
func foldCase(s string) (lower string, ascii bool) {
	upper := false
	ascii = true
	for i := 0; i < len(s); i++ {
		if b := s[i]; b >= 'A' && b <= 'Z' {
			upper = true
		} else if b >= 0x80 {
			ascii = false
		}
	}
	if !upper {
		return s, ascii
	}
	return asciiLower(s), ascii
}

// asciiLower lower-cases ASCII letters only, so that byte offsets stay those of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// match applies the pattern to text[start:end], widened to whole words, after the credits
// and self-credit found so far.
func (p creditPattern) match(text string, start, end int, credits []string, self string) ([]string, string) {
	for start > 0 && text[start-1] != ' ' {
		start--
	}
	for end < len(text) && text[end] != ' ' {
		end++
	}
	for _, m := range p.re.FindAllStringSubmatchIndex(text[start:end], -1) {
		from, to := m[2]+start, m[3]+start
		name := trimName(text[from:to])
		switch {
		case name == "":
		case p.selfCredit:
			if self == "" {
				self = name
			}
		case p.anyName || isOutlet(name):
			credits = append(credits, canonicalOutlet(name, text[:from]))
		}
	}
	return credits, self
}

// trimName drops trailing joiners and lower-case words from a matched name.
func trimName(name string) string {
	words := strings.Fields(name)
	for len(words) > 0 {
		last := strings.ToLower(words[len(words)-1])
		if last == "of" || last == "the" || last == "de" || last == "la" || last == "le" || last == "der" || last == "die" {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	for len(words) > 0 && strings.ToLower(words[0]) == "the" {
		words = words[1:]
	}
	if len(words) == 0 || len(words) > 6 {
		return ""
	}
	return strings.TrimRight(strings.Join(words, " "), ".,'’")
}

func isOutlet(name string) bool {
	lower := strings.ToLower(name)
	if agencies[lower] {
		return true
	}
	words := strings.Fields(lower)
	if outletHeads[words[len(words)-1]] {
		return true
	}
	return agencies[words[0]] && len(words) <= 2
}

// canonicalOutlet writes an outlet's name the way the outlet does: "NBC news" → "NBC News",
// "the New York Times" → "The New York Times".
func canonicalOutlet(name, before string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if w == "news" {
			words[i] = "News"
		}
	}
	last := strings.ToLower(words[len(words)-1])
	if newspaperHeads[last] && len(words) > 1 && strings.HasSuffix(strings.ToLower(strings.TrimSpace(before)), "the") {
		words = append([]string{"The"}, words...)
	}
	return strings.Join(words, " ")
}

// uniqueSorted returns the distinct strings of s in sorted order, comparing without case.
func uniqueSorted(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		k := strings.ToLower(x)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, x)
	}
	sort.Strings(out)
	return out
}
