// Package demo holds the demo corpus built into the binary: one fictional event (talks on a
// river dam between two fictional countries) covered by five fictional outlets, with the
// problems real pages have planted in it — page furniture, breadcrumbs, a repeated title, a
// paragraph printed twice, comment forms, furniture glued onto a sentence, UTF-8 misread as
// Windows-1252 and as Windows-874, an HTML page in Windows-1252, credits and bylines — and the
// disagreements crosscheck exists to find (a 12-point plan against an 11-point one, the same
// quote worded differently, "not closer" against "no further").
package demo

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed corpus
var corpus embed.FS

// Corpus returns the demo corpus: its files sit in the root, with a manifest.jsonl.
func Corpus() fs.FS {
	sub, err := fs.Sub(corpus, "corpus")
	if err != nil {
		panic(err) // the embedded directory is part of the binary
	}
	return sub
}

// WriteTo copies the demo corpus into dir, so that it is ingested the way any directory is.
func WriteTo(dir string) error {
	return fs.WalkDir(Corpus(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(Corpus(), path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, path), b, 0o644)
	})
}
