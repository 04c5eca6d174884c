package reconcile

import (
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/number"
)

// lossCue opens the relatives someone lost: "she had lost an 8-year-old daughter and two
// sons, 11 and 14".
var lossCue = mustGate(`\blost\s+`)

// lossItem is one relative lost, with a count, an age or ages. Groups: 1 the count, 2 the
// age before the noun, 3 the noun, 4 the ages after it.
var lossItem = mustGate(`^(?:(?:his|her|their|my|our)\s+)?(?:(an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?` +
	`(?:(\d+|[a-z]+(?:-[a-z]+)?)\s?-\s?year\s?-\s?old\s+)?(?:(?:older|younger|eldest|youngest|only|infant|teenage)\s+)?` +
	`(daughters?|sons?|children|child|babies|baby|husband|wife|brothers?|sisters?|grandchildren|grandsons?|granddaughters?|mother|father|parents)\b` +
	`(?:\s*,\s*(?:aged\s+|ages\s+)?(\d+(?:\s*,\s*\d+)*(?:\s*,?\s*and\s+\d+)?)\b)?`)

// itemJoint stands between two relatives lost: "and", a comma.
var itemJoint = mustGate(`^\s*,?\s*(?:and\s+)?`)

// childNouns are the relatives that are someone's children.
var childNouns = wordSet("daughter daughters son sons child children baby babies")

type loss struct {
	art      *article
	owner    string
	label    string
	children bool
	ev       crosscheck.Evidence
}

// lossFacts aligns the relatives the articles say someone lost, with their ages: one value of
// them all ("daughter 8, sons 11 and 14"), agreed when two articles give it.
func (s *story) lossFacts() []crosscheck.Fact {
	byOwner := map[string][]loss{}
	var owners []string
	for _, a := range s.arts {
		if !strings.Contains(a.Text, "lost") {
			continue
		}
		for _, m := range lossCue.FindAllStringIndex(a.Text, -1) {
			l, ok := a.lossAt(m[0], m[1])
			if !ok {
				continue
			}
			if byOwner[l.owner] == nil {
				owners = append(owners, l.owner)
			}
			byOwner[l.owner] = append(byOwner[l.owner], l)
		}
	}
	var out []crosscheck.Fact
	for _, o := range owners {
		if f, ok := lossFact(o, byOwner[o]); ok {
			out = append(out, f)
		}
	}
	return out
}

// lossAt reads the relatives lost after the cue at [start, end).
func (a *article) lossAt(start, end int) (loss, bool) {
	var items []string
	children, at := true, end
	for {
		rest := strings.ToLower(a.Text[at:min(len(a.Text), at+80)])
		m := lossItem.FindStringSubmatchIndex(rest)
		if m == nil {
			break
		}
		noun := rest[m[6]:m[7]]
		children = children && childNouns[noun]
		item := noun
		switch {
		case m[4] >= 0:
			if v, ok := number.FigureValue(strings.ReplaceAll(rest[m[4]:m[5]], "-", " ")); ok {
				item += " " + figureLabel(v)
			}
		case m[8] >= 0:
			item += " " + strings.Join(strings.Fields(rest[m[8]:m[9]]), " ")
		case m[2] >= 0 && rest[m[2]:m[3]] != "a" && rest[m[2]:m[3]] != "an":
			if v, ok := number.FigureValue(rest[m[2]:m[3]]); ok {
				item = strconv.Itoa(int(v)) + " " + noun
			}
		}
		items = append(items, item)
		at += m[1]
		j := itemJoint.FindStringIndex(a.Text[at:min(len(a.Text), at+8)])
		if j == nil || j[1] == 0 {
			break
		}
		at += j[1]
	}
	if len(items) == 0 {
		return loss{}, false
	}
	return loss{art: a, owner: a.personNear(start, end), label: strings.Join(items, ", "), children: children,
		ev: a.evidence(start, at)}, true
}

func lossFact(owner string, ls []loss) (crosscheck.Fact, bool) {
	what := "relatives"
	if !slices.ContainsFunc(ls, func(l loss) bool { return !l.children }) {
		what = "children"
	}
	subject := what + " lost"
	if owner != "" {
		subject = what + " " + titleWord(owner) + " lost"
	}
	f := crosscheck.Fact{Subject: subject, Kind: "loss", Verdict: "agree"}
	stated := map[*article]bool{}
	for _, l := range ls {
		if stated[l.art] {
			continue // an article's first telling stands
		}
		stated[l.art] = true
		k := slices.IndexFunc(f.Values, func(v crosscheck.FactValue) bool { return v.Value == l.label })
		if k < 0 {
			f.Values = append(f.Values, crosscheck.FactValue{Value: l.label})
			k = len(f.Values) - 1
		}
		f.Values[k].Articles = append(f.Values[k].Articles, l.art.ID)
		f.Values[k].Evidence = append(f.Values[k].Evidence, l.ev)
	}
	if len(stated) < 2 || owner == "" && len(f.Values) > 1 {
		return f, false // one article; or no one named to tell two tellings are one loss
	}
	if len(f.Values) > 1 {
		f.Verdict = "conflict"
	}
	return f, true
}
