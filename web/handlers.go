package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/render"
)

// storyRow is a story in the list, with its numbers from its report.
type storyRow struct {
	crosscheck.StoryNumbers
	URL string `json:"url"`
}

// storyRows reads the page of stories the request asks for, with their numbers.
func (s *Server) storyRows(ctx context.Context, r *http.Request) ([]storyRow, crosscheck.StoryQuery, int, error) {
	q := r.URL.Query()
	sq := crosscheck.StoryQuery{Q: q.Get("q"), Outlet: q.Get("outlet"), From: q.Get("from"), To: q.Get("to")}
	sq.Limit, sq.Offset = page(r)
	gen, err := s.list.fresh(ctx, s.store)
	if err != nil {
		return nil, sq, 0, err
	}
	listCtx, cancel := context.WithTimeout(ctx, searchDeadline) // a search in the list is bounded as a search is
	defer cancel()
	list, err := s.list.storyList(listCtx, s.store, gen, sq)
	if err != nil {
		return nil, sq, 0, err
	}
	rows := make([]storyRow, 0, len(list.ids))
	for _, id := range list.ids {
		n, err := s.list.storyNumbers(ctx, s.store, s.reports, gen, id)
		if err != nil {
			return nil, sq, 0, err
		}
		rows = append(rows, storyRow{StoryNumbers: n, URL: "/stories/" + url.PathEscape(id)})
	}
	return rows, sq, list.total, nil
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	rows, sq, total, err := s.storyRows(r.Context(), r)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": total, "limit": sq.Limit, "offset": sq.Offset, "stories": rows})
}

func (s *Server) storiesPage(w http.ResponseWriter, r *http.Request) {
	rows, sq, total, err := s.storyRows(r.Context(), r)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	outlets, err := s.store.Outlets(r.Context())
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	next, prev := r.URL.Query(), r.URL.Query()
	next.Set("offset", fmt.Sprint(sq.Offset+sq.Limit))
	prev.Set("offset", fmt.Sprint(max(0, sq.Offset-sq.Limit)))
	s.html(w, "stories.html", map[string]any{"Stories": rows, "Query": sq, "Total": total, "Outlets": outlets,
		"Next": next, "Prev": prev, "HasNext": sq.Offset+sq.Limit < total, "HasPrev": sq.Offset > 0,
		"Writable": s.cfg.Token != ""})
}

func (s *Server) html(w http.ResponseWriter, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	pages.ExecuteTemplate(w, name, data)
}

// storedReport reads the story's stored report; when it is not there (or not current), it asks
// the reporter for it and answers that it is being made.
func (s *Server) storedReport(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	id := r.PathValue("id")
	b, ready, err := pipeline.StoredReportJSON(r.Context(), s.store, id)
	if err != nil {
		s.storeError(w, r, err)
		return nil, false
	}
	if ready {
		return b, true
	}
	st, err := s.store.Story(r.Context(), id)
	if err != nil {
		s.storeError(w, r, err)
		return nil, false
	}
	s.reports.request(st.ID)
	w.Header().Set("Retry-After", "2")
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, http.StatusAccepted, map[string]any{"status": "being made", "story": st.ID, "retry_after": 2})
	} else {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusAccepted)
		pages.ExecuteTemplate(w, "pending.html", map[string]any{"Story": st})
	}
	return nil, false
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	b, ok := s.storedReport(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

// storyPageArticles is how many articles a story page shows side by side.
const storyPageArticles = 10

func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	b, ok := s.storedReport(w, r)
	if !ok {
		return
	}
	var rep *crosscheck.Report
	if err := json.Unmarshal(b, &rep); err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	from, _ := strconv.Atoi(r.URL.Query().Get("articles"))
	from = max(0, min(from, len(rep.Articles)-1))
	to := min(from+storyPageArticles, len(rep.Articles))
	var ids []string
	for _, a := range rep.Articles[from:to] {
		ids = append(ids, a.ID)
	}
	articles, err := s.store.articlesShown(r.Context(), ids)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	site := render.Site{Home: "/", Article: "/articles/", From: from}
	if from > 0 {
		site.Prev = fmt.Sprintf("?articles=%d", max(0, from-storyPageArticles))
	}
	if to < len(rep.Articles) {
		site.Next = fmt.Sprintf("?articles=%d", to)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	render.SitePage(w, rep, articles, site)
}

// articleJSON is an article as the API gives it: the article with what analysis found, and
// the story it is in.
type articleJSON struct {
	*crosscheck.Article
	Story string `json:"story,omitempty"`
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	out := articleJSON{Article: a}
	if st, err := s.store.Story(r.Context(), a.ID); err == nil {
		out.Story = st.ID
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	shown, err := s.store.articlesShown(r.Context(), []string{r.PathValue("id")})
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	a := shown[0]
	var paras [][]render.Piece
	marks := render.MarksOf(a)
	start := 0
	for i := 0; i <= len(a.Text); i++ {
		if i == len(a.Text) || a.Text[i] == '\n' {
			if i > start {
				paras = append(paras, marks.Highlight(start, i))
			}
			start = i + 1
		}
	}
	story := ""
	if st, err := s.store.Story(r.Context(), a.ID); err == nil {
		story = st.ID
	}
	s.html(w, "article.html", map[string]any{"A": a, "Paragraphs": paras, "Story": story, "OutletFrom": outletFrom[a.SourceFrom]})
}

// outletFrom says where an article's outlet was read from, by crosscheck.Article.SourceFrom.
var outletFrom = map[string]string{
	"given": "as given with the article", "og:site_name": "from the page's og:site_name", "site-name": "from the page's site name",
	"self-named": "as the text names itself", "title-suffix": "from the end of the page's title", "url-host": "from the URL's host",
}

// rawPage sends an article's bytes as they were ingested, as plain text: never as HTML.
func (s *Server) rawPage(w http.ResponseWriter, r *http.Request) {
	raw, err := s.store.Raw(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Content-Disposition", "inline")
	w.Write(raw)
}

// searchDeadline bounds the time one search may take; the store stops when it passes, or when
// the client goes away.
const searchDeadline = 10 * time.Second

// search runs a search within its deadline, answering the error when it fails.
func (s *Server) search(w http.ResponseWriter, r *http.Request, q string, limit, offset int) ([]crosscheck.SearchHit, int, bool) {
	ctx, cancel := context.WithTimeout(r.Context(), searchDeadline)
	defer cancel()
	hits, total, err := s.store.Search(ctx, q, limit, offset)
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		s.fail(w, r, http.StatusServiceUnavailable, fmt.Errorf("the search took over %s: use fewer or longer words", searchDeadline))
		return nil, 0, false
	case err != nil:
		s.fail(w, r, http.StatusInternalServerError, err)
		return nil, 0, false
	}
	return hits, total, true
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	limit, offset := page(r)
	hits, total, ok := s.search(w, r, r.URL.Query().Get("q"), limit, offset)
	if !ok {
		return
	}
	for i := range hits {
		hits[i].Snippet = strings.NewReplacer("\x02", "", "\x03", "").Replace(hits[i].Snippet)
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": total, "limit": limit, "offset": offset, "hits": orEmpty(hits)})
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// snippetPart is a piece of a search passage, marked when it is a matched word.
type snippetPart struct {
	Text string
	Hit  bool
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	limit, offset := page(r)
	q := r.URL.Query().Get("q")
	hits, total, ok := s.search(w, r, q, limit, offset)
	if !ok {
		return
	}
	type hit struct {
		crosscheck.SearchHit
		Parts []snippetPart
	}
	var out []hit
	for _, h := range hits {
		var parts []snippetPart
		for i, piece := range strings.Split(h.Snippet, "\x02") {
			before, after, found := strings.Cut(piece, "\x03")
			if i == 0 || !found {
				parts = append(parts, snippetPart{Text: piece})
				continue
			}
			parts = append(parts, snippetPart{Text: before, Hit: true}, snippetPart{Text: after})
		}
		out = append(out, hit{h, parts})
	}
	next, prev := r.URL.Query(), r.URL.Query()
	next.Set("offset", fmt.Sprint(offset+limit))
	prev.Set("offset", fmt.Sprint(max(0, offset-limit)))
	s.html(w, "search.html", map[string]any{"Q": q, "Hits": out, "Total": total, "Offset": offset,
		"Next": next, "Prev": prev, "HasNext": offset+limit < total, "HasPrev": offset > 0})
}

func (s *Server) ingestForm(w http.ResponseWriter, r *http.Request) {
	s.html(w, "ingest.html", map[string]any{"Writable": s.cfg.Token != "", "Fetches": s.cfg.Fetch != nil})
}

// maxFormURLs bounds the pages one form fetches while its request waits.
const maxFormURLs = 20

// ingestPage ingests what the form sends: pasted text, URLs to fetch and uploaded files.
func (s *Server) ingestPage(w http.ResponseWriter, r *http.Request) {
	dir, err := uploadDir()
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	defer os.RemoveAll(dir)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	var inputs []string
	if text := strings.TrimSpace(r.FormValue("text")); text != "" {
		title := strings.TrimSpace(r.FormValue("title"))
		if title == "" {
			title, _, _ = strings.Cut(text, "\n")
		}
		rec := map[string]string{"title": title, "text": text, "source": r.FormValue("source"),
			"date": r.FormValue("date"), "url": r.FormValue("url")}
		if id := strings.TrimSpace(r.FormValue("id")); id != "" {
			rec["id"] = id
		}
		p := filepath.Join(dir, "pasted.jsonl")
		if err := writeRecords(p, rec); err != nil {
			s.fail(w, r, http.StatusInternalServerError, err)
			return
		}
		inputs = append(inputs, p)
	}
	saved, err := saveUploads(dir, r.MultipartForm.File["files"])
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err)
		return
	}
	inputs = append(inputs, saved...)
	urls := strings.Fields(r.FormValue("urls"))
	if len(urls) > 0 && s.cfg.Fetch == nil {
		s.fail(w, r, http.StatusBadRequest, errors.New("this server fetches no URLs"))
		return
	}
	if len(urls) > maxFormURLs {
		s.fail(w, r, http.StatusBadRequest, fmt.Errorf("%d URLs: the form takes at most %d (crosscheck ingest takes any number)", len(urls), maxFormURLs))
		return
	}
	for _, u := range urls {
		if !ingest.IsURL(u) {
			s.fail(w, r, http.StatusBadRequest, fmt.Errorf("%q is not an http or https URL", u))
			return
		}
	}
	inputs = append(inputs, urls...)
	if results, ok := s.ingestSaved(w, r, dir, inputs, "nothing to ingest: paste a text, give URLs or choose files"); ok {
		s.html(w, "ingested.html", map[string]any{"Results": results})
	}
}

// ingestSaved ingests inputs saved in dir and names them relative to it; when there are none,
// or ingest fails, it answers with the error itself.
func (s *Server) ingestSaved(w http.ResponseWriter, r *http.Request, dir string, inputs []string, none string) ([]pipeline.Result, bool) {
	if len(inputs) == 0 {
		s.fail(w, r, http.StatusBadRequest, errors.New(none))
		return nil, false
	}
	results, err := s.run(r.Context(), inputs)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return nil, false
	}
	for i := range results {
		results[i].Input = strings.TrimPrefix(results[i].Input, dir+string(filepath.Separator))
	}
	return results, true
}

// run ingests the inputs, one ingest at a time, and groups what was added.
func (s *Server) run(ctx context.Context, inputs []string) ([]pipeline.Result, error) {
	s.ingest.Lock()
	defer s.ingest.Unlock()
	var results []pipeline.Result
	opts := group.DefaultOptions
	sum, err := pipeline.Run(ctx, ingest.Read(ctx, inputs, ingest.Options{Now: s.cfg.Now, Fetch: s.cfg.Fetch, Holder: ingest.HolderIn(s.store)}), s.store,
		pipeline.Options{Group: &opts, Report: func(r pipeline.Result) {
			results = append(results, r)
			s.added.WithLabelValues(string(r.Status)).Inc()
		}})
	for _, id := range sum.Groups.Stories {
		s.reports.request(id) // made in the background, not in this request
	}
	return results, err
}

// uploadKinds are the files the server takes.
var uploadKinds = []string{".txt", ".html", ".htm", ".jsonl", ".gz"}

// saveUploads writes uploaded files into dir under cleaned names, keeping their kind.
func saveUploads(dir string, files []*multipart.FileHeader) ([]string, error) {
	var out []string
	for i, fh := range files {
		name := filepath.Base(strings.ReplaceAll(fh.Filename, "\\", "/"))
		ext := strings.ToLower(filepath.Ext(name))
		if !slices.Contains(uploadKinds, ext) {
			return nil, fmt.Errorf("%s: crosscheck reads %s files", fh.Filename, strings.Join(uploadKinds, ", "))
		}
		if ext == ".gz" && !strings.HasSuffix(strings.ToLower(name), ".jsonl.gz") {
			return nil, fmt.Errorf("%s: only gzipped JSONL (.jsonl.gz) is read", fh.Filename)
		}
		f, err := fh.Open()
		if err != nil {
			return nil, err
		}
		// each file in a folder of its own under its own name, so that it gets the id the
		// command line gives the same file
		p := filepath.Join(dir, fmt.Sprintf("%03d", i), safeName(name))
		if err = os.MkdirAll(filepath.Dir(p), 0o700); err == nil {
			err = copyTo(p, f)
		}
		f.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func safeName(name string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == 0 || r < ' ' {
			return '_'
		}
		return r
	}, name)
}

func copyTo(path string, r io.Reader) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
