package clean

import (
	"strings"
	"testing"
)

var indexTexts = []string{"", "told", "he told reporters he had been told", "said to said tx said to", "quoting quotin quoting",
	"cited bycited by", "according to according", "reported by reportedly reported by the", "zzz"}

// checkIndex fails where indexByRareByte finds a trigger elsewhere than strings.Index does.
func checkIndex(t *testing.T, s string) {
	for _, p := range creditPatterns {
		for _, trigger := range p.triggers {
			for from := 0; from <= len(s); from++ {
				if got, want := indexByRareByte(s[from:], trigger), strings.Index(s[from:], trigger); got != want {
					t.Fatalf("indexByRareByte(%q, %q) = %d, want %d", s[from:], trigger, got, want)
				}
			}
		}
	}
}

func TestIndexByRareByteIsIndex(t *testing.T) {
	for _, s := range indexTexts {
		checkIndex(t, s)
	}
}

func FuzzIndexByRareByte(f *testing.F) {
	for _, s := range indexTexts {
		f.Add(s)
	}
	f.Fuzz(checkIndex)
}
