package reconcile_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/reconcile"
)

// Three outlets without publication dates tell one death: the day is a weekday, the mill's
// founding a year, the cause of death and the spelling of the harbour master's name differ.
func TestReconcileTextFacts(t *testing.T) {
	arts := []*crosscheck.Article{
		article(t, "a", "Coast Daily", "", "Mill owner Oskar Brandt died on Tuesday at his home in Calden, his daughter said.\n\n"+
			"Brandt died of heart failure after a long illness. He founded the Calden paper mill in 1961.\n\n"+
			"Harbor master Lena Ortiz said the town would mourn him."),
		article(t, "b", "Island Times", "", "Oskar Brandt, who built the town's paper mill, died on Tuesday at the age of 90.\n\n"+
			"Brandt died of congestive heart failure. He founded the mill in 1961 with two brothers.\n\n"+
			"Harbor master Lena Ortis called him a friend of the port."),
		article(t, "c", "Harbor Wire", "", "The founder of the Calden paper mill, Oskar Brandt, died on Tuesday.\n\n"+
			"Brandt died of pneumonia, the family said. He founded the mill in 1961.\n\n"+
			"Harbor master Lena Ortiz praised his work."),
	}
	r := reconcile.Reconcile(crosscheck.Story{ID: "story-a"}, arts, nil)
	find := func(kind, word string) *crosscheck.Fact {
		for i, f := range r.Facts {
			if f.Kind == kind && strings.Contains(f.Subject, word) {
				return &r.Facts[i]
			}
		}
		return nil
	}
	values := func(f *crosscheck.Fact) []string {
		var out []string
		for _, v := range f.Values {
			out = append(out, v.Value+":"+strings.Join(slices.Sorted(slices.Values(v.Articles)), ","))
		}
		return out
	}
	for _, tc := range []struct {
		kind, word, verdict string
		values              []string
	}{
		{"date", "death", "agree", []string{"Tuesday:a,b,c"}},
		{"date", "founded", "agree", []string{"1961:a,b,c"}},
		{"cause", "Brandt", "conflict", []string{"heart failure:a,b", "pneumonia:c"}},
		{"name", "Ortiz", "conflict", []string{"Lena Ortiz:a,c", "Lena Ortis:b"}},
	} {
		f := find(tc.kind, tc.word)
		if f == nil {
			t.Errorf("no %s fact about %q in %+v", tc.kind, tc.word, r.Facts)
			continue
		}
		if f.Verdict != tc.verdict || !slices.Equal(values(f), tc.values) {
			t.Errorf("%s %q: %s %v, want %s %v", tc.kind, f.Subject, f.Verdict, values(f), tc.verdict, tc.values)
		}
	}
}
