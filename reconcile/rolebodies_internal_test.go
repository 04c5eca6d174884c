package reconcile

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// Roles read after a name where the text is tokenised apart ("co - founder") or the apposition
// runs into its verb without a comma; an office and a relation to the body joined by "and" are
// two roles, and the premodifier "Calden CEO and co-founder" is read whole.
func TestRolesWrittenApartOrUnclosed(t *testing.T) {
	for _, tc := range []struct {
		text, who string
		want      []string
	}{
		{"On Monday Ivo Mandl, Calden's CEO and co - founder, said the deal was good.", "Mandl", []string{"CEO", "co-founder"}},
		{"Ivo Mandl, chief executive of Calden Micro has said that the chips were cheap.", "Mandl", []string{"chief executive of Calden Micro"}},
		{"The deal was good, said Calden CEO and co - founder Ivo Mandl on Monday.", "Mandl", []string{"Calden CEO", "co-founder"}},
		{"Ivo Mandl, president and CEO of Calden, said the deal was good.", "Mandl", []string{"president and CEO of Calden"}},
	} {
		a := analyzed(t, tc.text)
		var got []string
		for _, e := range a.Entities {
			if e.Kind == "person" && strings.Contains(e.Name, tc.who) {
				for _, r := range a.rolesOf(e) {
					if !slices.Contains(got, r.title) {
						got = append(got, r.title)
					}
				}
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("roles of %s in %q = %q, want %q", tc.who, tc.text, got, tc.want)
		}
	}
}

// A body named before the office in some articles, after it in others and not at all in one
// goes to the subject, and the office is what they agree on; a body every article names, or
// names alike, stays in the title.
func TestRoleAtABodyNamedInTwoWays(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		want  string
	}{
		{[]string{"The deal is good, said Calden CEO Ivo Mandl on Monday. Calden shares rose.",
			"The deal is good, said Ivo Mandl, chief executive of Calden, on Monday.",
			"The deal is good, said Ivo Mandl, the CEO, on Monday."},
			"Ivo Mandl’s role at Calden: CEO [a b c]"},
		{[]string{"The camp was hit, said UNRWA spokesman Ivo Mandl on Monday.",
			"The camp was hit, said spokesman Ivo Mandl on Monday."},
			"Ivo Mandl’s role: UNRWA spokesman [a b]"},
	} {
		s := storyOf(t, tc.texts...)
		var got []string
		for _, f := range s.roleFacts() {
			for _, v := range f.Values {
				got = append(got, f.Subject+": "+v.Value+" "+fmtArticles(v.Articles))
			}
		}
		if !slices.Contains(got, tc.want) {
			t.Errorf("%q: role facts %q, want %q", tc.texts, got, tc.want)
		}
	}
}

func fmtArticles(ids []string) string {
	return "[" + strings.Join(slices.Sorted(slices.Values(ids)), " ") + "]"
}

// factLine writes a fact as "subject: value [articles] / value [articles]".
func factLine(f crosscheck.Fact) string {
	line := f.Subject + ":"
	for i, v := range f.Values {
		if i > 0 {
			line += " /"
		}
		line += " " + v.Value + " " + fmtArticles(v.Articles)
	}
	return line
}

// One office of two a title joins is no fold of the title: an article that says "CEO" does not
// say "president and CEO".
func TestOneOfTwoJoinedOffices(t *testing.T) {
	v := func(value string, arts ...string) crosscheck.FactValue {
		return crosscheck.FactValue{Value: value, Articles: arts}
	}
	got := agreedRole(foldRoles([]crosscheck.FactValue{v("president and CEO", "a", "b"), v("CEO", "c")}))
	if len(got) != 1 || got[0].Value != "president and CEO" || !slices.Equal(got[0].Articles, []string{"a", "b"}) {
		t.Errorf("president and CEO: %+v", got)
	}
	got = agreedRole(foldRoles([]crosscheck.FactValue{v("Interior Secretary", "a", "b"), v("secretary", "c")}))
	if len(got) != 1 || len(got[0].Articles) != 3 {
		t.Errorf("Interior Secretary: %+v", got)
	}
}

// One article calls a person the office, another one who works in it: a conflict; a title the
// other's body does not hold is another role, and no conflict.
func TestHeadOrMember(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		want  []string
	}{
		{[]string{"County Fire Marshall Anna Mandl surveyed the scene on Tuesday.",
			"The fire is being investigated by Anna Mandl, an inspector with the Calden County Fire Marshal's Office, and the police."},
			[]string{"Anna Mandl’s role: County Fire Marshal [a] / inspector with the Calden County Fire Marshal's Office [b]"}},
		{[]string{"Harbor Police Chief Anna Mandl surveyed the scene on Tuesday.",
			"The fire is being investigated by Anna Mandl, an inspector with the Calden County Fire Marshal's Office, and the police."}, nil},
	} {
		var got []string
		for _, f := range storyOf(t, tc.texts...).roleFacts() {
			if f.Verdict == "conflict" {
				got = append(got, factLine(f))
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %q, want %q", tc.texts, got, tc.want)
		}
	}
}
