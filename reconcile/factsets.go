package reconcile

import (
	"math"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/analyze/number"
)

// Which articles state which value of a fact. An article is counted for the value it states
// about the fact's subject, once: its precise figure rather than the hedge it also gives,
// not a figure it gives of something else.

// preciseOverHedges leaves out of a fact the hedged claims ("about 40 Palestinians") of an
// article that also states a precise value the hedge allows ("42 people were killed"): the
// article's value is the precise one, and the hedge, compatible with it, is no second value
// of the article. A hedge an article gives alone stays.
func preciseOverHedges(f []claim, agree func(a, b claim) bool) []claim {
	out := f[:0:0]
	for _, c := range f {
		if c.approx && c.bound == "" && hasPreciseRival(c, f, agree) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// hasPreciseRival reports an exact claim of c's article in f, of another figure, that c agrees
// with.
func hasPreciseRival(c claim, f []claim, agree func(a, b claim) bool) bool {
	for _, e := range f {
		if e.art == c.art && !e.approx && e.bound == "" && e.value != c.value && agree(c, e) {
			return true
		}
	}
	return false
}

// ownersDiffer reports two figures of people the articles name, of two different people:
// an age or a measure of one person is no value of another's, whatever the figure ("Luck
// broke Newton's record of 4,051 yards", "he [Luck] set the record with 4,051 yards").
func ownersDiffer(a, b claim) bool {
	return a.named && b.named && a.owner != b.owner && personalKinds[a.read.kind] && personalKinds[b.read.kind]
}

// personalKinds are the kinds of figure that belong to a person: an age, a length run or
// thrown, a weight lifted.
var personalKinds = map[string]bool{"age": true, "measure": true}

// ownedApart reports a claim of fact f that is another person's figure than c's.
func ownedApart(f []claim, c claim) bool {
	for _, x := range f {
		if ownersDiffer(x, c) {
			return true
		}
	}
	return false
}

// valueOf is the index of the value among reps (one claim for each value so far) that claim c
// states, or -1: the first it agrees with, or for a hedge the nearest figure it allows ("about
// 50" beside 52 and 50 is 50).
func valueOf(c claim, reps []claim, agree func(a, b claim) bool) int {
	k := -1
	for i, r := range reps {
		if !agree(r, c) {
			continue
		}
		if !c.approx {
			return i
		}
		if k < 0 || math.Abs(r.value-c.value) < math.Abs(reps[k].value-c.value) {
			k = i
		}
	}
	return k
}

// assignKey files the claims of one kind and unit into facts (assign), except that the claims
// of a thing counted by one figure alone in the whole story are one fact, however little
// their sentences share: "three-tiered pricing", "three price tiers" (soleFigure).
func (s *story) assignKey(claims []claim) [][]claim {
	if soleFigure(claims) {
		if !severalArticles(claims) {
			return nil
		}
		return [][]claim{claims}
	}
	return s.assign(claims, numbersAgree)
}

// soleFigure reports claims that count one thing, other than people or times, by one figure
// in every article that counts it: the story tells one count of that thing. A noun counted
// by two figures anywhere ("3 USB ports", "2 USB ports") is left to the sentences to sort.
func soleFigure(claims []claim) bool {
	if len(claims) < 2 || claims[0].read.kind != "count" || countsPeople(claims[0].read) || claims[0].read.thing == "time" {
		return false
	}
	for _, c := range claims {
		if c.approx || c.bound != "" || c.listed || c.read.borrowed || !number.Equal(c.value, claims[0].value) {
			return false
		}
	}
	return true
}

// thingsFromPeople: a count of people that a noun of things comes from, and a count of that
// noun ("comments from 300,000 citizens", "received nearly 300,000 comments"; "letters from
// 2,000 readers", "2,000 letters"): the things are counted by the people who sent them.
func thingsFromPeople(s *story, c, o claim) bool {
	of := func(people, things claim) bool {
		if !countsPeople(people.read) || countsPeople(things.read) || things.read.thing == "" {
			return false
		}
		m := nounFrom.FindStringSubmatch(people.art.Text[max(0, people.start-40):people.start])
		return m != nil && singularNoun(strings.ToLower(m[1])) == things.read.thing
	}
	return of(c, o) || of(o, c)
}

// nounFrom ends the text before a count of people with the noun of what came from them:
// "comments from", "letters from".
var nounFrom = mustGate(`\b([A-Za-z]+)\s+from\s+$`)

// labelFirst orders a fact's claims so that each value is labelled by an exact figure of the
// noun the fact counts: a count joined from another noun ("letters from 2,000 residents")
// names its value only when no claim of the fact's own noun does.
func labelFirst(f []claim, key string) {
	unit := key[strings.IndexByte(key, '|')+1:]
	rank := func(c claim) int {
		r := 0
		if c.read.unit != unit {
			r += 2
		}
		if c.approx {
			r++
		}
		return r
	}
	sort.SliceStable(f, func(i, j int) bool { return rank(f[i]) < rank(f[j]) })
}
