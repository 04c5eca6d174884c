package quote

import "testing"

// A mention that opens a clause, names a time or stops before its noun names no speaker.
func TestSpeakerLike(t *testing.T) {
	for m, want := range map[string]bool{
		"Yuri Ushakov": true, "he": true, "the senior adviser": true, "a Russian official": true,
		"When I": false, "Tuesday": false, "However": false, "that he is responsible for higher voter turnout": false,
		"the city embodied the": false, "": false,
		"Instead": false, "Specifically": false, "TALLAHASSEE": false, "Last year": false, "The 60": false,
		"the so": false, "Two": false, "March": false, "61": false, "the ruling": true, "officials": true,
		"The same year": false, "that night": false, "Another witness": true, "a": false,
	} {
		if got := speakerLike(m); got != want {
			t.Errorf("speakerLike(%q) = %v, want %v", m, got, want)
		}
	}
}
