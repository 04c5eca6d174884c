package syntax_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/syntax"
)

// Every tag and relation the weights give has a stored number of its own, and a parse packed
// as analysis stores it unpacks to the same sentence.
func TestPackedParseUnpacksToTheSame(t *testing.T) {
	for _, tables := range [][2][]string{{syntax.Tags(), syntax.StoredTags}, {syntax.Relations(), syntax.StoredRelations}} {
		for _, name := range tables[0] {
			if !slices.Contains(tables[1], name) {
				t.Errorf("%q has no stored number", name)
			}
		}
	}
	words := strings.Fields("The police , who arrived late , arrested three men in Boston on Tuesday and did n't say why .")
	s := syntax.Analyze(words)
	packed := make([]crosscheck.TokenSyntax, len(words))
	syntax.Pack(s, packed)
	got, ok := syntax.Unpack(words, packed)
	if !ok || !reflect.DeepEqual(got, s) {
		t.Fatalf("unpacked %+v (%v)\nwant %+v", got, ok, s)
	}
	packed[3].Head = int16(len(words))
	if _, ok := syntax.Unpack(words, packed); ok {
		t.Error("a head past the sentence unpacked")
	}
	if _, ok := syntax.Unpack(words[1:], packed); ok {
		t.Error("a parse of other words unpacked")
	}
	if _, ok := syntax.Unpack(words, make([]crosscheck.TokenSyntax, len(words))); ok {
		t.Error("an unparsed sentence unpacked")
	}
}

// AnalyzePacked writes what Pack writes of Analyze's parse: for short and long sentences (a
// piece boundary past MaxWords), clitics, and a sentence after a longer one in the same
// reused memory.
func TestAnalyzePackedIsPackOfAnalyze(t *testing.T) {
	long := strings.Fields(strings.Repeat("The council said on Tuesday that it would n't approve the dam , ", 30))
	for _, words := range [][]string{
		long,
		strings.Fields("John’s sister can't come ."),
		strings.Fields("Prices rose 3 % in March , the ministry said ."),
		{"Yes"},
		long[:syntax.MaxWords+1],
	} {
		want := make([]crosscheck.TokenSyntax, len(words))
		syntax.Pack(syntax.Analyze(words), want)
		got := make([]crosscheck.TokenSyntax, len(words))
		syntax.AnalyzePacked(words, got)
		if !slices.Equal(got, want) {
			t.Fatalf("%d words: AnalyzePacked %v\nwant %v", len(words), got, want)
		}
	}
	syntax.AnalyzePacked(nil, nil)
}
