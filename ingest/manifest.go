package ingest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/crosscheck/crosscheck"
)

// ManifestName is the file in a directory that gives metadata for the files beside it.
const ManifestName = "manifest.jsonl"

// ManifestEntry is one line of a manifest: metadata for one plain file.
type ManifestEntry struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Published string `json:"published"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Author    string `json:"author"`
}

func (e ManifestEntry) apply(doc *crosscheck.Document) {
	if e.ID != "" {
		doc.ID = e.ID
	}
	doc.Meta.Published = e.Published
	doc.Meta.Source = e.Source
	doc.Meta.URL = e.URL
	doc.Meta.Title = e.Title
	doc.Meta.Author = e.Author
}

// Manifest maps file names to their metadata.
type Manifest struct {
	dir    string // the manifest's directory; files are named relative to it
	byPath map[string]ManifestEntry
	byBase map[string]ManifestEntry
	parent *Manifest
}

// LoadManifest reads a manifest file.
func LoadManifest(path string) (*Manifest, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := &Manifest{dir: filepath.Dir(path), byPath: map[string]ManifestEntry{}, byBase: map[string]ManifestEntry{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var e ManifestEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if e.File == "" {
			return nil, fmt.Errorf("%s:%d: entry has no \"file\"", path, n)
		}
		abs, _ := filepath.Abs(filepath.Join(m.dir, e.File))
		m.byPath[abs] = e
		m.byBase[filepath.Base(e.File)] = e
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// Missing returns the files the manifest names that are not there, in the order it names them.
func (m *Manifest) Missing() []string {
	if m == nil {
		return nil
	}
	var out []string
	for abs, e := range m.byPath {
		if _, err := os.Stat(abs); err != nil {
			out = append(out, e.File)
		}
	}
	sort.Strings(out)
	return out
}

// Over returns m with parent consulted for files m does not list.
func (m *Manifest) Over(parent *Manifest) *Manifest {
	if m == nil {
		return parent
	}
	c := *m
	c.parent = parent
	return &c
}

// Lookup finds the entry for a file: by its path relative to the manifest, else by its name.
func (m *Manifest) Lookup(path string) (ManifestEntry, bool) {
	if m == nil {
		return ManifestEntry{}, false
	}
	abs, _ := filepath.Abs(path)
	if e, ok := m.byPath[abs]; ok {
		return e, true
	}
	if e, ok := m.byBase[filepath.Base(path)]; ok {
		return e, true
	}
	return m.parent.Lookup(path)
}
