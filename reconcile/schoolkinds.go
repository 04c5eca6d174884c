package reconcile

import (
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// What kind of school a school is: "the Prep C girls school in the Jabaliya camp" in one
// article, "Fakhura, a girls elementary school in the Jabalya refugee camp" in another. The
// schools of one place are one school; outlets that give it different levels (elementary
// against preparatory) contradict each other, and "elementary" and "primary" agree.

// schoolRe matches a school named by its kind and the place it is in: up to four words
// before "school", then "in [the] Place".
var schoolRe = mustGate(`\b((?:[\p{L}'’.-]+\s+){1,4})schools?\s+in\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]+)`)

// schoolLevels sort the words of a school's level: the same level is the same number.
var schoolLevels = map[string]int{"elementary": 1, "primary": 1, "prep": 2, "preparatory": 2, "middle": 2,
	"junior": 2, "secondary": 3, "high": 3}

// schoolWordStops end the words of a school's kind, read back from "school": a determiner, a
// verb or a comma before them.
var schoolWordStops = map[string]bool{"the": true, "a": true, "an": true, "another": true, "its": true,
	"their": true, "his": true, "her": true, "this": true, "that": true, "one": true}

// school is one article's word on a school's kind.
type school struct {
	art        *article
	place      string // lower case
	kind       string // "girls elementary school"
	level      int
	start, end int
}

// schools reads the schools an article names with a level and a place.
func (a *article) schools() []school {
	var out []school
	for _, m := range schoolRe.FindAllStringSubmatchIndex(a.Text, -1) {
		words := strings.Fields(a.Text[m[2]:m[3]])
		from := len(words)
		for from > 0 {
			w := words[from-1]
			if strings.HasSuffix(w, ",") || schoolWordStops[strings.ToLower(w)] || verbStem(w) != "" && schoolLevels[strings.ToLower(w)] == 0 {
				break
			}
			from--
		}
		words = words[from:]
		level := 0
		for _, w := range words {
			if l := schoolLevels[strings.ToLower(w)]; l > 0 {
				level = l
			}
		}
		if level == 0 || len(words) == 0 {
			continue
		}
		start := m[3]
		for i := len(words) - 1; i >= 0; i-- {
			start = strings.LastIndex(a.Text[:start], words[i])
		}
		end := m[3] + len("school")
		out = append(out, school{a, strings.ToLower(a.Text[m[4]:m[5]]), strings.Join(words, " ") + " school", level, start, end})
	}
	return out
}

// schoolKindFacts aligns the kinds the articles give the school of each place, one per
// article: one level is an agreement, two levels a conflict.
func (s *story) schoolKindFacts() []crosscheck.Fact {
	var all []school
	for _, a := range s.arts {
		all = append(all, a.schools()...)
	}
	var groups [][]school
	for _, sc := range all {
		k := slices.IndexFunc(groups, func(g []school) bool {
			return g[0].place == sc.place || spelledAlike(g[0].place, sc.place)
		})
		if k < 0 {
			groups = append(groups, []school{sc})
			continue
		}
		if !slices.ContainsFunc(groups[k], func(o school) bool { return o.art == sc.art }) {
			groups[k] = append(groups[k], sc)
		}
	}
	return factsOfGroups(groups, "name",
		func(g []school) string {
			return "type of school in " + strings.ToUpper(g[0].place[:1]) + g[0].place[1:]
		},
		func(sc school) statedValue {
			return statedValue{sc.art, strconv.Itoa(sc.level), sc.kind, sc.start, sc.end}
		})
}
