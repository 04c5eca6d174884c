package reconcile

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// madeUpNames returns n names of one to three words, some of them spelt again with a letter
// changed, dropped or doubled, or with another given name, as outlets misspell names.
func madeUpNames(n int, rng *rand.Rand) [][]string {
	syllables := []string{"ka", "lo", "mer", "tin", "sa", "ro", "bel", "an", "dre", "vi", "gor", "el", "na", "fi", "ul"}
	word := func() string {
		var b strings.Builder
		for range 2 + rng.Intn(2) {
			b.WriteString(syllables[rng.Intn(len(syllables))])
		}
		return strings.ToUpper(b.String()[:1]) + b.String()[1:]
	}
	seen := map[string]bool{}
	var out [][]string
	for len(out) < n {
		var w []string
		if len(out) > 0 && rng.Intn(3) == 0 {
			w = slices.Clone(out[rng.Intn(len(out))])
			k := rng.Intn(len(w))
			r := []rune(w[k])
			switch p := rng.Intn(len(r)); rng.Intn(4) {
			case 0:
				r[p] = 'e'
			case 1:
				r = append(r[:p], r[p+1:]...)
			case 2:
				r = slices.Insert(r, p, r[p])
			default:
				w = w[len(w)-1:] // the surname alone
			}
			if len(w) > 0 && k < len(w) {
				w[k] = string(r)
			}
		} else {
			for range 1 + rng.Intn(3) {
				w = append(w, word())
			}
		}
		if key := strings.Join(w, " "); !seen[key] && key != "" {
			seen[key] = true
			out = append(out, w)
		}
	}
	return out
}

// Every pair of names nameFacts may join is among the candidates the index gives: the index
// changes how many pairs are compared, never which names are one.
func TestSpellingCandidatesHoldEveryJoinablePair(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	names := madeUpNames(600, rng)
	names = append(names, [][]string{{"Jon", "Owen"}, {"John", "Owen"}, {"Hefner"}, {"Hugh", "Heffner"},
		{"David", "Stevens"}, {"Dale", "Stevens"}, {"Bettie", "Page"}, {"Betty", "Page"}, {"al-Fakhora"}, {"Fakhora"}}...)
	got := map[[2]int]bool{}
	for _, p := range spellingCandidates(names) {
		got[p] = true
	}
	joinable := 0
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			a, b := names[i], names[j]
			if spellings(a, b) || len(a) != len(b) && oneWordOf(a, b) || otherGivenName(a, b) {
				joinable++
				if !got[[2]int{i, j}] {
					t.Errorf("%q and %q may be one name but are no candidates", a, b)
				}
			}
		}
	}
	if joinable < 50 {
		t.Fatalf("only %d joinable pairs: the test names are too far apart to test anything", joinable)
	}
}

// The pairs compared grow with the names, not with their square: twice the names of a story
// give about twice the candidates.
func TestSpellingCandidatesGrowWithTheNames(t *testing.T) {
	count := func(n int) int {
		return len(spellingCandidates(madeUpNames(n, rand.New(rand.NewSource(int64(n))))))
	}
	small, large := count(1000), count(2000)
	if small == 0 || large > 3*small {
		t.Errorf("%d names give %d candidates, %d give %d", 1000, small, 2000, large)
	}
	if all := 2000 * 1999 / 2; large*20 > all {
		t.Errorf("%d candidates of %d pairs", large, all)
	}
}

// A surname alone is found where no other name runs on from it or into it: "George" is not in
// "President George W. Bush", nor "Vell" in "Ann Vell".
func TestAloneIndex(t *testing.T) {
	for _, tc := range []struct {
		text, w string
		want    int
	}{
		{"Heffner told the AP", "Heffner", 0},
		{"under President George W. Bush in 2001", "George", -1},
		{"said Ann Vell. Vell left", "Vell", 15},
		{"said Mr. Vell, who left", "Vell", 9},
		{"said Sen. Vell, who left", "Vell", 10},
	} {
		if got := aloneIndex(tc.text, tc.w); got != tc.want {
			t.Errorf("aloneIndex(%q, %q) = %d, want %d", tc.text, tc.w, got, tc.want)
		}
	}
}
