package main

import (
	"encoding/json"
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
