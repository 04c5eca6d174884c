package render

import (
	"fmt"
	"sort"

	"github.com/crosscheck/crosscheck"
)

// Piece is a run of an article's text, with a class when analysis found something there: a
// "quote", "number" or "date", and Title saying what was read.
type Piece struct {
	Text, Class, Title string
}

// Highlight cuts a's text between from and to into pieces at the quotes, numbers and dates
// analysis found; where two overlap, the one that starts first is kept. To cut many spans of
// one article, find its marks once (MarksOf) and cut each span with Marks.Highlight.
func Highlight(a *crosscheck.Article, from, to int) []Piece {
	return MarksOf(a).Highlight(from, to)
}

// Marks are the quotes, numbers and dates analysis found in an article, in the order they
// start, for cutting its text into pieces.
type Marks struct {
	text  string
	marks []mark
}

type mark struct {
	start, end   int
	class, title string
}

// MarksOf finds the marks of a's text.
func MarksOf(a *crosscheck.Article) *Marks {
	m := &Marks{text: a.Text, marks: make([]mark, 0, len(a.Quotes)+len(a.Numbers)+len(a.Dates))}
	for _, q := range a.Quotes {
		m.marks = append(m.marks, mark{q.Start, q.End, "quote", "quote — " + saidBy(q.Speaker)})
	}
	for _, n := range a.Numbers {
		m.marks = append(m.marks, mark{n.Start, n.End, "number", fmt.Sprintf("number: %g %s %s", n.Value, n.Unit, n.Counted)})
	}
	for _, d := range a.Dates {
		m.marks = append(m.marks, mark{d.Start, d.End, "date", "date: " + d.Value})
	}
	sort.SliceStable(m.marks, func(i, j int) bool { return m.marks[i].start < m.marks[j].start })
	return m
}

// Highlight cuts the text between from and to into pieces at the marks, as Highlight does.
func (m *Marks) Highlight(from, to int) []Piece {
	var out []Piece
	at := from
	// the marks that start before from are passed over, and so are those from to on
	for _, mk := range m.marks[sort.Search(len(m.marks), func(i int) bool { return m.marks[i].start >= from }):] {
		if mk.start >= to {
			break
		}
		if mk.start < at || mk.end > to || mk.start >= mk.end {
			continue
		}
		if mk.start > at {
			out = append(out, Piece{Text: m.text[at:mk.start]})
		}
		out = append(out, Piece{Text: m.text[mk.start:mk.end], Class: mk.class, Title: mk.title})
		at = mk.end
	}
	if at < to {
		out = append(out, Piece{Text: m.text[at:to]})
	}
	return out
}

func saidBy(speaker string) string {
	if speaker == "" {
		return "speaker unknown"
	}
	return "said by " + speaker
}
