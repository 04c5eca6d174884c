package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// SeedGold is the gold file of the seed articles (corpus/seeds/expected.json). Sections this
// package does not score yet are kept raw.
type SeedGold struct {
	Articles   []string                `json:"articles"`
	Stories    [][]string              `json:"stories"`
	Cleaning   map[string]CleaningGold `json:"cleaning"`
	Quotes     json.RawMessage         `json:"quotes"`
	Facts      json.RawMessage         `json:"facts"`
	Derived    json.RawMessage         `json:"derived"`
	NotDerived json.RawMessage         `json:"not_derived"`
}

// CleaningGold is what cleaning must do to one article.
type CleaningGold struct {
	Absent      []string       `json:"absent"`       // must not remain in the body
	AbsentLines []string       `json:"absent_lines"` // must not remain as whole lines
	Present     []string       `json:"present"`      // must appear, after repair
	Count       map[string]int `json:"count"`        // how often a string appears
	Author      string         `json:"author"`
	Credits     []string       `json:"credits"` // outlets the text cites
}

// LoadSeedGold reads a seed gold file.
func LoadSeedGold(path string) (*SeedGold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g SeedGold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &g, nil
}

// Check is one scored expectation.
type Check struct {
	Section string `json:"section"` // "cleaning", …
	Article string `json:"article"`
	What    string `json:"what"`
	Pass    bool   `json:"pass"`
	Detail  string `json:"detail,omitempty"` // what was found instead, when it failed
}

// SeedCleaning scores every cleaning expectation of the gold against the articles get returns.
func SeedCleaning(g *SeedGold, get func(id string) (*crosscheck.Article, error)) []Check {
	var checks []Check
	for _, id := range SortedKeys(g.Cleaning) {
		want := g.Cleaning[id]
		a, err := get(id)
		if err != nil {
			checks = append(checks, Check{Section: "cleaning", Article: id, What: "article stored", Detail: err.Error()})
			continue
		}
		add := func(what string, pass bool, detail string) {
			c := Check{Section: "cleaning", Article: id, What: what, Pass: pass}
			if !pass {
				c.Detail = detail
			}
			checks = append(checks, c)
		}
		for _, s := range want.Absent {
			add(fmt.Sprintf("absent %q", s), !strings.Contains(a.Text, s), "still in the text")
		}
		for _, s := range want.AbsentLines {
			add(fmt.Sprintf("no line %q", s), !hasLine(a.Text, s), "still a line of the text")
		}
		for _, s := range want.Present {
			add(fmt.Sprintf("present %q", s), strings.Contains(a.Text, s), "not in the text")
		}
		for _, s := range SortedKeys(want.Count) {
			n := strings.Count(a.Text, s)
			add(fmt.Sprintf("%q %d time(s)", s, want.Count[s]), n == want.Count[s], fmt.Sprintf("found %d times", n))
		}
		if want.Author != "" {
			add(fmt.Sprintf("author %q", want.Author), a.Author == want.Author, fmt.Sprintf("author is %q", a.Author))
		}
		for _, c := range want.Credits {
			add(fmt.Sprintf("credit %q", c), hasFold(a.Credits, c), fmt.Sprintf("credits are %q", a.Credits))
		}
	}
	return checks
}

func hasLine(text, line string) bool {
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == line {
			return true
		}
	}
	return false
}

func hasFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
