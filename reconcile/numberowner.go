package reconcile

import (
	"regexp"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// personNear is the surname of the person a number at [start, end) is about: a person named
// right after it ("16-year-old Kimani Gray") or the nearest named before it in its sentence.
func (a *article) personNear(start, end int) string {
	i := a.sentenceAt(start)
	if i < 0 {
		return ""
	}
	sp := a.sentences[i].span
	best, bestAt := "", -1
	for _, e := range a.Entities {
		if e.Kind != "person" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start >= end && m.Start <= end+3 {
				return surname(e.Name)
			}
			if m.End <= start && m.Start >= sp[0] && m.Start > bestAt {
				best, bestAt = surname(e.Name), m.Start
			}
		}
	}
	return best
}

// personCalled is the surname of the one person the article names by a role noun ("the
// deputy", "Deputy Jerry Ortiz", "sect leader Warren Jeffs"), or "" when none or several are.
func (a *article) personCalled(noun string) string {
	if noun == "" {
		return ""
	}
	found := ""
	for _, e := range a.Entities {
		if e.Kind != "person" || !calls(e, noun) {
			continue
		}
		if found != "" && found != surname(e.Name) {
			return ""
		}
		found = surname(e.Name)
	}
	return found
}

// calls reports whether a person's mentions or roles use noun.
func calls(e crosscheck.Entity, noun string) bool {
	has := func(s string) bool {
		for _, w := range strings.Fields(strings.ToLower(s)) {
			if strings.Trim(w, ",.’'") == noun {
				return true
			}
		}
		return false
	}
	for _, m := range e.Mentions {
		if has(m.Text) {
			return true
		}
	}
	for _, r := range e.Roles {
		if has(r.Text) {
			return true
		}
	}
	return false
}

// personAfter is the surname of a person named right after end.
func (a *article) personAfter(end int) string {
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if e.Kind == "person" && m.Start >= end && m.Start <= end+3 {
				return surname(e.Name)
			}
		}
	}
	return ""
}

// mentionWithin reports a mention of the person of surname who that ends at most reach bytes
// before at.
func (a *article) mentionWithin(who string, at, reach int) bool {
	for _, e := range a.Entities {
		if e.Kind != "person" || surname(e.Name) != who {
			continue
		}
		for _, m := range e.Mentions {
			if m.End <= at && m.End >= at-reach {
				return true
			}
		}
	}
	return false
}

// personEndingAt is the surname of the person whose mention ends at off, as in "Orozco, 27".
func (a *article) personEndingAt(off int) string {
	for _, e := range a.Entities {
		if e.Kind != "person" {
			continue
		}
		for _, m := range e.Mentions {
			if m.End == off || m.End+1 == off {
				return surname(e.Name)
			}
		}
	}
	return ""
}

var capitalEnd = regexp.MustCompile(`\b([A-Z][a-z]+)\)?$`)

// capitalBefore is the capitalised word that ends text, as a surname, unless it names a day
// or a month: "Kimani (Kiki) Gray" of "Kimani (Kiki) Gray, 16".
func capitalBefore(text string) string {
	m := capitalEnd.FindStringSubmatch(text)
	if m == nil || calendarWords[strings.ToLower(m[1])] {
		return ""
	}
	return strings.ToLower(m[1])
}

var calendarWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday january february march april
	may june july august september october november december`)

func surname(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(f[len(f)-1], ",.’'"))
}
