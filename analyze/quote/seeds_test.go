package quote_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/analyze/quote"
	"github.com/crosscheck/crosscheck/clean"
	"github.com/crosscheck/crosscheck/eval"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

// TestSeedQuotes checks every quote variant of the seed gold: found in its article's cleaned
// text and attributed to the speaker (or an alternative speaker where the gold allows one).
func TestSeedQuotes(t *testing.T) {
	gold := corpus.Path(t, "seeds/expected.json")
	sg, err := eval.LoadSeedGold(gold)
	if err != nil {
		t.Fatal(err)
	}
	g, err := sg.ReportGold()
	if err != nil {
		t.Fatal(err)
	}
	quotes := map[string][]quote.Quote{}
	for _, q := range g.Quotes {
		for id, variant := range q.Variants {
			if _, ok := quotes[id]; !ok {
				raw, err := os.ReadFile(filepath.Join(filepath.Dir(gold), id+".txt"))
				if err != nil {
					t.Fatal(err)
				}
				quotes[id] = quote.Find(clean.Article(clean.Input{Text: string(raw), TitleInText: true}).Text)
			}
			var found *quote.Quote
			for i, x := range quotes[id] {
				if strings.Contains(clean.Fold(x.Text), clean.Fold(variant)) {
					found = &quotes[id][i]
					break
				}
			}
			if found == nil {
				t.Errorf("%s %s: %q not found", q.ID, id, variant)
				continue
			}
			ok := found.Speaker == q.Speaker
			for _, alt := range q.AltSpeakers {
				ok = ok || found.Speaker == alt
			}
			if !ok {
				t.Errorf("%s %s: %q attributed to %q (%s, %q), want %q", q.ID, id, variant, found.Speaker, found.Rule, found.SpeakerMention, q.Speaker)
			}
		}
	}
}
