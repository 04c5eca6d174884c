package reconcile

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/entity"
)

// titlesSpelt writes the titles of a role misspelt by a letter as titles are spelt: "State
// Fire Marshall" is the State Fire Marshal.
func titlesSpelt(role string) string {
	f := strings.Fields(role)
	changed := false
	for i, w := range f {
		if w == "of" || w == "with" || w == "at" || w == "for" {
			break // what the office is of is named as written
		}
		if t := entity.TitleSpelling(w); t != "" {
			f[i], changed = t, true
		}
	}
	if !changed {
		return role
	}
	return strings.Join(f, " ")
}

// headOrMember reports the conflict of a person one article calls the office ("State Fire
// Marshal") and another one who works in it ("an inspector with the Alaska State Fire
// Marshal's Office"): the first title's words are all in what the second is with, of or at.
// Each title is one role of its own (roleGroups), given by other articles.
func headOrMember(name string, groups [][]roleMention) (crosscheck.Fact, bool) {
	for _, g := range groups {
		for _, h := range groups {
			head, member, ok := officeAndItsMember(g, h)
			if !ok {
				continue
			}
			f := crosscheck.Fact{Subject: name + "’s role", Kind: "role", Verdict: "conflict"}
			for _, c := range []roleMention{head, member} {
				f.Values = append(f.Values, crosscheck.FactValue{Value: c.title, Articles: []string{c.art.ID},
					Evidence: []crosscheck.Evidence{c.art.evidence(c.start, c.end)}})
			}
			return f, true
		}
	}
	return crosscheck.Fact{}, false
}

// officeAndItsMember finds in g a title without a complement and in h a title whose complement
// holds its words, in articles that give no title of the other.
func officeAndItsMember(g, h []roleMention) (roleMention, roleMention, bool) {
	for _, a := range g {
		office, of := officeAndBody(strings.ToLower(a.title))
		if of != "" || len(strings.Fields(office)) < 2 {
			continue // "marshal" alone is too little to tell the office
		}
		for _, b := range h {
			_, bOf := officeAndBody(strings.ToLower(b.title))
			if bOf == "" || a.art == b.art || slices.ContainsFunc(g, func(r roleMention) bool { return r.art == b.art }) ||
				slices.ContainsFunc(h, func(r roleMention) bool { return r.art == a.art }) {
				continue
			}
			within := strings.Fields(strings.NewReplacer("'s", "", "’s", "").Replace(bOf))
			if !slices.ContainsFunc(strings.Fields(office), func(w string) bool { return !slices.Contains(within, w) }) {
				return a, b, true
			}
		}
	}
	return roleMention{}, roleMention{}, false
}

// officeAndBody splits a title at what it is held in, with or at: "inspector" and "the Alaska
// State Fire Marshal's Office".
func officeAndBody(title string) (string, string) {
	for _, sep := range []string{" of ", " for ", " at ", " with ", " in "} {
		if i := strings.Index(title, sep); i >= 0 {
			return title[:i], title[i+len(sep):]
		}
	}
	return title, ""
}
