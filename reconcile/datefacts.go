package reconcile

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp"
)

// dateFacts aligns the days the articles date things to.
func (s *story) dateFacts() []crosscheck.Fact {
	var claims []claim
	for _, a := range s.arts {
		for _, d := range a.Dates {
			if d.Type != "DATE" || nlp.Granularity(d.Value) != "day" {
				continue
			}
			t, err := time.Parse("2006-01-02", d.Value)
			if err != nil {
				continue
			}
			if saidOn(a.Text[max(0, d.Start-40):d.Start]) {
				continue // the day something was said dates the saying, not the story's events
			}
			c := a.claim(d.Start, d.End)
			c.value, c.label, c.crowded = float64(t.Unix()/86400), d.Value, true
			c.verb = verbBefore(a.Text[a.sentences[max(c.sentence, 0)].span[0]:d.Start])
			claims = append(claims, c)
		}
	}
	var out []crosscheck.Fact
	for _, f := range s.assign(claims, sameDay) {
		out = append(out, s.fact(f, "date", "date of "+s.event(f), sameDay))
	}
	return out
}

func sameDay(a, b claim) bool { return a.value == b.value }

// sameEvent reports whether two sets of dates can date one event: unless each names verbs
// and they share none.
func sameEvent(a, b []claim) bool {
	var va []string
	for _, c := range a {
		if c.verb != "" {
			va = append(va, c.verb)
		}
	}
	some := false
	for _, c := range b {
		if c.verb != "" {
			some = true
			if slices.Contains(va, c.verb) {
				return true
			}
		}
	}
	return len(va) == 0 || !some
}

// irregularPast are past forms without "-ed" that news uses to date events, with their base.
var irregularPast = map[string]string{"met": "meet", "held": "hold", "began": "begin", "took": "take",
	"fell": "fall", "struck": "strike", "hit": "hit", "won": "win", "lost": "lose", "broke": "break",
	"ran": "run", "left": "leave", "came": "come", "went": "go", "sank": "sink", "shot": "shoot",
	"made": "make", "set": "set", "rose": "rise", "spoke": "speak", "flew": "fly", "signed": "sign"}

// verbBefore guesses the verb a date at the end of before belongs to: the nearest word within
// ten that looks like a verb ("were trapped on Tuesday", "drilling through rock on
// Wednesday"), as a stem; "" when there is none.
func verbBefore(before string) string {
	f := strings.Fields(before)
	for i := len(f) - 1; i >= max(0, len(f)-10); i-- {
		w := strings.Trim(f[i], ",;:()\"'“”’")
		if w == "" || w[0] < 'a' || w[0] > 'z' {
			continue // a name: "Jared"
		}
		if base, ok := irregularPast[w]; ok {
			return nlp.Stem(base)
		}
		if len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) {
			return nlp.Stem(w)
		}
	}
	return ""
}

// saidOnRe matches the end of the words before a date that is the day of a statement: "said on
// Monday", "told reporters on Friday", "said in a statement on Monday".
var saidOnRe = regexp.MustCompile(`(?i)\b(?:said|says|told|announced|added|stated|confirmed|reported|declared|warned|urged|called)\b(?:\s+[\p{L}’']+){0,4}?\s+(?:on|late on|early on|last|this)?\s*$`)

func saidOn(before string) bool { return saidOnRe.MatchString(before) }

// event names what a set of claims dates: the lower-case words (not names) their sentences
// share most.
func (s *story) event(claims []claim) string {
	count := map[string]int{}
	for _, c := range claims {
		if c.sentence < 0 {
			continue
		}
		sp := c.art.sentences[c.sentence].span
		text := c.art.Text[sp[0]:sp[1]]
		seen := map[string]bool{}
		for _, t := range nlp.Tokens(text) {
			w := text[t[0]:t[1]]
			if w[0] < 'a' || w[0] > 'z' || nlp.Stopwords[w] || len(w) < 3 || seen[w] {
				continue
			}
			seen[w] = true
			count[w]++
		}
	}
	var list []string
	for w, n := range count {
		if n > 1 {
			list = append(list, w)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if count[list[i]] != count[list[j]] {
			return count[list[i]] > count[list[j]]
		}
		return list[i] < list[j]
	})
	if len(list) == 0 {
		return "an event"
	}
	return "“" + strings.Join(list[:min(3, len(list))], ", ") + "”"
}
