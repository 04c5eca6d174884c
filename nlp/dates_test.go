package nlp_test

import (
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/nlp"
)

func TestResolve(t *testing.T) {
	dct := time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC) // a Wednesday
	for _, tc := range []struct{ expr, value, typ string }{
		{"Tuesday", "2025-12-02", "DATE"},
		{"on Wednesday", "2025-12-03", "DATE"},
		{"last Tuesday", "2025-12-02", "DATE"},
		{"next Monday", "2025-12-08", "DATE"},
		{"March 12, 2024", "2024-03-12", "DATE"},
		{"Oct. 23", "2025-10-23", "DATE"},
		{"last month", "2025-11", "DATE"},
		{"last year", "2024", "DATE"},
		{"the fourth quarter", "2025-Q4", "DATE"},
		{"over the weekend", "", ""},
		{"the weekend", "2025-W49-WE", "DATE"},
		{"two days ago", "2025-12-01", "DATE"},
		{"five hours", "PT5H", "DURATION"},
		{"nearly four-year", "P4Y", "DURATION"},
		{"the past three months", "P3M", "DURATION"},
		{"two decades", "P20Y", "DURATION"},
		{"recently", "PAST_REF", "DATE"},
		{"now", "PRESENT_REF", "DATE"},
		{"this morning", "2025-12-03TMO", "TIME"},
		{"10 p.m. Tuesday", "2025-12-02T22:00", "TIME"},
		{"nineteen ninety-six", "1996", "DATE"},
		{"the late 1970s", "197", "DATE"},
		{"each year", "P1Y", "SET"},
	} {
		v, typ := nlp.Resolve(tc.expr, dct)
		if v != tc.value || typ != tc.typ {
			t.Errorf("Resolve(%q) = %q %q, want %q %q", tc.expr, v, typ, tc.value, tc.typ)
		}
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"Tuesday", "10 p.m. Wednesday", "nineteen ninety-six", "the 99th century", "99999 years ago", "Feb. 30", "noon x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		nlp.Resolve(expr, time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC))
	})
}
