package reconcile

import "testing"

// A hedged figure after a dash is no second figure of a score: a dateline's day stands before
// it.
func TestHedgedFigureAfterDashIsNoScore(t *testing.T) {
	a := analyzed(t, "WASHINGTON - April 27 - More than 1,300 scientists signed the letter.")
	for _, n := range a.numbersWithTimes() {
		if r, ok := a.readNumber(n); ok && r.label == "1300 scientists" {
			return
		}
	}
	t.Fatal("the count of scientists was not read")
}

// A count whose verb of killing stands past a relative clause is a toll: the parse finds the
// verb the words next to the figure do not.
func TestTollPastAClause(t *testing.T) {
	a := analyzed(t, "In an earlier airstrike, three cousins who had taken refuge in a UN school were killed.")
	for _, n := range a.numbersWithTimes() {
		if r, ok := a.readNumber(n); ok && r.label == "3 cousins" {
			if r.verb != "killed" {
				t.Fatalf("verb %q, want killed", r.verb)
			}
			return
		}
	}
	t.Fatal("the count of cousins was not read")
}

// A verb of dying after a clause or an aside that follows the noun counted is the count's;
// the clause's own verb of killing is what they did.
func TestTollAfterAClause(t *testing.T) {
	for text, want := range map[string]string{
		"Hours before, three young men who were cousins died when the school was bombed.": "died",
		"Hours earlier, three young men - all cousins - died when the school was bombed.": "died",
		"Three men who had fled the town were killed at the border.":                      "killed",
		"Three men who killed a guard fled the town.":                                     "",
	} {
		a := analyzed(t, text)
		got, found := "", false
		for _, n := range a.numbersWithTimes() {
			if r, ok := a.readNumber(n); ok && r.label == "3 men" {
				got, found = r.verb, true
			}
		}
		if !found || got != want {
			t.Errorf("%q: verb %q (read %v), want %q", text, got, found, want)
		}
	}
}

// A count of the parts or members of a whole takes the verb after the whole.
func TestPartsTakeTheVerbAfterTheWhole(t *testing.T) {
	a := analyzed(t, "Since then, seven other members of the sect have been convicted in Texas.")
	for _, n := range a.numbersWithTimes() {
		if r, ok := a.readNumber(n); ok && r.thing == "member" {
			if r.verb != "convicted" {
				t.Fatalf("verb %q, want convicted", r.verb)
			}
			return
		}
	}
	t.Fatal("the count of members was not read")
}

// A share of a state of mind is the person's whose it is, named in the sentence; a share of
// another quality is no one's.
func TestSureInPercentIsSomeones(t *testing.T) {
	for text, want := range map[string]string{
		"Dana Pell said the first inquiry left her 99.9 per cent sure no one was inside.": "how sure Pell was, in percent",
		"Dana Pell said the new battery is 40 per cent larger.":                           "how larger, in percent",
	} {
		a := analyzed(t, text)
		for _, n := range a.numbersWithTimes() {
			if r, ok := a.readNumber(n); ok && r.kind == "percent" && r.word != want {
				t.Errorf("%q: %q, want %q", text, r.word, want)
			}
		}
	}
}
