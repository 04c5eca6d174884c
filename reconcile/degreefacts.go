package reconcile

import (
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Where someone studied: the school of each degree a profile gives ("an MBA from Tulane
// University", "a master's degree in business administration in 1991 from Tulane
// University"), and where a residency was served.

// degreeKinds name the degrees news profiles give, each with the words that write it, most
// specific first (an MBA is a master's degree).
var degreeKinds = []struct {
	kind  string // as the subject says it
	words string // a regular expression
}{
	{"MBA", `MBA|M\.B\.A\.|master[’']?s(?: degree)? in business administration`},
	{"medical degree", `M\.?D\.?(?: degree)?|medical degree|doctor of medicine(?: degree)?`},
	{"law degree", `law degree|J\.?D\.?(?: degree)?`},
	{"doctorate", `Ph\.?D\.?|doctorate|doctoral degree`},
	{"undergraduate degree", `B\.?S\.?|B\.?A\.?|bachelor[’']?s(?: degree)?|undergraduate degree`},
	{"master's degree", `master[’']?s degree`},
	{"residency", `residency`},
}

// schoolWords are an institution's name: capitalised words, joined by "of", "at", "for",
// "and", "the" ("University of Alabama at Birmingham", "Medical Center of Central Georgia").
const schoolWords = `\p{Lu}[\p{L}'’&-]*(?:(?: of| at| for| and| the)* \p{Lu}[\p{L}'’&-]*)*`

// degreeCue finds a degree and its school: the degree, up to 50 characters of what it was in
// and when, "from" or "at", the school. Group 1 is the degree, 2 the school. degreeAt finds
// where a degree is named, so that degreeCue runs there alone.
var degreeCue, degreeAt = func() (*gatedRegexp, *gatedRegexp) {
	var alts []string
	for _, k := range degreeKinds {
		alts = append(alts, k.words)
	}
	return mustGate(`^(` + strings.Join(alts, "|") + `)\b[^.;:]{0,50}?\b(?:from|at) (?:the )?(` + schoolWords + `)`),
		mustGate(`\b(?:` + strings.Join(alts, "|") + `)\b`)
}()

// degreeHints are letters every way degreeKinds write a degree holds one of, so that a text
// with none is passed over at once.
var degreeHints = []string{"MBA", "M.B.A", "MD", "M.D", "Ph", "doctor", "bachelor", "BS", "BA", "B.S", "B.A",
	"residency", "master", "J.D", "JD", "degree"}

// degreeMatches are degreeCue's matches in text, as FindAllStringSubmatchIndex gives them.
func degreeMatches(text string) [][]int {
	if !slices.ContainsFunc(degreeHints, func(h string) bool { return strings.Contains(text, h) }) {
		return nil
	}
	var out [][]int
	end := 0
	for _, at := range degreeAt.FindAllStringIndex(text, -1) {
		if at[0] < end {
			continue
		}
		m := degreeCue.FindStringSubmatchIndex(text[at[0]:])
		if m == nil {
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += at[0]
			}
		}
		out, end = append(out, m), m[1]
	}
	return out
}

// degreeKind is the kind of degree words write, or "".
func degreeKind(words string) string {
	for i, k := range degreeKinds {
		if degreeWords[i].MatchString(words) {
			return k.kind
		}
	}
	return ""
}

var degreeWords = func() []*gatedRegexp {
	var out []*gatedRegexp
	for _, k := range degreeKinds {
		out = append(out, mustGate(`^(?:`+k.words+`)$`))
	}
	return out
}()

type schoolClaim struct {
	art    *article
	school string
	ev     crosscheck.Evidence
}

// degreeFacts aligns the schools the articles give each degree of each person: schools of
// one degree agree when one name holds the other's words ("University of Alabama",
// "University of Alabama at Birmingham"), and conflict otherwise.
func (s *story) degreeFacts() []crosscheck.Fact {
	byKey := map[string][]schoolClaim{}
	subjects := map[string]string{}
	var order []string
	for _, a := range s.arts {
		seen := map[string]bool{}
		for _, m := range degreeMatches(a.Text) {
			kind := degreeKind(a.Text[m[2]:m[3]])
			who := a.namedPersonBefore(m[0])
			if kind == "" || who == "" {
				continue
			}
			key := strings.ToLower(lastName(who)) + "\x00" + kind
			if seen[key] {
				continue // an article's first school for a degree stands
			}
			seen[key] = true
			if byKey[key] == nil {
				order = append(order, key)
				subjects[key] = "school of " + who + "’s " + kind
				if kind == "residency" {
					subjects[key] = "where " + who + " served a residency"
				}
			}
			byKey[key] = append(byKey[key], schoolClaim{a, a.Text[m[4]:m[5]], a.evidence(m[4], m[5])})
		}
	}
	var out []crosscheck.Fact
	for _, k := range order {
		if f, ok := schoolFact(subjects[k], byKey[k]); ok {
			out = append(out, f)
		}
	}
	return out
}

// schoolFact makes the fact of one degree's schools, each value shown as most of its
// articles write it, of equal counts in the most words.
func schoolFact(subject string, claims []schoolClaim) (crosscheck.Fact, bool) {
	if !rolesOfSeveral(claims, func(c schoolClaim) *article { return c.art }) {
		return crosscheck.Fact{}, false
	}
	f := crosscheck.Fact{Subject: subject, Kind: "school", Verdict: "agree"}
	var names [][]string
	for _, c := range claims {
		k := slices.IndexFunc(names, func(n []string) bool { return nameWithin(n[0], c.school) || nameWithin(c.school, n[0]) })
		if k < 0 {
			names = append(names, nil)
			f.Values = append(f.Values, crosscheck.FactValue{})
			k = len(names) - 1
		}
		names[k] = append(names[k], c.school)
		f.Values[k].Articles = append(f.Values[k].Articles, c.art.ID)
		f.Values[k].Evidence = append(f.Values[k].Evidence, c.ev)
	}
	for k, n := range names {
		count := map[string]int{}
		best := ""
		for _, w := range n {
			count[w]++
		}
		for _, w := range n {
			if count[w] > count[best] || count[w] == count[best] && len(strings.Fields(w)) > len(strings.Fields(best)) {
				best = w
			}
		}
		f.Values[k].Value = best
	}
	if len(f.Values) > 1 {
		f.Verdict = "conflict"
	}
	sort.SliceStable(f.Values, func(i, j int) bool { return len(f.Values[i].Articles) > len(f.Values[j].Articles) })
	return f, true
}

// nameWithin reports a name whose every word (but "the") is in the other, case folded.
func nameWithin(a, b string) bool {
	wb := strings.Fields(strings.ToLower(b))
	for _, w := range strings.Fields(strings.ToLower(a)) {
		if w != "the" && !slices.Contains(wb, w) {
			return false
		}
	}
	return true
}

// namedPersonBefore is the person named last before offset off whom the article names more
// than once ("She … received her MD degree": the woman the profile is of, not a name read
// once in passing), else the person it names most; "" when it names none.
func (a *article) namedPersonBefore(off int) string {
	best, at, most, mostN := "", -1, "", 0
	for _, e := range a.Entities {
		if e.Kind != "person" {
			continue
		}
		if len(e.Mentions) > mostN {
			most, mostN = e.Name, len(e.Mentions)
		}
		if len(e.Mentions) < 2 {
			continue
		}
		for _, m := range e.Mentions {
			if m.End <= off && m.Start > at {
				best, at = e.Name, m.Start
			}
		}
	}
	if best == "" {
		return most
	}
	return best
}
