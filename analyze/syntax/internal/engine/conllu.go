package engine

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Word is one syntactic word of a treebank sentence: its form, universal and language-specific
// part of speech, the 1-based index of its head (0 for the root) and its dependency relation.
type Word struct {
	Form, UPOS, XPOS string
	Head             int
	Rel              string
}

// ReadCoNLLU calls fn for each sentence of a CoNLL-U stream, in order. Multiword-token ranges
// ("1-2") and empty nodes ("1.1") are skipped; the other lines keep FORM, UPOS, XPOS, HEAD and
// DEPREL. A sentence is passed to fn in a slice fn may keep. An error from fn stops the reading.
func ReadCoNLLU(r io.Reader, fn func([]Word) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	var sent []Word
	line := 0
	flush := func() error {
		if len(sent) == 0 {
			return nil
		}
		s := sent
		sent = nil
		return fn(s)
	}
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		if text[0] == '#' {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 10 {
			return fmt.Errorf("conllu line %d: %d fields, want 10", line, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue
		}
		head, err := strconv.Atoi(f[6])
		if err != nil {
			return fmt.Errorf("conllu line %d: head %q: %w", line, f[6], err)
		}
		sent = append(sent, Word{Form: f[1], UPOS: f[3], XPOS: f[4], Head: head, Rel: f[7]})
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return flush()
}

// ReadSplit calls fn for each sentence of a split ("train", "dev", "test") of the UD English
// EWT treebank in dir (en_ewt-ud-SPLIT.conllu.gz).
func ReadSplit(dir, split string, fn func([]Word) error) error {
	path := filepath.Join(dir, fmt.Sprintf("en_ewt-ud-%s.conllu.gz", split))
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := ReadCoNLLU(z, fn); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
