package crosscheck_test

import (
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// A parse comes back from its blob as it went in: near heads in two bytes, far heads and
// numbers past the packed fields escaped; an empty blob is no parse, and a damaged one or one
// of another format is an error.
func TestSyntaxBlob(t *testing.T) {
	words := []crosscheck.TokenSyntax{{Tag: 12, Rel: 27, Head: 1}, {Tag: 16, Rel: 48}, {Tag: 8, Rel: 40, Head: -15},
		{Tag: 13, Rel: 46, Head: 15}, {Tag: 9, Rel: 39, Head: 16}, {Tag: 1, Rel: 5, Head: -199}, {},
		{Tag: 40, Rel: 3, Head: 2}, {Tag: 3, Rel: 70, Head: -1}}
	b := crosscheck.EncodeSyntax(words)
	if near := 1 + 2*len(words); len(b) <= near || len(b) > near+4*4 {
		t.Errorf("%d tokens in %d bytes", len(words), len(b))
	}
	got, err := crosscheck.DecodeSyntax(b)
	if err != nil || !reflect.DeepEqual(got, words) {
		t.Fatalf("decoded %v, %v\nwant %v", got, err, words)
	}
	if got, err := crosscheck.DecodeSyntax(crosscheck.EncodeSyntax(nil)); got != nil || err != nil {
		t.Errorf("no parse decoded to %v, %v", got, err)
	}
	for name, bad := range map[string][]byte{"format": append([]byte{9}, b[1:]...), "cut": b[:len(b)-1], "cut escape": b[:1+2*5+1]} {
		if _, err := crosscheck.DecodeSyntax(bad); err == nil {
			t.Errorf("%s: a damaged blob decoded", name)
		}
	}
}
