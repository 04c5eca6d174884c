package reconcile

import (
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp"
)

// roleFacts compares the titles the articles give each person named in several of them.
func (s *story) roleFacts() []crosscheck.Fact {
	type roleClaim struct {
		art   *article
		title string
		role  crosscheck.Role
	}
	byPerson := map[string][]roleClaim{}
	names := map[string]string{}
	var order []string
	for _, a := range s.arts {
		for _, e := range a.Entities {
			if e.Kind != "person" {
				continue
			}
			key := lastName(e.Name)
			if len(e.Name) > len(names[key]) {
				names[key] = e.Name
			}
			var mine []roleClaim
			for _, r := range e.Roles {
				if t := nlp.RoleTitle(r.Text); t != "" {
					mine = append(mine, roleClaim{a, t, r})
				}
			}
			if len(mine) == 0 {
				continue
			}
			if byPerson[key] == nil {
				order = append(order, key)
			}
			byPerson[key] = append(byPerson[key], pickTitle(mine, func(r roleClaim) string { return r.title }))
		}
	}
	var out []crosscheck.Fact
	for _, key := range order {
		claims := byPerson[key]
		f := crosscheck.Fact{Subject: names[key] + "’s role", Kind: "role"}
		for _, c := range claims {
			k := -1
			for i, v := range f.Values {
				if strings.EqualFold(v.Value, c.title) {
					k = i
				}
			}
			if k < 0 {
				f.Values = append(f.Values, crosscheck.FactValue{Value: c.title})
				k = len(f.Values) - 1
			}
			f.Values[k].Articles = append(f.Values[k].Articles, c.art.ID)
			f.Values[k].Evidence = append(f.Values[k].Evidence, c.art.evidence(c.role.Start, c.role.End))
		}
		if len(claims) < 2 {
			continue
		}
		f.Verdict = "agree"
		if len(f.Values) > 1 && titlesConflict(f.Values) {
			f.Verdict = "conflict"
		}
		sort.SliceStable(f.Values, func(i, j int) bool { return len(f.Values[i].Articles) > len(f.Values[j].Articles) })
		out = append(out, f)
	}
	return out
}

// pickTitle chooses the title an article gives a person: among titles that differ only by
// "former", the former one (it says more); else the one it uses most.
func pickTitle[T any](list []T, title func(T) string) T {
	best := list[0]
	count := map[string]int{}
	for _, r := range list {
		count[title(r)]++
	}
	for _, r := range list {
		t := title(r)
		if strings.HasPrefix(t, "former ") && count[strings.TrimPrefix(t, "former ")] > 0 {
			return r
		}
		if count[t] > count[title(best)] {
			best = r
		}
	}
	return best
}

// titlesConflict reports titles of one person that cannot all hold at once: the same office
// held and "former", or different offices of one kind.
func titlesConflict(values []crosscheck.FactValue) bool {
	for i := range values {
		for j := i + 1; j < len(values); j++ {
			a, b := strings.ToLower(values[i].Value), strings.ToLower(values[j].Value)
			if strings.TrimPrefix(a, "former ") == strings.TrimPrefix(b, "former ") || otherPortfolio(values[i].Value, values[j].Value) {
				return true
			}
		}
	}
	return false
}

// otherPortfolio reports one office held over different things: the same last word ("Minister")
// after different capitalised words ("Mining Minister", "Labour Minister"). "Prime", "Deputy"
// and the like name a different office too; a title with no such word is only less specific.
func otherPortfolio(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) < 2 || len(fb) < 2 || fa[len(fa)-1] != fb[len(fb)-1] {
		return false
	}
	caps := func(f []string) []string {
		var out []string
		for _, w := range f[:len(f)-1] {
			if w[0] >= 'A' && w[0] <= 'Z' {
				out = append(out, w)
			}
		}
		return out
	}
	ca, cb := caps(fa), caps(fb)
	return len(ca) > 0 && len(cb) > 0 && !slices.ContainsFunc(ca, func(w string) bool { return slices.Contains(cb, w) })
}

// placeFacts reports the places several articles say the story happens in ("in Moscow").
func (s *story) placeFacts() []crosscheck.Fact {
	byPlace := map[string]*crosscheck.FactValue{}
	claims := map[string][]claim{} // the mentions of each place, to name what happens there
	var order []string
	for _, a := range s.arts {
		for _, e := range a.Entities {
			place := e.Name
			if e.Kind == "org" {
				place = nlp.Seat(e.Name) // "in the Kremlin" is in Moscow
			}
			if e.Kind != "place" && place == e.Name || place == "" {
				continue
			}
			for _, m := range e.Mentions {
				before := strings.TrimSuffix(strings.ToLower(a.Text[max(0, m.Start-12):m.Start]), " ")
				before = strings.TrimSuffix(strings.TrimSuffix(before, " the"), "the")
				if w := lastWordOf(before); w != "in" && w != "at" {
					continue
				}
				v := byPlace[place]
				if v == nil {
					v = &crosscheck.FactValue{Value: place}
					byPlace[place] = v
					order = append(order, place)
				}
				if !slices.Contains(v.Articles, a.ID) {
					v.Articles = append(v.Articles, a.ID)
					v.Evidence = append(v.Evidence, a.evidence(m.Start, m.End))
					claims[place] = append(claims[place], a.claim(m.Start, m.End))
				}
			}
		}
	}
	var out []crosscheck.Fact
	for _, p := range order {
		v := byPlace[p]
		if len(v.Articles) < 2 || 2*len(v.Articles) < len(s.arts) {
			continue
		}
		out = append(out, crosscheck.Fact{Subject: "place of " + s.event(claims[p]), Kind: "place", Verdict: "agree", Values: []crosscheck.FactValue{*v}})
	}
	return out
}

func lastWordOf(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ",.;:“”\"")
}
