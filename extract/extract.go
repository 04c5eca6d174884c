// Package extract turns one raw document into one clean article: it decodes the bytes, takes
// the main text and metadata out of HTML, cleans the text (package clean), parses the
// publication date and detects the language. It does no I/O.
package extract

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/date"
	"github.com/crosscheck/crosscheck/analyze/entity"
	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/analyze/number"
	"github.com/crosscheck/crosscheck/analyze/quote"
	"github.com/crosscheck/crosscheck/charset"
	"github.com/crosscheck/crosscheck/clean"
)

// Options tune extraction.
type Options struct {
	// Repeated reports lines (in clean.Fold form) that a source prints on many of its pages;
	// it is given the article's source. It may be nil.
	Repeated func(source, folded string) bool
}

// ErrNoText is returned when a document holds no article text once cleaned.
var ErrNoText = errors.New("no article text")

// Article extracts the clean article from doc.
func Article(doc *crosscheck.Document, opts Options) (*crosscheck.Article, error) {
	a := &crosscheck.Article{
		ID:      doc.ID,
		Input:   doc.Input,
		Format:  doc.Format,
		Hash:    doc.Hash(),
		Fetched: doc.Fetched,
		Meta:    doc.Meta,
		Source:  doc.Meta.Source,
		URL:     doc.Meta.URL,
	}
	in := clean.Input{Title: doc.Meta.Title, Author: doc.Meta.Author}
	var htmlSource string
	var cut *crosscheck.Removal
	published := []candidateDate{{raw: doc.Meta.Published, source: -1}}
	var modified []candidateDate
	var ogSite, headTitle, lang string

	switch doc.Format {
	case crosscheck.FormatHTML:
		page, err := fromHTML(doc.Raw, doc.Meta.URL, doc.Meta.ContentType, doc.Fetched)
		if err != nil {
			return nil, err
		}
		in.Text, htmlSource = page.text, page.decoded
		if in.Title == "" {
			in.Title = page.title
		}
		if in.Author == "" {
			in.Author = page.author
		}
		published = append(published, page.published...)
		modified, lang = page.modified, page.language
		ogSite, headTitle = page.ogSite, page.headTitle
		if a.URL == "" {
			a.URL = page.url
		}
		a.Site = page.site
		if page.kept < page.size {
			cut = &crosscheck.Removal{Rule: "page-bound", Source: page.kept,
				Text: fmt.Sprintf("%d of the page's %d bytes, past what extraction reads (%d KiB of text, %d MiB of markup)",
					page.size-page.kept, page.size, maxPageText>>10, maxPageBytes>>20)}
		}
	case crosscheck.FormatJSON:
		in.Text = string(doc.Raw) // the reader decoded the record to UTF-8; it is all body
		in.Text, cut = boundText(in.Text)
	default:
		dec, err := charset.Decode(doc.Raw, doc.Meta.ContentType, false)
		if err != nil {
			return nil, err
		}
		in.Text, cut = boundText(dec.Text)
		in.TitleInText = in.Title == ""
	}

	a.Source = outletName(a.Source)
	source := firstNonEmpty(a.Source, hostOf(a.URL))
	if opts.Repeated != nil && source != "" {
		in.Repeated = func(folded string) bool { return opts.Repeated(source, folded) }
	}
	res := clean.Article(in)
	if strings.TrimSpace(res.Text) == "" {
		return nil, ErrNoText
	}
	a.Title, a.Author, a.Text = res.Title, res.Author, res.Text
	a.Credits, a.Offsets, a.Removed, a.Repairs = res.Credits, res.Offsets, res.Removed, res.Repairs
	a.Lines = res.Lines
	if a.Credits == nil {
		a.Credits = []string{}
	}
	if htmlSource != "" {
		mapToPage(a, htmlSource)
	}
	if cut != nil {
		a.Removed = append(a.Removed, *cut)
	}
	a.Site = firstNonEmpty(outletName(a.Site), outletName(res.Site))
	if doc.Meta.Title != "" {
		headTitle = doc.Meta.Title
	}
	host := hostOf(a.URL)
	siteName := a.Site
	if strings.EqualFold(strings.TrimPrefix(siteName, "www."), host) {
		siteName = "" // the extractor's fallback to the URL's host, the least trusted place
	}
	a.Source, a.SourceFrom = outletFrom(a.Source, ogSite, siteName, res.Site, titleSuffix(headTitle), host)
	var pubWarn, modWarn []crosscheck.Removal
	a.Published, pubWarn = chooseDate("published", published, doc.Fetched)
	a.Modified, modWarn = chooseDate("modified", modified, doc.Fetched)
	a.Removed = append(append(a.Removed, pubWarn...), modWarn...)
	Analyze(a)
	a.Language = lang
	if a.Language == "" {
		a.Language = Language(a.Text)
	}
	return a, nil
}

// maxText bounds the text of a plain-text or JSON article that cleaning and analysis read. A
// long news article runs to some tens of kilobytes; past this the input is a book, a log or a
// dump, and reading all of it would cost memory many times its size. The raw document is
// stored whole; what is cut is said on the article.
const maxText = 1 << 20

// boundText cuts text past maxText at the last line break before it (else the last space,
// else a character's start), and says what was cut.
func boundText(text string) (string, *crosscheck.Removal) {
	if len(text) <= maxText {
		return text, nil
	}
	end := strings.LastIndexByte(text[:maxText], '\n')
	if end < maxText/2 {
		end = strings.LastIndexByte(text[:maxText], ' ')
	}
	if end < maxText/2 {
		end = maxText
		for end > 0 && !utf8.RuneStart(text[end]) {
			end--
		}
	}
	return text[:end], &crosscheck.Removal{Rule: "text-bound", Source: end,
		Text: fmt.Sprintf("%d of the text's %d bytes, past what analysis reads (%d MiB)", len(text)-end, len(text), maxText>>20)}
}

// Analyze finds what the article says: sentences and tokens, entities, quotes, numbers, and
// dates resolved against the publication date. It does not parse the sentences: the readers
// of a report parse the few sentences they read, when they read them (package reconcile), so
// a.Syntax is left empty. Without a publication date, only dates that name their year,
// durations, weekdays and clock times of no known day ("XXXX-WXX-2") and days of no known
// year ("XXXX-06-24") are kept.
func Analyze(a *crosscheck.Article) {
	a.Sentences = lex.Sentences(a.Text)
	a.Tokens = lex.Tokens(a.Text)
	a.Entities = entity.Find(a.Text, a.Sentences, a.Tokens)
	a.Quotes = quote.Find(a.Text)
	entity.ResolveSpeakers(a.Quotes, a.Entities)
	a.Numbers = number.Find(a.Text)
	dct, dated := a.PublishedDay()
	a.Dates = date.Find(a.Text, a.Sentences, a.Tokens, dct)
	if !dated {
		a.Dates = slices.DeleteFunc(a.Dates, func(d crosscheck.Date) bool {
			return d.Type != "DURATION" && !date.NamesYear(d.Text) && !strings.HasPrefix(d.Value, "XXXX")
		})
	}
}

// mapToPage re-expresses an HTML article's offsets, which cleaning computed against the
// extracted text, against the decoded page.
func mapToPage(a *crosscheck.Article, page string) {
	p := project(page)
	proj := string(p.text)
	a.Offsets = p.locateIn(proj, a.Text)
	source := func(s string) int {
		if at, n := p.find(proj, strings.TrimSpace(s), 0); at >= 0 && n > 0 {
			return int(p.start[at])
		}
		return -1
	}
	for i := range a.Removed {
		a.Removed[i].Source = source(a.Removed[i].Text)
	}
	for i := range a.Repairs {
		a.Repairs[i].Source = source(a.Repairs[i].From)
	}
}

func hostOf(u string) string {
	if u == "" {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
