package engine

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
)

const magic = "crosscheck-syntax 1\n"

// Model is a tagger and a parser, as generated into the package.
type Model struct {
	Tagger *Tagger
	Parser *Parser
}

// TagHashes is the parser's view of tag indices.
func (m *Model) TagHashes() []uint64 { return m.Tagger.tagHash }

// Write writes the model gzipped, the same bytes for the same model.
func (m *Model) Write(out io.Writer) error {
	z, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(z)
	w.WriteString(magic)
	if err := m.Tagger.writeTo(w); err != nil {
		return err
	}
	if err := m.Parser.writeTo(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return z.Close()
}

// Read reads a model written by Write.
func Read(data []byte) (*Model, error) {
	tagger, parser, err := ReadTagger(data)
	if err != nil {
		return nil, err
	}
	p, err := parser()
	if err != nil {
		return nil, err
	}
	return &Model{Tagger: tagger, Parser: p}, nil
}

// ReadTagger reads the tagger of a model written by Write, and returns with it the reading of
// the parser that follows it, for a program that may never parse: the parser's tables are
// most of the model's loading time. The parser is read at most once, from where the tagger
// ended; parser is not safe to call from two goroutines at once.
func ReadTagger(data []byte) (tagger *Tagger, parser func() (*Parser, error), err error) {
	z, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	r := bufio.NewReader(z)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != magic {
		return nil, nil, fmt.Errorf("not a syntax model")
	}
	if tagger, err = readTagger(r); err != nil {
		return nil, nil, fmt.Errorf("tagger: %w", err)
	}
	var p *Parser
	var perr error
	read := false
	parser = func() (*Parser, error) {
		if !read {
			read = true
			if p, perr = readParser(r); perr != nil {
				p, perr = nil, fmt.Errorf("parser: %w", perr)
			}
		}
		return p, perr
	}
	return tagger, parser, nil
}

func readUvarint(r *bufio.Reader) (uint64, error) { return binary.ReadUvarint(r) }

// TagHash is the parser's feature value of a tag name.
func TagHash(tag string) uint64 { return hashString(tag) }
