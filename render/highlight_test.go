package render_test

import (
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/render"
)

// Each span is cut at the marks inside it: a mark that crosses the span's end, or starts
// inside one kept before it, is left out; the marks of an article found once serve every span.
func TestHighlightCutsEachSpanAtItsMarks(t *testing.T) {
	text := `Putin met Witkoff for five hours. "We are not closer," Ushakov said on Tuesday.`
	a := &crosscheck.Article{Text: text,
		Quotes:  []crosscheck.Quote{{Start: 34, End: 54, Speaker: "Yuri Ushakov"}},
		Numbers: []crosscheck.Number{{Start: 22, End: 32, Value: 5, Unit: "hour"}, {Start: 27, End: 40, Value: 1}}, // the second crosses the first sentence's end
		Dates:   []crosscheck.Date{{Start: 71, End: 78, Value: "2025-12-02"}, {Start: 40, End: 45, Value: "x"}},    // the second is inside the quote
	}
	marks := render.MarksOf(a)
	for _, c := range []struct {
		from, to int
		want     string
	}{
		{0, 33, `[Putin met Witkoff for ][five hours number: 5 hour ][.]`},
		{34, len(text), `["We are not closer," quote — said by Yuri Ushakov][ Ushakov said on ][Tuesday date: 2025-12-02][.]`},
		{0, len(text), `[Putin met Witkoff for ][five hours number: 5 hour ][. ]["We are not closer," quote — said by Yuri Ushakov][ Ushakov said on ][Tuesday date: 2025-12-02][.]`},
		{23, 30, `[ive hou]`},
	} {
		for name, pieces := range map[string][]render.Piece{"Highlight": render.Highlight(a, c.from, c.to), "Marks": marks.Highlight(c.from, c.to)} {
			got := ""
			for _, p := range pieces {
				got += "[" + p.Text
				if p.Class != "" {
					got += " " + p.Title
				}
				got += "]"
			}
			if got != c.want {
				t.Errorf("%s(%d, %d) = %s\nwant %s", name, c.from, c.to, got, c.want)
			}
		}
	}
}
