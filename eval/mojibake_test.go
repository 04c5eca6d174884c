package eval_test

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/eval"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

func texts(list []string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for _, s := range list {
			if !yield(s) {
				return
			}
		}
	}
}

func TestMojibakeRoundTripMultilingual(t *testing.T) {
	rep := eval.Mojibake(texts(eval.Multilingual))
	if rep.TextsChanged != 0 {
		t.Errorf("%d clean multilingual sentences changed by repair: %+v", rep.TextsChanged, rep.Failures)
	}
	for _, r := range rep.Rows {
		if strings.Contains(r.Misreading, "lost") {
			continue // two-byte letters that lost a byte are ambiguous (Ð+lost is А or Н)
		}
		if r.Repaired != r.Samples {
			t.Errorf("%s: %d of %d repaired", r.Misreading, r.Repaired, r.Samples)
		}
	}
	for _, f := range rep.Failures {
		if !strings.Contains(f.Misreading, "lost") {
			t.Errorf("[%s] %q -> %q", f.Misreading, f.Broken, f.Repaired)
		}
	}
}

// jsonlTexts reads the text field of every record of a corpus file.
func jsonlTexts(t *testing.T, path string) func(func(string) bool) {
	return func(yield func(string) bool) {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var r io.Reader = f
		if strings.HasSuffix(path, ".gz") {
			zr, err := gzip.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			r = zr
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			var rec struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatal(err)
			}
			if !yield(rec.Text) {
				return
			}
		}
	}
}

func TestMojibakeRoundTripOnRealText(t *testing.T) {
	rep := eval.Mojibake(jsonlTexts(t, corpus.Path(t, "polnear/attributions.jsonl")))
	if rep.Total.Samples < 10000 {
		t.Fatalf("only %d samples", rep.Total.Samples)
	}
	for _, r := range append(rep.Rows, rep.Total) {
		if r.Rate < 0.99 {
			t.Errorf("%s: %.4f repaired, want >= 0.99", r.Misreading, r.Rate)
		}
	}
}

func TestMojibakeLeavesCleanReutersAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 19,043 articles")
	}
	rep := eval.Mojibake(jsonlTexts(t, corpus.Path(t, "bulk/reuters21578.jsonl.gz")))
	if rep.Texts != 19043 {
		t.Fatalf("read %d articles", rep.Texts)
	}
	if rep.TextsChanged != 0 {
		t.Fatalf("repair changed %d clean Reuters articles", rep.TextsChanged)
	}
}
