package reconcile

import "testing"

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

// A toll given as none conflicts with the toll of the same act, and only with it.
func TestZeroTollJoins(t *testing.T) {
	s := storyOf(t,
		"A local official said 12 people were killed and 20 wounded in the shelling of the camp.",
		"At least 12 people were killed in the shelling of the camp, the county commissioner said.",
		"Aid workers at the camp said no one was killed in the shelling.")
	wantValues(t, s.numberFacts(), "0", []string{"0=c", "12 people=a,b"})
	s = storyOf(t,
		"A local official said 12 people were killed and 20 wounded in the shelling of the camp.",
		"At least 12 people were killed in the shelling of the camp, the county commissioner said.",
		"Aid workers at the camp said no injuries were reported after the shelling.")
	wantValues(t, s.numberFacts(), "0")
}
