package reconcile

import "testing"

// A company and a person may voice one quote; two people of other names may not.
func TestSpeakerMatchOrgAndPerson(t *testing.T) {
	amd := speaker{name: "AMD", last: "AMD", kind: "org"}
	lu := speaker{name: "Lu", last: "Lu", kind: "person"}
	su := speaker{name: "Lisa Su", last: "Su", kind: "person"}
	if got := amd.match(lu); got != 0 {
		t.Errorf("AMD and Lu: %d, want 0", got)
	}
	if got := lu.match(su); got != -1 {
		t.Errorf("Lu and Lisa Su: %d, want -1", got)
	}
}
