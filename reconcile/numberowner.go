package reconcile

import (
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

// subjectPerson is the surname of the person word j of sentence i's parse names as a verb's
// subject: a name ("Luck set…"), or "he" or "she" standing for the person of the sentences
// before ("And he also set the rookie record with 4,051 yards").
func (a *article) subjectPerson(p *parsed, i, j int) string {
	if w := strings.ToLower(p.Words[j]); w == "he" || w == "she" {
		return a.antecedent(i)
	}
	if who := a.personWord(p, j); who != "" {
		return who
	}
	last := j // "Carolina Panthers QB Cam Newton held…": the name that ends the run of proper nouns
	for last+1 < len(p.Words) && p.Tags[last+1] == "PROPN" {
		last++
	}
	if who := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(p.Words[last], "'s"), "’s")); last > j && a.namesPerson(who) {
		return who
	}
	return ""
}

// antecedentReach is how many sentences back a pronoun's person is looked for.
const antecedentReach = 4

// antecedent is the surname of the person a subject pronoun in sentence i stands for: the
// nearest sentence before it that names a person before any he or she of its own ("Luck was
// terrible… But after that he got hot… And he also set…"). A sentence whose own subject is
// a pronoun carries the person further back; one that opens with neither is passed over.
// It is "" when none within antecedentReach sentences.
func (a *article) antecedent(i int) string {
	for j := i - 1; j >= 0 && j >= i-antecedentReach; j-- {
		sp := a.sentences[j].span
		pronoun := sp[1]
		if loc := pronounWord.FindStringIndex(a.Text[sp[0]:sp[1]]); loc != nil {
			pronoun = sp[0] + loc[0]
		}
		first, firstAt := "", pronoun
		for _, e := range a.Entities {
			if e.Kind != "person" {
				continue
			}
			for _, m := range e.Mentions {
				if m.Start >= sp[0] && m.Start < firstAt {
					first, firstAt = surname(e.Name), m.Start
				}
			}
		}
		if first != "" {
			return first
		}
	}
	return ""
}

var pronounWord = mustGate(`(?i)\b(?:he|she|his|her|him)\b`)

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

var capitalEnd = mustGate(`\b([A-Z][a-z]+)\)?$`)

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

// namesPerson reports whether who is the surname of a person the article names.
func (a *article) namesPerson(who string) bool {
	if who == "" {
		return false
	}
	for _, e := range a.Entities {
		if e.Kind == "person" && surname(e.Name) == who {
			return true
		}
	}
	return false
}

// firmOwner is whose a number at off is, from the owner its reading found, and whether the
// sentence says so firmly: the number stands in parentheses after a person's name ("Peyton
// Hillis (101 yards)", whatever the sentence's verb), or the sentence's structure makes the
// person its holder ("Newton's record of 4,051 yards", "he set the record with 4,051 yards").
// An owner found only by being near the number is not firm: "Darius Butler picked off a Brady
// Quinn throw and took it back 32 yards".
func (a *article) firmOwner(off int, owner string) (string, bool) {
	if p := a.personEndingAt(strings.LastIndex(a.Text[:off], "(")); p != "" && strings.TrimSpace(a.Text[strings.LastIndex(a.Text[:off], "(")+1:off]) == "" {
		return p, true
	}
	return owner, owner != "" && a.namesPerson(owner) && !a.calledThe(owner) && a.ownerByParse(off) == owner
}

// calledThe reports a name the article writes after "the" ("the Colts", "the Chiefs"): a
// team's or a body's, not a person's, whatever analysis took it for.
func (a *article) calledThe(name string) bool {
	for _, e := range a.Entities {
		f := strings.Fields(e.Name)
		if e.Kind != "person" || len(f) == 0 || surname(e.Name) != name {
			continue
		}
		written := strings.Trim(f[len(f)-1], ",.’'")
		for _, the := range []string{"the ", "The "} {
			for rest := a.Text; ; {
				i := strings.Index(rest, the+written)
				if i < 0 {
					break
				}
				end := i + len(the+written)
				if (i == 0 || !isNameByte(rest[i-1])) && (end == len(rest) || !isNameByte(rest[end])) {
					return true
				}
				rest = rest[end:]
			}
		}
	}
	return false
}

// isNameByte reports a byte of a word: a letter of either case, or one of a letter's bytes.
func isNameByte(b byte) bool { return isLetter(b) || b >= 'A' && b <= 'Z' }
