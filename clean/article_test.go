package clean_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/clean"
	"github.com/crosscheck/crosscheck/demo"
	"github.com/crosscheck/crosscheck/eval"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

// cleanSeeds cleans every seed article as a plain-text file is cleaned.
func cleanSeeds(t *testing.T) (map[string]clean.Result, map[string]string) {
	gold := corpus.Path(t, "seeds/expected.json")
	g, err := eval.LoadSeedGold(gold)
	if err != nil {
		t.Fatal(err)
	}
	results, sources := map[string]clean.Result{}, map[string]string{}
	for _, id := range g.Articles {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(gold), id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		results[id] = clean.Article(clean.Input{Text: string(b), TitleInText: true})
		sources[id] = string(b)
	}
	return results, sources
}

func TestArticleMeetsSeedCleaningGold(t *testing.T) {
	results, _ := cleanSeeds(t)
	g, _ := eval.LoadSeedGold(corpus.Path(t, "seeds/expected.json"))
	checks := eval.SeedCleaning(g, func(id string) (*crosscheck.Article, error) {
		r := results[id]
		return &crosscheck.Article{ID: id, Text: r.Text, Author: r.Author, Credits: r.Credits}, nil
	})
	if len(checks) < 20 {
		t.Fatalf("only %d checks: the gold file was not read", len(checks))
	}
	for _, c := range checks {
		if !c.Pass {
			t.Errorf("%s %s: %s", c.Article, c.What, c.Detail)
		}
	}
}

func TestArticleKeepsBodyAndTitles(t *testing.T) {
	results, _ := cleanSeeds(t)
	for id, want := range map[string]string{
		"000_6f7de8062ea9ba3a": "Putin's assistant acknowledges the need for more work after Witkoff and Kushner meeting",
		"002_3d242797057cde70": "Kushner and Witkoff Meet Putin as Ukraine Peace Efforts Continue",
	} {
		if got := results[id].Title; got != want {
			t.Errorf("%s: title %q, want %q", id, got, want)
		}
	}
	// 003 and 004 start with their lead paragraph, not a headline: it stays in the body.
	for _, id := range []string{"003_19817d5f41e8f76a", "004_62117c75850675db"} {
		if !strings.HasPrefix(results[id].Text, "Russian President Vladimir Putin met") {
			t.Errorf("%s: lead paragraph lost: %.80q", id, results[id].Text)
		}
	}
	if got := results["003_19817d5f41e8f76a"].Site; got != "Axar.az" {
		t.Errorf("003 names itself Axar.az, got site %q", got)
	}
	if r := results["001_4ca82ed4cbe05626"]; strings.Count(r.Text, "‘Talks productive but work remains’") != 0 {
		t.Errorf("001: the title printed twice stays in the body")
	}
}

// TestOffsetsMapBackToSource checks the offset map on every seed and demo article: each
// verbatim segment of the clean text equals the source bytes it points at, and the segments
// cover the clean text in order.
func TestOffsetsMapBackToSource(t *testing.T) {
	results, sources := cleanSeeds(t)
	for _, name := range []string{"northgate-herald.txt", "daily-meridian.txt", "ostmark-today.txt"} {
		b, err := fs.ReadFile(demo.Corpus(), name)
		if err != nil {
			t.Fatal(err)
		}
		results[name] = clean.Article(clean.Input{Text: string(b), TitleInText: true})
		sources[name] = string(b)
	}
	for id, r := range results {
		src := sources[id]
		covered := 0
		prev := 0
		for _, s := range r.Offsets {
			if s.Clean < prev {
				t.Fatalf("%s: segments out of order at %+v", id, s)
			}
			prev = s.Clean + s.Len
			covered += s.Len
			clean, source := r.Text[s.Clean:s.Clean+s.Len], src[s.Source:s.Source+s.SourceLen]
			if s.Len == s.SourceLen && clean != source {
				t.Fatalf("%s: verbatim segment %+v: clean %q != source %q", id, s, clean, source)
			}
		}
		separators := strings.Count(r.Text, "\n\n") * 2
		if covered+separators != len(r.Text) {
			t.Errorf("%s: segments cover %d + %d separator bytes of %d", id, covered, separators, len(r.Text))
		}
		// a repaired span points at the broken source
		for _, rep := range r.Repairs {
			if !strings.HasPrefix(src[rep.Source:], rep.From) {
				t.Errorf("%s: repair %+v does not point at its source", id, rep)
			}
		}
	}
}

func TestArticleRemovesGenericFurniture(t *testing.T) {
	in := strings.Join([]string{
		"Storm closes ferry line for two days",
		"Home > World > Europe",
		"Updated: 12 May 2026 10:31",
		"5 min read",
		"The ferry between the two ports was suspended on Monday after storms brought waves of up to six metres to the coast.",
		"Advertisement",
		"The operator said crossings would resume once the wind dropped below gale force, probably by Wednesday.",
		"Read more",
		"By Jane Roe and John Doe",
		"Share on Facebook",
		"© 2026 Coastal News Network. All rights reserved.",
	}, "\n")
	r := clean.Article(clean.Input{Text: in, TitleInText: true})
	want := "The ferry between the two ports was suspended on Monday after storms brought waves of up to six metres to the coast.\n\n" +
		"The operator said crossings would resume once the wind dropped below gale force, probably by Wednesday."
	if r.Text != want {
		t.Fatalf("text:\n%s\nwant:\n%s", r.Text, want)
	}
	if r.Author != "Jane Roe and John Doe" {
		t.Errorf("author %q", r.Author)
	}
	if r.Title != "Storm closes ferry line for two days" {
		t.Errorf("title %q", r.Title)
	}
}

func TestArticleLearnedSiteRepeats(t *testing.T) {
	in := "Title here\nThe first paragraph of the story is long enough to count as the body of the article.\nSign up for the Morning Brief, our daily newsletter with everything you need.\nThe last paragraph of the story is also long enough to count as body text here."
	repeated := clean.Fold("Sign up for the Morning Brief, our daily newsletter with everything you need.")
	r := clean.Article(clean.Input{Text: in, TitleInText: true, Repeated: func(s string) bool { return s == repeated }})
	if strings.Contains(r.Text, "Morning Brief") {
		t.Fatalf("a line the site repeats stayed: %q", r.Text)
	}
	var rules []string
	for _, x := range r.Removed {
		rules = append(rules, x.Rule)
	}
	if !strings.Contains(strings.Join(rules, ","), "site-repeat") {
		t.Errorf("removal not recorded as site-repeat: %v", rules)
	}
}

func TestArticleKeepsBodyListsAndShortLines(t *testing.T) {
	in := "Council approves budget\n" +
		"The council approved next year's budget on Tuesday after a debate that lasted most of the night and ended in a narrow vote.\n" +
		"Moscow:\n" +
		"1. Schools get more money.\n" +
		"2. Roads get less money.\n" +
		"The mayor said the vote showed that the city could still agree on what matters most to its residents."
	r := clean.Article(clean.Input{Text: in, TitleInText: true})
	for _, s := range []string{"Moscow:", "1. Schools get more money.", "2. Roads get less money."} {
		if !strings.Contains(r.Text, s) {
			t.Errorf("body line %q removed: %+v", s, r.Removed)
		}
	}
}

func TestArticleFalseFurnitureStays(t *testing.T) {
	in := strings.Join([]string{
		"The polls this week",
		"1. Donald Trump (Last week: 2.)",
		"2. Marco Rubio (1.)",
		"3. Ted Cruz (4.)",
		"Our ranking of the candidates is based on polls, fundraising and endorsements collected over the past week in every state.",
		"Sources come in from fringe to help perpetuate questionable contentions.",
		"Watch out for the deadline.",
		"Watch the full interview below:",
		"Source: Quinnipiac University",
	}, "\n")
	r := clean.Article(clean.Input{Text: in, TitleInText: true})
	for _, keep := range []string{"1. Donald Trump (Last week: 2.)", "3. Ted Cruz (4.)", "Sources come in from fringe", "Watch out for the deadline."} {
		if !strings.Contains(r.Text, keep) {
			t.Errorf("removed %q: %+v", keep, r.Removed)
		}
	}
	if strings.Contains(r.Text, "Source: Quinnipiac") || strings.Contains(r.Text, "Watch the full interview") {
		t.Errorf("credit line kept: %q", r.Text)
	}
}

func TestArticleThatIsOnlyItsTitle(t *testing.T) {
	title := "A bomb exploded at a bank branch, killing two officers."
	r := clean.Article(clean.Input{Text: title, Title: title})
	if r.Text != title || r.Title != title {
		t.Fatalf("text %q, title %q", r.Text, r.Title)
	}
}

func TestArticleBriefItemsKeepTheirText(t *testing.T) {
	for _, text := range []string{"1010", "New York", "ISRAEL INTRODUCES SUMMER TIME."} {
		r := clean.Article(clean.Input{Text: text, Title: "MARKET HOLIDAYS"})
		if r.Text != text {
			t.Errorf("%q became %q (removed %+v)", text, r.Text, r.Removed)
		}
	}
}

func TestArticleRepeatedParagraphs(t *testing.T) {
	long := "The council voted on Tuesday evening to close the old bridge over the river to all traffic from next month, after engineers found cracks in its arches."
	medium := "Drivers will be sent along the ring road from next month."
	meals := []string{"Breakfast: porridge with oats, milk and a sliced banana", "Lunch: lentil soup with wholemeal bread and a salad"}
	lead := "This meal plan keeps the same simple meals all week so that the shopping stays short and nothing goes to waste."
	count := func(text, para string) int {
		n := 0
		for _, p := range strings.Split(text, "\n\n") {
			if p == para {
				n++
			}
		}
		return n
	}
	for _, c := range []struct {
		name  string
		lines []string
		para  string
		want  int
	}{
		{"LongParagraphPrintedTwiceGoes", []string{long, medium, long}, long, 1},
		{"MediumParagraphPrintedTwiceGoes", []string{long, medium, "Other news follows here.", medium}, medium, 1},
		{"RepeatedListLinesStay", []string{lead, "Monday", meals[0], meals[1], "Tuesday", meals[0], meals[1], "Wednesday", meals[0], meals[1]}, meals[0], 3},
		{"LongParagraphGoesInARepeatedStructure", []string{lead, meals[0], meals[1], long, meals[0], meals[1], long}, long, 1},
		{"LineRepeatedInPlaceGoes", []string{lead, meals[0], meals[0], meals[1], meals[0], meals[1]}, meals[0], 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := clean.Article(clean.Input{Text: strings.Join(c.lines, "\n")})
			if got := count(res.Text, c.para); got != c.want {
				t.Errorf("%q kept %d times, want %d; text:\n%s", c.para, got, c.want, res.Text)
			}
		})
	}
}

// A Markdown file's heading is its title without the heading marks.
func TestMarkdownHeadingTitle(t *testing.T) {
	r := clean.Article(clean.Input{Text: "# Dam talks stall again\nThe two delegations met for three hours on Tuesday and agreed on nothing.", TitleInText: true})
	if r.Title != "Dam talks stall again" {
		t.Errorf("title %q", r.Title)
	}
	r = clean.Article(clean.Input{Text: "#1 seed falls\nThe top seed lost in the first round on Tuesday, to a qualifier ranked 200th.", TitleInText: true})
	if r.Title != "#1 seed falls" {
		t.Errorf("a title that opens with a hash sign: %q", r.Title)
	}
}

func TestTextTrimmedPastDroppedCharacters(t *testing.T) {
	for _, text := range []string{"0 \x00", "\x00 0", "Body text \u200b\n\nMore\u00ad ", "\ufeff Lead line"} {
		res := clean.Article(clean.Input{Text: text})
		for _, p := range strings.Split(res.Text, "\n\n") {
			if p != strings.TrimSpace(p) {
				t.Errorf("%q: paragraph %q is not trimmed", text, p)
			}
		}
	}
}
