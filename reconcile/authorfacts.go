package reconcile

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Who wrote a piece the story turns on: "John D. O'Connor, who wrote the 2005 Vanity Fair
// article", "a Vanity Fair article by his family's lawyer, John D. O'Connor".

// workNouns are the pieces of writing a story names by their author.
const workNouns = `(?:article|book|column|memoir|biography|essay|op-ed|letter|thesis)`

// A piece of writing: an article or a possessive, up to four words, its noun. Group 1.
const workPhrase = `((?:the|a|an|his|her|their) (?:[\p{L}\d’'-]+ ){0,4}?` + workNouns + `)\b`

var (
	// wroteCue: "…, who wrote the 2005 Vanity Fair article"; the author is the person named
	// last before "who".
	wroteCue = mustGate(`\bwho (?:wrote|authored|penned|co-wrote) ` + workPhrase)
	// byCue: "a Vanity Fair article by his family's lawyer, John D. O'Connor"; the author is
	// the person named where the match ends.
	byCue = mustGate(workPhrase + ` (?:written )?by (?:(?:his|her|their|the) )?(?:[\p{L}’' -]{0,30}?, )?`)
)

// pieceBy finds where a piece is told by its author ("article by", "letter written by"), so
// that byCue runs around there alone, within byWindow bytes: the span of the piece's noun.
func pieceBy(text string) [][2]int {
	var out [][2]int
	for from := 0; ; {
		i := strings.Index(text[from:], " by ")
		if i < 0 {
			return out
		}
		i += from
		from = i + 4
		before := strings.TrimSuffix(text[max(0, i-24):i], " written")
		for _, n := range workNounList {
			if strings.HasSuffix(before, n) {
				end := len(before) + max(0, i-24)
				out = append(out, [2]int{end - len(n), end})
				break
			}
		}
	}
}

// workNounList are workNouns one by one.
var workNounList = strings.Split(strings.Trim(workNouns, "(?:)"), "|")

const byWindow = 80

type authorClaim struct {
	art    *article
	work   string   // as written, without its article
	words  []string // its words that tell it from others, lower case
	author string
	ev     crosscheck.Evidence
}

// authorFacts reports the author two articles or more give one piece of writing: pieces are
// one when the words of one are all in the other's ("the 2005 Vanity Fair article", "a
// Vanity Fair article"), and a piece named by its noun alone ("a letter") is too vague to
// be one. Only agreements: two pieces by two authors are most often two pieces.
func (s *story) authorFacts() []crosscheck.Fact {
	var claims []authorClaim
	add := func(a *article, work [2]int, author string, at int) {
		w := strings.Fields(a.Text[work[0]:work[1]])[1:]
		var words []string
		for _, x := range w {
			words = append(words, strings.ToLower(x))
		}
		if author == "" || len(words) < 2 {
			return
		}
		claims = append(claims, authorClaim{a, strings.Join(w, " "), words, author, a.evidence(at, at+len(author))})
	}
	for _, a := range s.arts {
		if strings.Contains(a.Text, "who ") {
			for _, m := range wroteCue.FindAllStringSubmatchIndex(a.Text, -1) {
				if who := a.personBefore(m[0]); who != "" {
					add(a, [2]int{m[2], m[3]}, who, m[0])
				}
			}
		}
		for _, hit := range pieceBy(a.Text) {
			from := max(0, hit[0]-byWindow)
			window := a.Text[from:min(len(a.Text), hit[1]+byWindow)]
			for _, m := range byCue.FindAllStringSubmatchIndex(window, -1) {
				if m[2]+from > hit[0] || m[3]+from < hit[0] {
					continue // another piece of the window
				}
				if who, at := a.personAt(m[1] + from); who != "" {
					add(a, [2]int{m[2] + from, m[3] + from}, who, at)
				}
			}
		}
	}
	var out []crosscheck.Fact
	used := make([]bool, len(claims))
	for i, c := range claims {
		if used[i] {
			continue
		}
		group := []authorClaim{c}
		for j := i + 1; j < len(claims); j++ {
			d := claims[j]
			if !used[j] && (wordsWithin(c.words, d.words) || wordsWithin(d.words, c.words)) {
				group, used[j] = append(group, d), true
			}
		}
		if f, ok := authorFact(group); ok {
			out = append(out, f)
		}
	}
	return out
}

// authorFact is the agreement of a piece's claims on its author, when two articles or more
// give one author (by surname) and none another.
func authorFact(group []authorClaim) (crosscheck.Fact, bool) {
	if !rolesOfSeveral(group, func(c authorClaim) *article { return c.art }) {
		return crosscheck.Fact{}, false
	}
	work, who := group[0].work, group[0].author
	v := crosscheck.FactValue{}
	for _, c := range group {
		if lastName(c.author) != lastName(who) {
			return crosscheck.Fact{}, false
		}
		if len(c.work) > len(work) {
			work = c.work
		}
		if len(c.author) > len(who) {
			who = c.author
		}
		if !slices.Contains(v.Articles, c.art.ID) {
			v.Articles = append(v.Articles, c.art.ID)
			v.Evidence = append(v.Evidence, c.ev)
		}
	}
	v.Value = who
	return crosscheck.Fact{Subject: "author of the " + work, Kind: "person", Verdict: "agree", Values: []crosscheck.FactValue{v}}, true
}

// wordsWithin reports words all in others.
func wordsWithin(words, others []string) bool {
	for _, w := range words {
		if !slices.Contains(others, w) {
			return false
		}
	}
	return true
}

// personAt is the person a mention starting at offset off names, and where it starts; "" when
// none does.
func (a *article) personAt(off int) (string, int) {
	for _, e := range a.Entities {
		if e.Kind != "person" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start == off {
				return e.Name, m.Start
			}
		}
	}
	return "", -1
}
