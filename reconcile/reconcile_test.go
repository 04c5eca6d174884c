package reconcile_test

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/reconcile"
)

func article(t *testing.T, id, source, published, text string) *crosscheck.Article {
	t.Helper()
	a, err := extract.Article(&crosscheck.Document{ID: id, Format: crosscheck.FormatJSON, Raw: []byte(text),
		Meta: crosscheck.Meta{Source: source, Published: published, Title: id}}, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// A fictional story: two outlets rewrite one wire text, a third reports on its own and gives
// another count and an opposite quote.
func fictionalStory(t *testing.T) []*crosscheck.Article {
	wire := article(t, "wire", "Harbor Wire", "2031-04-10",
		"Port officials in Calden said on Wednesday that the new ferry terminal will open in June after a 14-month delay.\n\n"+
			"Harbor master Lena Ortiz said the terminal had cost about $40 million. \"The terminal is ready and the tests were good,\" Ortiz said.\n\n"+
			"The city council approved the final budget on Tuesday after a debate that lasted nearly four hours.\n\n"+
			"Ortiz added that 12 berths would serve ferries to the islands and that the old pier would close.")
	rewrite := article(t, "rewrite", "Coast Daily", "2031-04-10",
		"The new ferry terminal in Calden will open in June after a delay of 14 months, port officials said on Wednesday.\n\n"+
			"Lena Ortiz, the harbor master, said the terminal cost about $40 million. \"The terminal is ready and the tests went well,\" she said.\n\n"+
			"The budget was approved by the city council on Tuesday following a debate of nearly four hours.\n\n"+
			"According to Ortiz, 12 berths will serve island ferries, and the old pier will close.")
	own := article(t, "own", "Island Times", "2031-04-11",
		"Ferry captains in Calden doubt the new terminal will be ready soon. Captain Amir Holt, who has sailed the route for twenty years, said he saw cranes still at work on Thursday.\n\n"+
			"Holt said the terminal has only 10 berths, not enough for the summer timetable. \"The terminal is not ready, and the tests were not good,\" he said.\n\n"+
			"Islanders have waited for the terminal since the old pier was damaged in a storm.")
	return []*crosscheck.Article{own, rewrite, wire}
}

func TestReconcileFindsConflictsRewritesAndQuoteDifferences(t *testing.T) {
	r := reconcile.Reconcile(crosscheck.Story{ID: "story-wire"}, fictionalStory(t), nil)
	var berths *crosscheck.Fact
	for i, f := range r.Facts {
		if strings.Contains(f.Subject, "berth") {
			berths = &r.Facts[i]
		}
	}
	if berths == nil || berths.Verdict != "conflict" || len(berths.Values) != 2 || berths.Values[0].Value != "12 berths" ||
		strings.Join(berths.Values[0].Articles, ",") != "rewrite,wire" && strings.Join(berths.Values[0].Articles, ",") != "wire,rewrite" {
		t.Errorf("berths: %+v\nall facts: %+v", berths, r.Facts)
	}
	if len(r.Derived) != 1 || r.Derived[0].Kind != "rewrite" || len(r.Derived[0].Evidence) < 3 {
		t.Fatalf("derived: %+v", r.Derived)
	}
	if a := r.Derived[0].Articles; !(a[0] == "wire" && a[1] == "rewrite" || a[0] == "rewrite" && a[1] == "wire") {
		t.Errorf("derived pair %v, want wire and rewrite", a)
	}
	found := false
	for _, g := range r.Quotes {
		for _, d := range g.Differences {
			found = found || d.Kind == "opposite" || d.Kind == "negation"
		}
	}
	if found {
		// Holt and Ortiz are different speakers: their quotes are not one utterance
		t.Errorf("quotes of two speakers grouped: %+v", r.Quotes)
	}
	if r.Story.Articles != 3 || r.Story.Independent != 2 || r.Story.Outlets != 3 || r.Story.Conflicts < 1 {
		t.Errorf("story numbers: %+v", r.Story)
	}
	for _, f := range r.Facts {
		for _, v := range f.Values {
			for _, e := range v.Evidence {
				if e.Sentence == "" || e.Start < e.SentenceStart {
					t.Errorf("%s: evidence without its sentence: %+v", f.Subject, e)
				}
			}
		}
	}
}

func TestReconcileIsDeterministic(t *testing.T) {
	a := reconcile.Reconcile(crosscheck.Story{ID: "s"}, fictionalStory(t), nil)
	b := fictionalStory(t)
	b[0], b[2] = b[2], b[0]
	c := reconcile.Reconcile(crosscheck.Story{ID: "s"}, b, nil)
	if len(a.Facts) != len(c.Facts) || len(a.Quotes) != len(c.Quotes) || len(a.Derived) != len(c.Derived) {
		t.Errorf("input order changed the report: %d/%d facts, %d/%d quote groups", len(a.Facts), len(c.Facts), len(a.Quotes), len(c.Quotes))
	}
}

// The timeline puts the dated events and the publications in order, month before its days.
func TestTimeline(t *testing.T) {
	r := reconcile.Reconcile(crosscheck.Story{ID: "story-wire"}, fictionalStory(t), nil)
	var whens []string
	at := map[string]crosscheck.Moment{}
	for _, m := range r.Timeline {
		whens = append(whens, m.When)
		at[m.When] = m
	}
	want := []string{"2031-04-08", "2031-04-09", "2031-04-10", "2031-04-11", "2031-06"}
	if strings.Join(whens, " ") != strings.Join(want, " ") {
		t.Fatalf("timeline %v, want %v", whens, want)
	}
	// Tuesday: the budget vote, in the wire and its rewrite.
	if m := at["2031-04-08"]; len(m.Events) != 2 || !strings.Contains(m.Events[0].Sentence, "budget") {
		t.Errorf("Tuesday: %+v", m)
	}
	if m := at["2031-04-10"]; strings.Join(m.Published, ",") != "rewrite,wire" {
		t.Errorf("published on the 10th: %v", m.Published)
	}
	for _, m := range r.Timeline {
		for _, e := range m.Events {
			if e.Start < e.SentenceStart || e.End > e.SentenceStart+len(e.Sentence) {
				t.Errorf("%s: the date is not inside its sentence: %+v", m.When, e)
			}
		}
	}
}

// Clock times told with verbs of one kind of act in two articles are the times of the story's
// one act; the same verbs twice in one article are of several acts and join nothing.
func TestClockTimesOfOneAct(t *testing.T) {
	a := article(t, "a", "Valley Post", "",
		"Government forces attacked a refugee camp near Orlen at 2:53 p.m. local time. No one was hurt, aid workers said.")
	b := article(t, "b", "Border News", "",
		"Aid workers said planes dropped four bombs on the refugee camp near Orlen at 3:20 p.m. Two bombs did not explode.")
	clocks := func(arts ...*crosscheck.Article) []crosscheck.Fact {
		var out []crosscheck.Fact
		for _, f := range reconcile.Reconcile(crosscheck.Story{ID: "story-camp"}, arts, nil).Facts {
			if f.Kind == "time" {
				out = append(out, f)
			}
		}
		return out
	}
	if f := clocks(a, b); len(f) != 1 || f[0].Verdict != "conflict" || len(f[0].Values) != 2 {
		t.Errorf("times of the one attack: %+v", f)
	}
	// the act named by its noun before a verb that says only that it happened, and a time in
	// brackets that restates the one before it in another zone
	d := article(t, "d", "Valley Post", "",
		"When the army attack came on the girls school in the refugee camp near Orlen at 3.45pm on Tuesday, 300 people were inside.")
	e := article(t, "e", "Border News", "",
		"Three shells hit the girls school in the Orlen camp at about 3pm on Tuesday (12am yesterday), officials said.")
	if f := clocks(d, e); len(f) != 1 || f[0].Verdict != "conflict" || len(f[0].Values) != 2 {
		t.Errorf("times of the one attack told by its noun: %+v", f)
	}
	c := article(t, "c", "Border News", "",
		"Planes dropped two bombs on the refugee camp near Orlen at 3:20 p.m. and shelled the market near it at 5:10 p.m.")
	if f := clocks(a, c); len(f) != 0 {
		t.Errorf("times of two acts in one article joined: %+v", f)
	}
}
