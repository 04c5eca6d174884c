package entity

import (
	"strings"
	"testing"
)

// publication keeps its answer by name and finds the nouns of a body once for the text: a text
// that repeats a name thousands of times made it read the whole text for each mention (a
// megabyte of capitalised words took minutes to analyse).
func TestPublicationReadsTheTextOnce(t *testing.T) {
	text := strings.Repeat("Vladimir Putin of the Kremlin spoke. ", 5000) + "He told Vanity Fair magazine so."
	b := newEntityBuilder(text)
	for i := 0; i < 5000; i++ {
		if b.publication("Vladimir Putin") {
			t.Fatal("Vladimir Putin is read as a publication")
		}
	}
	if !b.publication("Vanity Fair") {
		t.Fatal("Vanity Fair is not read as a publication")
	}
	if len(b.publications) != 2 {
		t.Errorf("%d answers kept, want 2 (one a name)", len(b.publications))
	}
	if want := 1; len(b.bodyNounSpaces) != want {
		t.Errorf("%d places of a body noun, want %d", len(b.bodyNounSpaces), want)
	}
}
