package fetch

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// A body is read the same whatever length the server announced, up to a byte past the limit.
func TestReadAllReadsWhatIOReadAllDoes(t *testing.T) {
	page := strings.Repeat("<p>the bridge reopened</p>", 200)
	for _, tc := range []struct {
		name        string
		size, limit int64
	}{
		{"LengthUnknown", -1, 1 << 20},
		{"LengthExact", int64(len(page)), 1 << 20},
		{"LengthShort", 100, 1 << 20},
		{"LengthLong", int64(len(page)) * 2, 1 << 20},
		{"LengthEmpty", 0, 1 << 20},
		{"OverLimitUnknown", -1, 1000},
		{"OverLimitShort", 500, 1000},
		{"LengthPastLimit", int64(len(page)), 1000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, _ := io.ReadAll(io.LimitReader(strings.NewReader(page), tc.limit+1))
			// a reader that gives a byte at a time, so that every path of the loop is taken
			got, err := readAll(iotest.OneByteReader(strings.NewReader(page)), tc.size, tc.limit)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("read %d bytes (%v), want %d", len(got), err, len(want))
			}
		})
	}
}

func TestReadAllOfAKnownLengthAllocatesOnce(t *testing.T) {
	page := []byte(strings.Repeat("<p>the bridge reopened</p>", 200))
	r := bytes.NewReader(page)
	allocs := testing.AllocsPerRun(20, func() {
		r.Reset(page)
		if b, err := readAll(r, int64(len(page)), 1<<20); err != nil || len(b) != len(page) {
			t.Fatalf("read %d bytes (%v), want %d", len(b), err, len(page))
		}
	})
	if allocs > 1 {
		t.Errorf("%.0f allocations to read a body of known length; want one", allocs)
	}
}

func TestReadAllGivesTheReadersError(t *testing.T) {
	r := io.MultiReader(strings.NewReader("<p>half"), iotest.ErrReader(io.ErrUnexpectedEOF))
	if _, err := readAll(r, 100, 1<<20); err != io.ErrUnexpectedEOF {
		t.Errorf("err %v, want %v", err, io.ErrUnexpectedEOF)
	}
}
