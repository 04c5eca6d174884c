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
// analysis found; where two overlap, the one that starts first is kept.
func Highlight(a *crosscheck.Article, from, to int) []Piece {
	type mark struct {
		start, end   int
		class, title string
	}
	var marks []mark
	for _, q := range a.Quotes {
		marks = append(marks, mark{q.Start, q.End, "quote", "quote — " + saidBy(q.Speaker)})
	}
	for _, n := range a.Numbers {
		marks = append(marks, mark{n.Start, n.End, "number", fmt.Sprintf("number: %g %s %s", n.Value, n.Unit, n.Counted)})
	}
	for _, d := range a.Dates {
		marks = append(marks, mark{d.Start, d.End, "date", "date: " + d.Value})
	}
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	var out []Piece
	at := from
	for _, m := range marks {
		if m.start < at || m.end > to || m.start >= m.end {
			continue
		}
		if m.start > at {
			out = append(out, Piece{Text: a.Text[at:m.start]})
		}
		out = append(out, Piece{Text: a.Text[m.start:m.end], Class: m.class, Title: m.title})
		at = m.end
	}
	if at < to {
		out = append(out, Piece{Text: a.Text[at:to]})
	}
	return out
}

func saidBy(speaker string) string {
	if speaker == "" {
		return "speaker unknown"
	}
	return "said by " + speaker
}
