package lex

import (
	"bytes"
	"regexp/syntax"
	"slices"
	"strings"
)

// A match of an alternative that opens with an optional word ("about two weeks", "last
// Tuesday") can begin with many bytes, so the first bytes rule out few texts; but such an
// alternative mostly holds a word every match has, one of a few ("weeks", "Tuesday"), which
// the text can be searched for at little cost before the pattern is tried.

// maxNeeds bounds the strings one of which a match must hold: searching for more costs
// about as much as a try of the pattern.
const maxNeeds = 8

// maxExact bounds the sets of strings exactly a part of a pattern matches that are kept.
const maxExact = 64

// needs returns strings one of which every match of expr holds, or nil when it finds none
// worth searching for.
func needs(expr string) [][]byte {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	set := literalsOf(re.Simplify()).held
	if len(set) == 0 || len(set) > maxNeeds || shortest(set) < 2 {
		return nil // too many to search for, or a byte most texts hold
	}
	var out [][]byte
	for _, s := range set {
		out = append(out, []byte(s))
	}
	return out
}

// literals are what is known of the strings a part of a pattern matches: exact, when known,
// is every string it can match; held, when known, are strings one of which every match holds.
type literals struct {
	exact, held []string
}

// literalsOf tells what is known of the strings re matches, part by part.
func literalsOf(re *syntax.Regexp) literals {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return literals{}
		}
		return exactly([]string{string(re.Rune)})
	case syntax.OpCharClass:
		var chars []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(chars) == maxNeeds {
					return literals{}
				}
				chars = append(chars, string(r))
			}
		}
		return exactly(chars)
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return exactly([]string{""})
	case syntax.OpCapture:
		return literalsOf(re.Sub[0])
	case syntax.OpQuest:
		if sub := literalsOf(re.Sub[0]); sub.exact != nil {
			return exactly(append([]string{""}, sub.exact...))
		}
	case syntax.OpPlus:
		return literals{held: literalsOf(re.Sub[0]).held}
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return literals{held: literalsOf(re.Sub[0]).held}
		}
	case syntax.OpAlternate:
		var exact, held []string
		exactAll, heldAll := true, true
		for _, sub := range re.Sub {
			l := literalsOf(sub)
			exact, exactAll = append(exact, l.exact...), exactAll && l.exact != nil
			held, heldAll = append(held, l.held...), heldAll && l.held != nil
		}
		if exactAll && len(exact) <= maxExact {
			return exactly(exact)
		}
		if heldAll {
			return literals{held: fewest(held)}
		}
	case syntax.OpConcat:
		return concatLiterals(re.Sub)
	}
	return literals{}
}

// concatLiterals are the literals of a concatenation: its parts' exact strings joined, run by
// run of parts whose strings are known, and the best of the held strings of the runs and parts.
func concatLiterals(parts []*syntax.Regexp) literals {
	var best []string
	consider := func(held []string) {
		if better(held, best) {
			best = held
		}
	}
	run := []string{""}
	whole := true // every part so far is exact
	for _, p := range parts {
		l := literalsOf(p)
		if l.exact == nil || len(run)*len(l.exact) > maxExact {
			consider(fewest(run))
			run, whole = []string{""}, false
		}
		consider(l.held)
		if l.exact == nil {
			continue
		}
		var joined []string
		for _, a := range run {
			for _, b := range l.exact {
				joined = append(joined, a+b)
			}
		}
		run = joined
	}
	consider(fewest(run))
	if whole {
		return exactly(run)
	}
	return literals{held: best}
}

// exactly are the literals of a part that matches the strings exact alone.
func exactly(exact []string) literals {
	return literals{exact: exact, held: fewest(exact)}
}

// fewest drops from held the strings that hold another of them, which is found wherever
// they are; it is nil when one of them is empty, which every text holds.
func fewest(held []string) []string {
	var out []string
	for _, s := range held {
		if s == "" {
			return nil
		}
		if !slices.ContainsFunc(held, func(t string) bool { return t != s && strings.Contains(s, t) }) &&
			!slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// better reports whether a is a better set of held strings to search for than b: one of
// at most maxNeeds strings where b has more, or else one whose shortest string is longer, or
// as long and with fewer strings.
func better(a, b []string) bool {
	if a == nil {
		return false
	}
	if b == nil {
		return true
	}
	if (len(a) <= maxNeeds) != (len(b) <= maxNeeds) {
		return len(a) <= maxNeeds
	}
	if la, lb := shortest(a), shortest(b); la != lb {
		return la > lb
	}
	return len(a) < len(b)
}

func shortest(set []string) int {
	n := len(set[0])
	for _, s := range set {
		n = min(n, len(s))
	}
	return n
}

// holdsOne reports whether b holds one of set, or set is nil.
func holdsOne(b []byte, set [][]byte) bool {
	if set == nil {
		return true
	}
	for _, s := range set {
		if bytes.Contains(b, s) {
			return true
		}
	}
	return false
}
