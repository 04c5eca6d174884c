package date

import (
	"fmt"
	"testing"
	"time"
)

// What Resolve remembers is what it works out, asked once or again, for any date.
func TestResolvedIsResolve(t *testing.T) {
	exprs := []string{"Tuesday", "last month", "March 12, 2024", "the fourth quarter", "five hours", "1987",
		"this morning", "next year", "", "the 1990s", "two weeks ago", "Oct. 23"}
	for _, dct := range []time.Time{{}, time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC), time.Date(1987, 3, 2, 0, 0, 0, 0, time.UTC)} {
		for range 2 {
			for _, e := range exprs {
				v, typ := Resolve(e, dct)
				if wv, wtyp := resolve(e, dct); v != wv || typ != wtyp {
					t.Errorf("Resolve(%q, %v) = %q %q, worked out %q %q", e, dct, v, typ, wv, wtyp)
				}
			}
		}
	}
}

// The answers remembered stay within maxResolved however many expressions are resolved.
func TestResolvedStaysBounded(t *testing.T) {
	dct := time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)
	for i := range 3 * maxResolved {
		Resolve(fmt.Sprintf("%d days ago", i), dct)
		resolved.Lock()
		n := len(resolved.answers)
		resolved.Unlock()
		if n > maxResolved {
			t.Fatalf("%d answers remembered, more than %d", n, maxResolved)
		}
	}
}
