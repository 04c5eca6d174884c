// Package ingest turns what a user names — files, directories, JSONL record files (plain or
// gzipped) and standard input — into a stream of raw documents. It reads one document at a
// time, so memory does not grow with the size of a corpus, and it reports a bad input as an
// item with an error, never by stopping the stream.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
)

// Item is one document read from an input, or the error that kept an input from being read.
type Item struct {
	Input string               // the input as the user would name it: a path, "path:line", "-"
	Doc   *crosscheck.Document // nil when Err is set
	Err   error
	// Skipped, when set, says why a file found in a folder was passed over (not of a kind
	// crosscheck reads); the item has no document and no error. Only with ListSkipped.
	Skipped string
	// Read is how many bytes of the inputs (as stored on disk: a .gz compressed) had been read
	// when this item was, so that progress can be told against their size.
	Read int64
	// Records, with Err, is how many records the failure stands for when it is more than one:
	// past MaxFailuresPerInput, the rest of an input's failed records are told in one item.
	Records int
}

// Options tune reading.
type Options struct {
	Manifest    *Manifest        // metadata for plain files; may be nil
	MaxFileSize int64            // the largest single-article file read; 0 for DefaultMaxFileSize
	MaxLine     int              // the longest JSONL record; 0 for DefaultMaxLine
	Now         func() time.Time // the clock; nil for time.Now
	Stdin       io.Reader        // what "-" reads
	FollowLinks bool             // in a directory, read what a link points to outside it too
	// ListSkipped makes a file of a folder that is passed over (not of a kind crosscheck
	// reads) an item of its own, with Skipped saying why; without it such files are passed
	// over silently.
	ListSkipped bool
	// Fetch, when set, reads an input that is an http or https URL; without it such an input
	// fails with the reason.
	Fetch func(ctx context.Context, url string) (*crosscheck.Document, error)
	// Holder, when set, says which input the stored article of an id was read from (false
	// when none is stored), so that a file added beside another of its name takes no id the
	// other holds from an earlier run, wherever it sorts.
	Holder func(ctx context.Context, id string) (input string, ok bool)
}

// HolderIn is an Options.Holder that asks a store: the input its article of an id was read
// from, so that a file added beside another of its name takes no id the other holds. The CLI
// and the web upload both use it, so that one file gets one id from either.
func HolderIn(store interface {
	Article(ctx context.Context, id string) (*crosscheck.Article, error)
}) func(context.Context, string) (string, bool) {
	return func(ctx context.Context, id string) (string, bool) {
		a, err := store.Article(ctx, id)
		if err != nil {
			return "", false // none stored (or none to be read): the id is the file's
		}
		return a.Input, true
	}
}

// MaxFailuresPerInput bounds the failures one input reports one by one: past it, the rest are
// counted in one last failure, so that a file of a million bad lines does not fill the store.
const MaxFailuresPerInput = 100

// DefaultMaxFileSize bounds one article file: no article is 64 MiB of text.
const DefaultMaxFileSize = 64 << 20

// DefaultMaxLine bounds one JSONL record.
const DefaultMaxLine = 16 << 20

// ErrTooLarge is returned for an input over the size limits.
var ErrTooLarge = errors.New("too large")

func (o *Options) defaults() {
	if o.MaxFileSize == 0 {
		o.MaxFileSize = DefaultMaxFileSize
	}
	if o.MaxLine == 0 {
		o.MaxLine = DefaultMaxLine
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
}

// Read streams the documents of every input in order. Directories are read recursively in
// lexical order; in a directory, files of unknown kinds are passed over and a file named
// manifest.jsonl supplies metadata for the files beside it.
func Read(ctx context.Context, inputs []string, opts Options) iter.Seq[Item] {
	opts.defaults()
	return func(yield func(Item) bool) {
		r := reader{opts: opts, yield: yield, ctx: ctx, ids: map[string]string{}, named: stemCounts(inputs)}
		for _, in := range inputs {
			if !r.input(in) {
				return
			}
		}
	}
}

type reader struct {
	opts  Options
	yield func(Item) bool
	ctx   context.Context
	ids   map[string]string // the ids given to files so far in this run, and the path of each
	read  int64             // bytes of the inputs read so far (see Item.Read)
	// named counts the inputs of each id a file named directly would take; folder, folderDir
	// the files of each id in the last folder a file was read from.
	named, folder map[string]int
	folderDir     string
}

// emit yields an item unless the consumer or the context has stopped.
func (r *reader) emit(it Item) bool {
	if r.ctx.Err() != nil {
		return false
	}
	it.Read = r.read
	return r.yield(it)
}

// counted counts the bytes read through it into the reader's total.
type counted struct {
	r    io.Reader
	read *int64
}

func (c counted) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.read += int64(n)
	return n, err
}

func (r *reader) fail(input string, err error) bool {
	return r.emit(Item{Input: input, Err: err})
}

func (r *reader) input(in string) bool {
	if in == "-" {
		return r.stdin()
	}
	if IsURL(in) {
		if r.opts.Fetch == nil {
			return r.fail(in, errors.New("a URL, and fetching is not enabled here"))
		}
		doc, err := r.opts.Fetch(r.ctx, in)
		if err != nil {
			return r.fail(in, err)
		}
		return r.emit(Item{Input: in, Doc: doc})
	}
	info, err := os.Stat(in)
	if err != nil && strings.Contains(in, "://") {
		return r.fail(in, errors.New("no such file, and only http and https URLs are fetched"))
	}
	if err != nil {
		return r.fail(in, pathError(err))
	}
	if info.IsDir() {
		return r.dir(in)
	}
	return r.file(in, "", r.opts.Manifest)
}

// pathError drops the path from an *fs.PathError: the item already names the input.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *reader) dir(root string) bool {
	manifests := map[string]*Manifest{}
	// a folder's manifest is read once, when its first file is; one that cannot be read, and
	// the files it names that are not there, are failures of their own
	manifestFor := func(dir string) *Manifest {
		if m, ok := manifests[dir]; ok {
			return m
		}
		m := r.opts.Manifest
		path := filepath.Join(dir, ManifestName)
		local, err := LoadManifest(path)
		switch {
		case err == nil:
			m = local.Over(r.opts.Manifest)
			for _, f := range local.Missing() {
				r.fail(filepath.Join(dir, f), fmt.Errorf("named by %s, but not there", path))
			}
		case !errors.Is(err, fs.ErrNotExist):
			r.fail(path, fmt.Errorf("the manifest cannot be read, so its folder's files have no metadata: %w", pathError(err)))
		}
		manifests[dir] = m
		return m
	}
	ok := true
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if !r.fail(path, pathError(err)) {
				ok = false
				return filepath.SkipAll
			}
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && path != root {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || name == ManifestName {
			return nil
		}
		if kindOf(name) == kindUnknown {
			if r.opts.ListSkipped && !r.emit(Item{Input: path, Skipped: skipReason(name)}) {
				ok = false
				return filepath.SkipAll
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 && !r.opts.FollowLinks {
			if err := linkInside(root, path); err != nil {
				if !r.fail(path, err) {
					ok = false
					return filepath.SkipAll
				}
				return nil
			}
		}
		if !r.file(path, root, manifestFor(filepath.Dir(path))) {
			ok = false
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil && ok {
		return r.fail(root, err)
	}
	return ok
}

// skipReason says why a file in a folder is passed over.
func skipReason(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" {
		ext = "a file without an extension"
	} else {
		ext = "a " + ext + " file"
	}
	return ext + ": in a folder crosscheck reads .txt, .html, .htm, .jsonl and .jsonl.gz (name the file itself to have it read)"
}

// linkInside checks that a link found in the directory root points inside it: a link to
// /etc/passwd in a folder of articles is not an article.
func linkInside(root, path string) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return pathError(err)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return pathError(err)
	}
	if rel, err := filepath.Rel(realRoot, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("a link to %s, outside the folder given: not followed (--follow-links reads it)", target)
	}
	return nil
}

type kind int

const (
	kindUnknown kind = iota
	kindText
	kindHTML
	kindJSONL
	kindJSONLGz
)

func kindOf(name string) kind {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".jsonl.gz"), strings.HasSuffix(lower, ".ndjson.gz"):
		return kindJSONLGz
	case strings.HasSuffix(lower, ".jsonl"), strings.HasSuffix(lower, ".ndjson"):
		return kindJSONL
	case strings.HasSuffix(lower, ".html"), strings.HasSuffix(lower, ".htm"), strings.HasSuffix(lower, ".xhtml"):
		return kindHTML
	case strings.HasSuffix(lower, ".txt"), strings.HasSuffix(lower, ".text"):
		return kindText
	}
	return kindUnknown
}

// file reads one file: one the user named (root ""), or one found in the directory root.
func (r *reader) file(path, root string, m *Manifest) bool {
	k := kindOf(path)
	switch k {
	case kindJSONL, kindJSONLGz:
		return r.jsonlFile(path, k == kindJSONLGz)
	}
	info, err := os.Stat(path) // before opening: opening a FIFO would wait for a writer
	if err != nil {
		return r.fail(path, pathError(err))
	}
	if !info.Mode().IsRegular() {
		return r.fail(path, errors.New("not a regular file"))
	}
	f, err := os.Open(path)
	if err != nil {
		return r.fail(path, pathError(err))
	}
	defer f.Close()
	if info.Size() > r.opts.MaxFileSize {
		return r.fail(path, fmt.Errorf("%w: %s, the limit for one article is %s", ErrTooLarge, byteSize(info.Size()), byteSize(r.opts.MaxFileSize)))
	}
	raw, err := io.ReadAll(io.LimitReader(f, r.opts.MaxFileSize+1))
	r.read += int64(len(raw))
	if err != nil {
		return r.fail(path, pathError(err))
	}
	if bytes.HasPrefix(raw, []byte("%PDF-")) {
		return r.fail(path, errors.New("a PDF: crosscheck reads text, HTML and JSONL (convert it to text first, e.g. pdftotext)"))
	}
	if k == kindUnknown {
		k = sniff(raw)
		if k == kindJSONL {
			return r.jsonl(path, bytes.NewReader(raw))
		}
	}
	format := crosscheck.FormatText
	if k == kindHTML {
		format = crosscheck.FormatHTML
	}
	doc := &crosscheck.Document{
		ID:      r.fileID(path, root),
		Input:   path,
		Format:  format,
		Raw:     raw,
		Fetched: r.opts.Now().UTC(),
	}
	if e, ok := m.Lookup(path); ok {
		e.apply(doc)
	}
	return r.emit(Item{Input: path, Doc: doc})
}

// sniff guesses the kind of content with no telling extension.
func sniff(raw []byte) kind {
	head := bytes.TrimLeft(raw, " \t\r\n\ufeff")
	switch {
	case len(head) > 0 && head[0] == '{':
		return kindJSONL
	case len(head) > 0 && head[0] == '<':
		return kindHTML
	}
	return kindText
}

func (r *reader) stdin() bool {
	raw, err := io.ReadAll(io.LimitReader(r.opts.Stdin, r.opts.MaxFileSize+1))
	if err != nil {
		return r.fail("-", err)
	}
	if int64(len(raw)) > r.opts.MaxFileSize {
		return r.fail("-", fmt.Errorf("%w: standard input is over %s", ErrTooLarge, byteSize(r.opts.MaxFileSize)))
	}
	k := sniff(raw)
	if k == kindJSONL {
		return r.jsonl("-", bytes.NewReader(raw))
	}
	if len(raw) >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
		return r.jsonlStream("-", bytes.NewReader(raw), true)
	}
	format := crosscheck.FormatText
	if k == kindHTML {
		format = crosscheck.FormatHTML
	}
	sum := sha256.Sum256(raw)
	return r.emit(Item{Input: "-", Doc: &crosscheck.Document{
		ID:      "stdin-" + hex.EncodeToString(sum[:6]),
		Input:   "-",
		Format:  format,
		Raw:     raw,
		Fetched: r.opts.Now().UTC(),
	}})
}

func (r *reader) jsonlFile(path string, gz bool) bool {
	info, err := os.Stat(path) // before opening: opening a FIFO would wait for a writer
	if err != nil {
		return r.fail(path, pathError(err))
	}
	if !info.Mode().IsRegular() {
		return r.fail(path, errors.New("not a regular file"))
	}
	f, err := os.Open(path)
	if err != nil {
		return r.fail(path, pathError(err))
	}
	defer f.Close()
	return r.jsonlStream(path, counted{f, &r.read}, gz)
}

func (r *reader) jsonlStream(path string, rd io.Reader, gz bool) bool {
	if !gz {
		return r.jsonl(path, rd)
	}
	zr, err := gzip.NewReader(bufio.NewReaderSize(rd, 1<<16))
	if err != nil {
		return r.fail(path, fmt.Errorf("not a readable gzip file: %w", err))
	}
	defer zr.Close()
	return r.jsonl(path, zr)
}

// fileID is a file's article id, unique in the run and the same in every run of the same
// inputs: for a file found in a directory, its path inside the directory ("x/index" and
// "y/index" for x/index.html and y/index.html); for a file named directly, its name. When
// another file of the name with another extension already has the id — an earlier file of
// the run, or the file the store's article of the id was read from (Options.Holder) — the id
// keeps the file's extension ("story.html" beside story.txt's "story"), so that a file added
// to a folder later takes no id of another, wherever it sorts; when the id is taken still, a
// count follows it ("index~2"). A manifest's id overrides it.
func (r *reader) fileID(path, root string) string {
	name := filepath.Base(path)
	if root != "" {
		if rel, err := filepath.Rel(root, path); err == nil {
			name = filepath.ToSlash(rel)
		}
	}
	id := idFromPath(name)
	if taken := r.ids[id]; taken != "" && filepath.Ext(taken) != filepath.Ext(path) {
		id = name
	} else if taken == "" && r.heldByAnother(id, path, root) {
		id = name
	}
	for n, base := 2, id; r.ids[id] != "" && r.ids[id] != path; n++ {
		id = fmt.Sprintf("%s~%d", base, n)
	}
	r.ids[id] = path
	return id
}

// heldByAnother reports whether the store's article of id was read from another file of the
// name, of another extension. The store is asked only when the run has another file that
// would take the id, so that a folder of distinct names costs no look-ups.
func (r *reader) heldByAnother(id, path, root string) bool {
	if r.opts.Holder == nil {
		return false
	}
	if root == "" {
		if r.named[idFromPath(filepath.Base(path))] < 2 {
			return false
		}
	} else if r.folderStems(filepath.Dir(path))[idFromPath(filepath.Base(path))] < 2 {
		return false
	}
	input, ok := r.opts.Holder(r.ctx, id)
	return ok && filepath.Ext(input) != filepath.Ext(path)
}

// folderStems counts the files of each id (of the name within the folder) that a folder
// holds, of the kinds read one article to a file; the last folder's counts are kept.
func (r *reader) folderStems(dir string) map[string]int {
	if r.folder != nil && r.folderDir == dir {
		return r.folder
	}
	r.folder, r.folderDir = map[string]int{}, dir
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if k := kindOf(e.Name()); k == kindText || k == kindHTML {
			r.folder[idFromPath(e.Name())]++
		}
	}
	return r.folder
}

// stemCounts counts the inputs of each id a file named directly would take.
func stemCounts(inputs []string) map[string]int {
	counts := map[string]int{}
	for _, in := range inputs {
		if in != "-" && !IsURL(in) {
			counts[idFromPath(filepath.Base(in))]++
		}
	}
	return counts
}

// idFromPath is the id a path gives: the path without the extension of a kind crosscheck
// reads (".txt", ".html"); other extensions stay, so that story.md and story.txt are two.
func idFromPath(path string) string {
	ext := filepath.Ext(path)
	if ext == "" || ext == path || kindOf("x"+ext) == kindUnknown {
		return path
	}
	return strings.TrimSuffix(path, ext)
}

// IsURL reports whether an input names an http or https URL rather than a path.
func IsURL(in string) bool {
	lower := strings.ToLower(in)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// IDFromURL is the stable id of a document known only by its URL.
func IDFromURL(u string) string {
	sum := sha256.Sum256([]byte(u))
	return "url-" + hex.EncodeToString(sum[:8])
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
