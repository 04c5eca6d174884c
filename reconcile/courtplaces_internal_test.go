package reconcile

import (
	"slices"
	"testing"
)

// The town a jury or a court sat in, before it or after "in"; two towns conflict, a state
// holds the town, and an article naming two courts says nothing of which.
func TestCourtPlaceFacts(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		want  []string
	}{
		{[]string{"A San Antonio jury has found Ivo Mandl guilty.", "The sentencing at state district court in San Angelo ended the trial.",
			"A Texas jury convicted Ivo Mandl on Thursday."},
			[]string{"conflict city of the court: San Antonio [a] / San Angelo [b]"}},
		{[]string{"A Dallas jury has found Ivo Mandl guilty.", "The jury in Dallas found Ivo Mandl guilty on Thursday."},
			[]string{"agree city of the court: Dallas [a b]"}},
		{[]string{"A Dallas jury has found Ivo Mandl guilty. He will appeal to a court in Houston.", "The jury in Houston found Ivo Mandl guilty."}, nil},
	} {
		var got []string
		for _, f := range storyOf(t, tc.texts...).courtPlaceFacts() {
			got = append(got, f.Verdict+" "+factLine(f))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %q, want %q", tc.texts, got, tc.want)
		}
	}
}
