package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/internal/corpus"
)

// The analysis targets hold on the real gold: TimeBank dates resolved at 0.90 or better, and on
// the PolNeAR dev split quote F1 of 0.90 and speaker accuracy of 0.88 or better.

func TestTimeBankTarget(t *testing.T) {
	gold := corpus.Path(t, "timebank/timex3.jsonl")
	code, out, errOut := run(t, "", "eval", "dates", "--gold", gold, "--json")
	var s struct {
		Total    int     `json:"expressions"`
		Accuracy float64 `json:"accuracy"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &s) != nil {
		t.Fatalf("eval dates: exit %d, %s%s", code, out, errOut)
	}
	if s.Total != 1243 || s.Accuracy < 0.90 {
		t.Errorf("TimeBank: %d expressions, accuracy %.3f; want 1243 at 0.90 or better", s.Total, s.Accuracy)
	}
}

func TestPolNeARDevTargets(t *testing.T) {
	gold := corpus.Path(t, "polnear/attributions.jsonl")
	code, out, errOut := run(t, "", "eval", "quotes", "--gold", gold, "--split", "dev", "--json")
	var s struct {
		Gold       int     `json:"gold_quotes"`
		F1         float64 `json:"f1"`
		SpeakerAcc float64 `json:"speaker_accuracy"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &s) != nil {
		t.Fatalf("eval quotes: exit %d, %s%s", code, out, errOut)
	}
	// 688 quotes the corpus flags as quoted, and 86 printed between two apostrophes
	if s.Gold != 774 || s.F1 < 0.90 || s.SpeakerAcc < 0.88 {
		t.Errorf("PolNeAR dev: %d gold quotes, F1 %.3f, speakers %.3f; want 774, F1 0.90 and speakers 0.88 or better", s.Gold, s.F1, s.SpeakerAcc)
	}
}

// The report's targets on the 16 real events hold: 85% of the checks, conflicts precision 0.80
// and recall 0.70, agreements recall 0.80, derived pairs 0.90 both ways, and 0.90 of the quote
// variants with the gold's speaker.
func TestEventsReportTargets(t *testing.T) {
	golds, err := filepath.Glob(filepath.Join(corpus.Path(t, "events"), "*", "expected.json"))
	if err != nil || len(golds) != 16 {
		t.Fatalf("events: %d gold stories (%v); want 16", len(golds), err)
	}
	code, out, errOut := run(t, "", append([]string{"eval", "report", "--json"}, golds...)...)
	type pr struct{ Precision, Recall float64 }
	var s struct {
		Checks     struct{ All, Passed int }
		Agreements pr
		Conflicts  pr
		Derived    pr
		Total      struct{ Speakers struct{ TP, FN int } }
	}
	if code != 0 || json.Unmarshal([]byte(out), &s) != nil {
		t.Fatalf("eval report: exit %d, %s%s", code, out, errOut)
	}
	speakers := float64(s.Total.Speakers.TP) / float64(s.Total.Speakers.TP+s.Total.Speakers.FN)
	if s.Checks.All != 597 || float64(s.Checks.Passed) < 0.85*597 {
		t.Errorf("checks: %d of %d pass; want 597 checks, 85%% passing", s.Checks.Passed, s.Checks.All)
	}
	if s.Conflicts.Precision < 0.80 || s.Conflicts.Recall < 0.70 {
		t.Errorf("conflicts P %.2f R %.2f; want P 0.80 and R 0.70 or better", s.Conflicts.Precision, s.Conflicts.Recall)
	}
	if s.Agreements.Recall < 0.80 || s.Derived.Precision < 0.90 || s.Derived.Recall < 0.90 || speakers < 0.90 {
		t.Errorf("agreements R %.2f, derived P %.2f R %.2f, speakers %.2f; want 0.80, 0.90, 0.90, 0.90",
			s.Agreements.Recall, s.Derived.Precision, s.Derived.Recall, speakers)
	}
}
