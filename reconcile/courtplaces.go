package reconcile

import (
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Where the court sat, as the articles name its town: "A San Antonio jury has found …", "the
// sentencing at state district court in San Angelo". Two towns are a conflict; a state ("A
// Texas jury") holds the town and is left out.

var (
	// courtAfterRe matches a town before a jury or a court: "San Antonio jury".
	courtAfterRe = mustGate(`\b((?:\p{Lu}[\p{L}.'’-]*\s){1,3})(?:jury|jurors|court|courtroom|courthouse)\b`)
	// courtBeforeRe matches a jury or a court in a town: "court in San Angelo".
	courtBeforeRe = mustGate(`\b(?:jury|jurors|court|courtroom|courthouse)\s+in\s+((?:\p{Lu}[\p{L}.'’-]*)(?:\s\p{Lu}[\p{L}.'’-]*){0,2})`)
)

// courtPlaceFacts reports the town two articles or more give the court, or the conflict of the
// towns they give.
func (s *story) courtPlaceFacts() []crosscheck.Fact {
	f := crosscheck.Fact{Subject: "city of the court", Kind: "place", Verdict: "agree"}
	arts := 0
	for _, a := range s.arts {
		towns := a.courtTowns()
		if len(towns) != 1 {
			continue // none, or two courts: no telling which one tried the case
		}
		arts++
		for town, at := range towns {
			k := slices.IndexFunc(f.Values, func(v crosscheck.FactValue) bool { return v.Value == town })
			if k < 0 {
				f.Values = append(f.Values, crosscheck.FactValue{Value: town})
				k = len(f.Values) - 1
			}
			f.Values[k].Articles = append(f.Values[k].Articles, a.ID)
			f.Values[k].Evidence = append(f.Values[k].Evidence, a.evidence(at, at+len(town)))
		}
	}
	if arts < 2 {
		return nil
	}
	if len(f.Values) > 1 {
		f.Verdict = "conflict"
	}
	sort.SliceStable(f.Values, func(i, j int) bool { return len(f.Values[i].Articles) > len(f.Values[j].Articles) })
	return []crosscheck.Fact{f}
}

// courtTowns are the towns the article names as where a jury or a court sat, each with its
// first offset: places the article names, not a state's.
func (a *article) courtTowns() map[string]int {
	out := map[string]int{}
	add := func(name string, at int) {
		name = strings.TrimSpace(name)
		if !a.namesPlace(name) {
			name = strings.TrimRight(name, ".") // "a court in Houston."
		}
		for name != "" && !a.namesPlace(name) { // "A San Antonio jury": the place is the run's end
			_, rest, ok := strings.Cut(name, " ")
			if !ok {
				return
			}
			at += len(name) - len(rest)
			name = rest
		}
		if _, seen := out[name]; seen || name == "" || usStates[name] {
			return
		}
		out[name] = at
	}
	for _, m := range courtAfterRe.FindAllStringSubmatchIndex(a.Text, -1) {
		add(a.Text[m[2]:m[3]], m[2])
	}
	for _, m := range courtBeforeRe.FindAllStringSubmatchIndex(a.Text, -1) {
		add(a.Text[m[2]:m[3]], m[2])
	}
	return out
}
