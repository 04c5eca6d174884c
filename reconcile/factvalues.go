package reconcile

import (
	"slices"

	"github.com/crosscheck/crosscheck"
)

// statedValue is one article's word on a fact's value: key says which value it is (two
// words of one key agree), label how the report shows it (the first word of a key's), and
// [start, end) where the article says it.
type statedValue struct {
	art        *article
	key, label string
	start, end int
}

// factOfValues is the fact the stated values give: a value per key, with the articles and the
// evidence of each, an agreement when they are one value and a conflict when several, the
// values stated most first.
func factOfValues(subject, kind string, stated []statedValue) crosscheck.Fact {
	f := crosscheck.Fact{Subject: subject, Kind: kind, Verdict: "agree"}
	var keys []string
	for _, sv := range stated {
		i := slices.Index(keys, sv.key)
		if i < 0 {
			i = len(keys)
			keys = append(keys, sv.key)
			f.Values = append(f.Values, crosscheck.FactValue{Value: sv.label})
		}
		v := &f.Values[i]
		if !slices.Contains(v.Articles, sv.art.ID) {
			v.Articles = append(v.Articles, sv.art.ID)
		}
		v.Evidence = append(v.Evidence, sv.art.evidence(sv.start, sv.end))
	}
	if len(f.Values) > 1 {
		f.Verdict = "conflict"
	}
	slices.SortStableFunc(f.Values, func(a, b crosscheck.FactValue) int { return len(b.Articles) - len(a.Articles) })
	return f
}

// factsOfGroups is the fact of each group of two items or more (factOfValues of the values
// stated says), named by subject.
func factsOfGroups[T any](groups [][]T, kind string, subject func([]T) string, stated func(T) statedValue) []crosscheck.Fact {
	var out []crosscheck.Fact
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		var sv []statedValue
		for _, it := range g {
			sv = append(sv, stated(it))
		}
		out = append(out, factOfValues(subject(g), kind, sv))
	}
	return out
}
