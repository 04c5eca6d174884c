package render

import (
	"fmt"

	"github.com/crosscheck/crosscheck"
)

// graph is the derivation graph drawn as an arc diagram: the articles on a line in order of
// publication, and an arrow arching from each article to the one derived from it.
type graph struct {
	Width, Height, Baseline int
	OutletY                 int // the line of outlet names under the articles
	Nodes                   []node
	Edges                   []edge
}

type node struct {
	X     int
	N     int    // the article's number in the report
	Label string // its outlet, shortened
	Title string
	Href  string
}

type edge struct {
	Path  string // an SVG path
	Kind  string // "copy" or "rewrite"
	Title string
}

// graphColumn is the distance between two articles on the line, in pixels.
const graphColumn = 96

// maxGraphNodes is how many articles the graph shows before it keeps only derived ones.
const maxGraphNodes = 30

// derivationGraph lays out r's derivations, or returns nil when there are none.
func derivationGraph(r *crosscheck.Report, num map[string]int, href func(id string) string) *graph {
	if len(r.Derived) == 0 {
		return nil
	}
	involved := map[string]bool{}
	for _, d := range r.Derived {
		involved[d.Articles[0]], involved[d.Articles[1]] = true, true
	}
	g := &graph{}
	x := map[string]int{}
	for _, a := range r.Articles {
		if len(r.Articles) > maxGraphNodes && !involved[a.ID] {
			continue
		}
		x[a.ID] = graphColumn/2 + len(g.Nodes)*graphColumn
		g.Nodes = append(g.Nodes, node{X: x[a.ID], N: num[a.ID], Label: shorten(orText(a.Source, "unknown"), 12),
			Title: a.Title, Href: href(a.ID)})
	}
	g.Width = len(g.Nodes) * graphColumn
	arc := func(d crosscheck.Derivation) (x1, x2, rx, ry int) {
		x1, x2 = x[d.Articles[0]], x[d.Articles[1]]
		rx = abs(x2-x1) / 2
		return x1, x2, rx, min(rx, 3*graphColumn/2)
	}
	for _, d := range r.Derived {
		_, _, _, ry := arc(d)
		g.Baseline = max(g.Baseline, ry+16)
	}
	g.OutletY, g.Height = g.Baseline+32, g.Baseline+44
	for _, d := range r.Derived {
		x1, x2, rx, ry := arc(d)
		sweep := 1 // from left to right the arc bends up, above the line
		if x2 < x1 {
			sweep = 0
		}
		g.Edges = append(g.Edges, edge{
			Path:  fmt.Sprintf("M %d %d A %d %d 0 0 %d %d %d", x1, g.Baseline, rx, ry, sweep, x2, g.Baseline),
			Kind:  d.Kind,
			Title: fmt.Sprintf("[%d] → [%d]: %s, score %.2f", num[d.Articles[0]], num[d.Articles[1]], d.Kind, d.Score),
		})
	}
	return g
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// shorten cuts s to n runes, marking the cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
