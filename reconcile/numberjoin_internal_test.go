package reconcile

import "testing"

// Two totals of one figure are one count whatever the things summed are called, named by the
// parts of the whole; a total and a plain count of one figure stay apart.
func TestOneTotal(t *testing.T) {
	a := "A total of 31 separate pieces of firefighting apparatus responded to the blaze."
	b := "Owen said a total of 31 fire trucks, emergency vehicles and other equipment were on scene."
	s := storyOf(t, a, b)
	found := false
	for _, f := range s.numberFacts() {
		if f.Kind == "count" && len(f.Values) == 1 && len(f.Values[0].Articles) == 2 {
			found = true
			if f.Subject != "number of pieces of apparatus responded" {
				t.Errorf("subject %q, want the pieces of apparatus", f.Subject)
			}
		}
	}
	if !found {
		t.Error("the two totals are not one count")
	}
	if joinedOnce(t, "count", a, "Owen said 31 fire trucks were parked in the town on Friday.") {
		t.Error("a total and a plain count joined")
	}
}

// Once is one hit and one shot: "shot him once" and "fired one shot" are one count; eleven
// times and eleven shots stay apart.
func TestOnceIsOneShot(t *testing.T) {
	if !joinedOnce(t, "count", "He shot the guard once in the head and fled.", "He fired just one shot at the guard, hitting him in the head.") {
		t.Error("shot once and one shot fired are not one count")
	}
	if joinedOnce(t, "count", "The boy was shot eleven times in the torso.", "The officers fired eleven shots at the boy.") {
		t.Error("eleven hits and eleven shots fired joined")
	}
}
