package reconcile

import (
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/analyze/entity"
)

// spellingCandidates returns the pairs of names (indices i < j into names, sorted) that may be
// spellings of one name, so that nameFacts compares those alone and not every pair of a
// story's names. A pair nameFacts can join is always among them:
//
//   - two names of as many words that differ in one word (spellings, otherGivenName) share
//     the words around it; of those, the words that differ are alike when they are one word
//     less a letter of each other or of themselves (an edit distance of one), or begin with the
//     same four letters (spelledAlike's distance of two); a given name told otherwise
//     (otherGivenName) begins with the same letter;
//   - a name of one word and the last word of a longer one (oneWordOf) are equal or one
//     letter apart, so they too share the word less a letter.
//
// Names are indexed by these keys, and only names that share one are paired.
func spellingCandidates(names [][]string) [][2]int {
	buckets := map[string][]int{}
	for i, w := range names {
		for _, k := range spellingKeys(w) {
			buckets[k] = append(buckets[k], i)
		}
	}
	seen := map[[2]int]bool{}
	var out [][2]int
	add := func(i, j int) {
		p := [2]int{min(i, j), max(i, j)}
		if i != j && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, list := range buckets {
		for x, i := range list {
			for _, j := range list[x+1:] {
				add(i, j)
			}
		}
	}
	// a one-word name against the last word of each longer name
	for i, w := range names {
		if len(w) < 2 {
			continue
		}
		for _, k := range lessALetter(w[len(w)-1]) {
			for _, j := range buckets["one\x00"+k] {
				add(i, j)
			}
		}
	}
	slices.SortFunc(out, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	return out
}

// spellingKeys are the keys a name is indexed by: for each of its words, the other words
// with the word's spelling keys (and, for the first word, its initial); a name of one word is
// also indexed as the last word of a longer one.
func spellingKeys(words []string) []string {
	var out []string
	for i, w := range words {
		rest := strconv.Itoa(len(words)) + "\x00" + strconv.Itoa(i) + "\x00" +
			strings.Join(words[:i], " ") + "\x00" + strings.Join(words[i+1:], " ") + "\x00"
		for _, k := range alikeKeys(w) {
			out = append(out, rest+k)
		}
		if i == 0 && len(words) > 1 && w != "" {
			out = append(out, rest+"initial\x00"+w[:1])
		}
	}
	if len(words) == 1 {
		for _, k := range lessALetter(words[0]) {
			out = append(out, "one\x00"+k)
		}
	}
	return out
}

// alikeKeys are the keys two words spelledAlike share one of at least: the word, folded as
// spelledAlike folds it, less each one letter and whole; and its first four letters.
func alikeKeys(w string) []string {
	w = strings.ToLower(entity.WithoutArticle(strings.TrimSuffix(w, ".")))
	out := lessALetter(w)
	if r := []rune(w); len(r) >= 5 {
		out = append(out, "prefix\x00"+string(r[:4]))
	}
	return out
}

// lessALetter is a word whole and with each one of its letters left out: two words of an edit
// distance of one or none share one of them.
func lessALetter(w string) []string {
	r := []rune(w)
	out := []string{w}
	for i := range r {
		out = append(out, string(r[:i])+string(r[i+1:]))
	}
	return out
}
