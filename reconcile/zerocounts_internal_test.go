package reconcile

import (
	"slices"
	"testing"
)

func TestZeroTollRead(t *testing.T) {
	cases := []struct {
		text string
		act  string // "" when no toll of none is read
	}{
		{"Witnesses said no one was killed or injured in the raid.", "killed"},
		{"The ministry confirmed there were no dead or wounded.", "killed"},
		{"No injuries were reported at the depot.", "wounded"},
		{"Nobody was hurt when the roof fell.", "wounded"},
		{"There were no immediate reports of casualties.", ""},
		{"No one was believed to be inside the hall.", ""},
		{"The storm caused no casualties.", ""},
	}
	for _, c := range cases {
		a := storyOf(t, c.text).arts[0]
		z := a.zeroCounts()
		switch {
		case c.act == "" && len(z) > 0:
			t.Errorf("%q: read a toll of none (%s), want none", c.text, z[0].read.verb)
		case c.act != "" && (len(z) != 1 || z[0].read.verb != c.act || z[0].value != 0):
			t.Errorf("%q: read %v, want one toll of none %s", c.text, z, c.act)
		}
	}
}

// zeroFact is the values, sorted, of the number fact that gives value.
func zeroFact(s *story, value string) []string {
	for _, f := range s.numberFacts() {
		for _, v := range f.Values {
			if v.Value == value {
				var out []string
				for _, w := range f.Values {
					out = append(out, w.Value)
				}
				slices.Sort(out)
				return out
			}
		}
	}
	return nil
}

// A toll given as none conflicts with the toll of the same act, and only with it.
func TestZeroTollJoins(t *testing.T) {
	s := storyOf(t,
		"A local official said 12 people were killed and 20 wounded in the shelling of the camp.",
		"At least 12 people were killed in the shelling of the camp, the county commissioner said.",
		"Aid workers at the camp said no one was killed in the shelling.")
	if got, want := zeroFact(s, "0"), []string{"0", "12 people"}; !slices.Equal(got, want) {
		t.Errorf("no one killed against 12 killed: values %v, want %v", got, want)
	}
	s = storyOf(t,
		"A local official said 12 people were killed and 20 wounded in the shelling of the camp.",
		"At least 12 people were killed in the shelling of the camp, the county commissioner said.",
		"Aid workers at the camp said no injuries were reported after the shelling.")
	if got := zeroFact(s, "0"); got != nil {
		t.Errorf("no one hurt against 12 killed: values %v, want no fact of 0", got)
	}
}
