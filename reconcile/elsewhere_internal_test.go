package reconcile

import (
	"strings"
	"testing"
)

func TestElsewhere(t *testing.T) {
	cases := []struct{ text, figure, want string }{
		{"Violence also broke out in the northern city of Thessaloniki, where another 20,000 people marched.", "20,000", "thessaloniki"},
		{"Violence was also reported in Thessaloniki, where a further 20,000 people joined the city's demonstrations.", "20,000", "thessaloniki"},
		{"Firefighters rescued another five people from the balcony.", "five", ""},
		{"Police said 20,000 people marched in Athens.", "20,000", ""},
		{"In Athens police said another 200 people were arrested.", "200", ""},
	}
	for _, c := range cases {
		a := storyOf(t, c.text).arts[0]
		if got := a.elsewhere(strings.Index(c.text, c.figure)); got != c.want {
			t.Errorf("%q: elsewhere = %q, want %q", c.text, got, c.want)
		}
	}
}

// A crowd in another city is a count of its own: the march of the capital and another city's
// march do not make one conflict.
func TestElsewhereApart(t *testing.T) {
	s := storyOf(t,
		"Police said 30,000 people marched through the city centre on Wednesday against the cuts.",
		"Police said 30,000 people marched through the city centre on Wednesday.",
		"Protests spread to the city of Dorsk, where another 20,000 people marched through the city centre on Wednesday against the cuts.",
		"Protests spread to Dorsk, where a further 20,000 people marched through the city centre on Wednesday.")
	wantValues(t, s.numberFacts(), "20000 people", []string{"20000 people=c,d"})
}
