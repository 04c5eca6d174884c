package engine

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"testing"
)

// A table keeps only the layout its lookups read, yet the model read from the shipped weights
// writes back the same bytes.
func TestShippedModelWritesBackTheSame(t *testing.T) {
	data, m := shippedModel(t)
	for _, tab := range []*Table{m.Tagger.table, m.Parser.trans, m.Parser.labels} {
		if tab.w != nil || tab.inline != nil && tab.slots != nil {
			t.Errorf("a table of %d classes keeps its dense rows", tab.classes)
		}
	}
	var out bytes.Buffer
	if err := m.Write(&out); err != nil {
		t.Fatal(err)
	}
	if got, want := unzip(t, out.Bytes()), unzip(t, data); !bytes.Equal(got, want) {
		t.Fatalf("wrote %d bytes of model, read %d, not the same", len(got), len(want))
	}
}

func unzip(t *testing.T, b []byte) []byte {
	z, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// shippedModel is the shipped weights' bytes and the model read from them; the test skips
// when they are not there.
func shippedModel(t *testing.T) ([]byte, *Model) {
	t.Helper()
	data, err := os.ReadFile("../../model.bin.gz")
	if err != nil {
		t.Skipf("no shipped model: %v", err)
	}
	m, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return data, m
}
