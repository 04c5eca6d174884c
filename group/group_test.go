package group_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/eval"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

var texts = map[string]string{
	"quake-1":  "A magnitude 6.1 earthquake struck Lindqvist province on Monday, killing 12 people and destroying homes in Sarnbruck, the Veldaran emergency ministry said.",
	"quake-2":  "Rescuers in Sarnbruck searched rubble after the magnitude 6.1 earthquake in Lindqvist province killed 12 people, Veldaran officials said.",
	"quake-3":  "The Lindqvist province earthquake of magnitude 6.1 left 12 dead in Sarnbruck; Veldaran rescuers worked through the night.",
	"recall-1": "Kestrel Motors recalled 40,000 Ostmark Roadster cars over faulty brakes, the carmaker said in Hallberg.",
	"recall-2": "The Ostmark Roadster recall by Kestrel Motors covers 40,000 cars with faulty brakes, the Hallberg company said.",
}

func place(c *group.Clusterer, ids ...string) map[string]int {
	story := map[string]int{}
	for _, id := range ids {
		story[id] = c.Add(id, group.Extract("", texts[id]), time.Time{}).Story
	}
	return story
}

func TestSameEventJoinsAndOtherEventsStayApart(t *testing.T) {
	s := place(group.NewClusterer(group.DefaultOptions), "quake-1", "recall-1", "quake-2", "recall-2", "quake-3")
	if s["quake-1"] != s["quake-2"] || s["quake-2"] != s["quake-3"] || s["recall-1"] != s["recall-2"] {
		t.Fatalf("same events apart: %v", s)
	}
	if s["quake-1"] == s["recall-1"] {
		t.Fatalf("different events together: %v", s)
	}
}

func TestDeterministic(t *testing.T) {
	order := []string{"recall-1", "quake-1", "quake-2", "recall-2", "quake-3"}
	a := place(group.NewClusterer(group.DefaultOptions), order...)
	b := place(group.NewClusterer(group.DefaultOptions), order...)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("%v != %v", a, b)
	}
}

func TestAssignmentSaysWhy(t *testing.T) {
	c := group.NewClusterer(group.DefaultOptions)
	first := c.Add("quake-1", group.Extract("", texts["quake-1"]), time.Time{})
	second := c.Add("quake-2", group.Extract("", texts["quake-2"]), time.Time{})
	other := c.Add("recall-1", group.Extract("", texts["recall-1"]), time.Time{})
	if !first.New || first.Rule != "new: no candidate story" {
		t.Errorf("first: %+v", first)
	}
	if second.New || second.Score < group.DefaultOptions.Threshold || !strings.HasPrefix(second.Rule, "joined") || second.Candidates != 1 {
		t.Errorf("second: %+v", second)
	}
	if !other.New {
		t.Errorf("other: %+v", other)
	}
}

func TestTwoEventsOfOneKindSplit(t *testing.T) {
	// Two title fights of one boxer: the shared name gathers them, the opponents and venues
	// tell them apart.
	var fights []string
	for i := 0; i < 4; i++ {
		fights = append(fights, fmt.Sprintf("Anton Varga retained his heavyweight title, stopping Milo Dresner in round %d at the Hallberg Arena in Ostmark, report %d.", 7, i))
	}
	for i := 0; i < 4; i++ {
		fights = append(fights, fmt.Sprintf("Anton Varga retained his heavyweight title, beating Corin Aalto on points at the Sarn Dome in Veldara, bulletin %d.", i+10))
	}
	c := group.NewClusterer(group.DefaultOptions)
	for i, f := range fights {
		c.Add(fmt.Sprint(i), group.Extract("", f), time.Time{})
	}
	of := map[string]int{}
	for _, st := range c.Stories() {
		for _, id := range st.Articles {
			of[id] = st.ID
		}
	}
	if of["0"] != of["3"] || of["4"] != of["7"] || of["0"] == of["4"] {
		t.Fatalf("fights not told apart: %v", of)
	}
}

// groupCorpus groups a gold JSONL corpus in file order — by publication day when dated is
// true — and scores it against its cluster labels.
func groupCorpus(t *testing.T, name string, dated bool) eval.ClusterScores {
	path := corpus.Path(t, name)
	c := group.NewClusterer(group.DefaultOptions)
	gold := map[string]string{}
	for it := range ingest.Read(context.Background(), []string{path}, ingest.Options{}) {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		a, err := extract.Article(it.Doc, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var f struct{ Cluster string }
		json.Unmarshal(it.Doc.Meta.Extra, &f)
		gold[a.ID] = f.Cluster
		var published time.Time
		if dated {
			published, _ = a.PublishedDay()
		}
		c.Add(a.ID, group.Extract(a.Title, a.Text), published)
	}
	pred := map[string]string{}
	for _, st := range c.Stories() {
		for _, id := range st.Articles {
			pred[id] = fmt.Sprint(st.ID)
		}
	}
	return eval.Clustering(pred, gold)
}

func TestECBPlus(t *testing.T) {
	if s := groupCorpus(t, "ecbplus/docs.jsonl", false); s.Articles != 982 || s.BCubedF1 < 0.89 {
		t.Fatalf("ECB+: %+v", s)
	}
}

// PAC's stories are told by two outlets of opposite leanings within days; the batch peer
// (eval/peer) scores B-cubed F1 0.876 on it.
func TestPACByPublicationTime(t *testing.T) {
	dated, undated := groupCorpus(t, "pac/stories.jsonl", true), groupCorpus(t, "pac/stories.jsonl", false)
	if dated.Articles != 234 || dated.BCubedF1 < 0.89 || dated.BCubedF1 <= undated.BCubedF1 {
		t.Fatalf("PAC: dated %+v, undated %+v", dated, undated)
	}
}

func TestABridgingArticleMergesTwoStories(t *testing.T) {
	opts := group.DefaultOptions
	opts.MergeAbove = 0.1 // low, so that this small case shows the mechanism
	c := group.NewClusterer(opts)
	add := func(id, text string) group.Assignment { return c.Add(id, group.Extract("", text), time.Time{}) }
	a := add("talks", "Elena Marsh and Tomas Kerr held talks on the Sarn dam in Lindqvist on Thursday.")
	b := add("flow", "Engineers measured the river flow near Sarnbruck for the water quota.")
	if b.Story == a.Story {
		t.Skip("the two seeds already joined; the case needs two stories")
	}
	bridge := add("bridge", "At the Sarn dam talks in Lindqvist, Elena Marsh and Tomas Kerr discussed the river flow engineers measured near Sarnbruck and the water quota.")
	if !strings.Contains(bridge.Rule, "merged") {
		t.Fatalf("no merge: %+v", bridge)
	}
	merged := false
	for _, mv := range c.TakeChanges().Moves {
		merged = merged || (mv.Article == "" && mv.From == b.Story && mv.Story == a.Story && mv.Size == 1)
	}
	if !merged {
		t.Fatal("the merge is not among the moves")
	}
	live := 0
	for _, st := range c.Stories() {
		if len(st.Articles) > 0 {
			live++
			if len(st.Articles) != 3 || st.Key != "talks" {
				t.Fatalf("merged story: %+v", st)
			}
		}
	}
	if live != 1 {
		t.Fatalf("%d stories left", live)
	}

}

func TestASmallStoryOfTwoAnglesStaysWhole(t *testing.T) {
	// One event told twice three times: the fire in the bank, and the riot and arrests
	// around it. The halves share the place and the names, little else.
	texts := []string{
		"Fire in the Varen Bank killed three clerks; firefighters found them in the vault, said chief Lena Dorsk.",
		"Three clerks of the Varen Bank died in the fire; the smoke trapped them in the vault, firefighters said.",
		"The Varen Bank fire: firefighters led by Lena Dorsk carried three dead clerks from the vault.",
		"Police arrested forty rioters on Ostmark Square after marchers threw petrol bombs at the Varen Bank, minister Arvo Kesk said.",
		"Minister Arvo Kesk blamed rioters for the petrol bombs on Ostmark Square; police made forty arrests.",
		"Marchers threw petrol bombs on Ostmark Square and police arrested forty rioters, Arvo Kesk said.",
	}
	c := group.NewClusterer(group.DefaultOptions)
	for i, s := range texts {
		c.Add(fmt.Sprint(i), group.Extract("", s), time.Time{})
	}
	for _, st := range c.Stories() {
		if len(st.Articles) > 0 && len(st.Articles) != len(texts) {
			t.Fatalf("the story came apart: %+v", c.Stories())
		}
	}
}

// Each real event's five or six articles are one story in its manifest's order (eval report's):
// in a store of one event, the last article in must not miss the story because the words they
// all share weigh little.
func TestEachEventIsOneStory(t *testing.T) {
	root := corpus.Path(t, "events")
	dirs, _ := filepath.Glob(filepath.Join(root, "*", ingest.ManifestName))
	if len(dirs) == 0 {
		t.Skip("no events")
	}
	for _, man := range dirs {
		b, err := os.ReadFile(man)
		if err != nil {
			t.Fatal(err)
		}
		var files []string
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var e struct{ File string }
			if json.Unmarshal([]byte(line), &e) == nil && strings.HasSuffix(e.File, ".txt") {
				files = append(files, filepath.Join(filepath.Dir(man), e.File))
			}
		}
		c := group.NewClusterer(group.DefaultOptions)
		for it := range ingest.Read(context.Background(), files, ingest.Options{}) {
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			a, err := extract.Article(it.Doc, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			c.Add(a.ID, group.Extract(a.Title, a.Text), time.Time{})
		}
		for _, st := range c.Stories() {
			if len(st.Articles) > 0 && len(st.Articles) != len(files) {
				t.Errorf("%s: story %v of %d articles", filepath.Base(filepath.Dir(man)), st.Articles, len(files))
			}
		}
	}
}

// A state read back row by row gives the stories one clusterer gives: ECB+ placed by one
// clusterer, by a new clusterer over the same Memory every few articles, which reads only
// what each article needs, and by one whose cache is shrunk every few articles (what the last
// articles did not use is dropped, or everything) and read again as needed.
func TestStateReadBackGroupsAsOneRun(t *testing.T) {
	path := corpus.Path(t, "ecbplus/docs.jsonl")
	type doc struct {
		id    string
		terms group.Terms
		sig   group.Signature
	}
	var docs []doc
	for it := range ingest.Read(context.Background(), []string{path}, ingest.Options{}) {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		a, err := extract.Article(it.Doc, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc{a.ID, group.Extract(a.Title, a.Text), group.Sign(a.Title + "\n" + a.Text)})
	}
	day := func(i int) time.Time { return time.Date(2024, 1, 1+i/40, 0, 0, 0, 0, time.UTC) }
	shrunk := 0
	run := func(every, limit int) ([]string, []string) {
		mem := group.NewMemory()
		c, _ := group.New(context.Background(), mem, group.DefaultOptions)
		var placed []string
		for i, d := range docs {
			switch {
			case every > 0 && i%every == 0 && limit > 0:
				c.TakeChanges()
				before := c.Cached()
				if c.Shrink(limit); c.Cached() < before {
					shrunk++
				}
			case every > 0 && i%every == 0:
				c.TakeChanges()
				var err error
				if c, err = group.New(context.Background(), mem, group.DefaultOptions); err != nil {
					t.Fatal(err)
				}
			}
			dup, _ := c.Duplicate(d.id, d.sig)
			a := c.Add(d.id, d.terms, day(i))
			placed = append(placed, fmt.Sprintf("%s %d %.6f %d %s %s", d.id, a.Story, a.Score, a.Candidates, a.Rule, dup.Of))
		}
		if c.Err() != nil {
			t.Fatal(c.Err())
		}
		var stories []string
		for _, st := range c.Stories() {
			stories = append(stories, fmt.Sprint(st.ID, st.Key, st.Size, st.Articles, st.First, st.Last))
		}
		return placed, stories
	}
	onePlaced, oneStories := run(0, 0)
	for _, r := range []struct{ every, limit int }{{1, 0}, {37, 0}, {37, 1 << 20}, {50, 1}} {
		placed, stories := run(r.every, r.limit)
		for i := range placed {
			if placed[i] != onePlaced[i] {
				t.Fatalf("reading back every %d (cache limit %d): article %d placed\n%s\nnot\n%s", r.every, r.limit, i, placed[i], onePlaced[i])
			}
		}
		if !reflect.DeepEqual(stories, oneStories) {
			t.Fatalf("reading back every %d (cache limit %d): other stories", r.every, r.limit)
		}
	}
	if shrunk == 0 {
		t.Error("the cache was never shrunk")
	}
}

// A title that capitalises every word names nothing by its capitals: its words weigh as
// words unless the text writes them with a capital too.
func TestATitleInTitleCaseNamesNothing(t *testing.T) {
	terms := group.Extract("Interior Departments Overturn Rule That Cut Science", "Ken Salazar said the rule would go.")
	for _, k := range []string{"e:overturn", "e:departments", "e:science"} {
		if terms[k] > 0 {
			t.Errorf("%s counted as a name: %v", k, terms)
		}
	}
	if terms["w:overturn"] == 0 || terms["e:salazar"] == 0 {
		t.Errorf("words or names lost: %v", terms)
	}
	if sentence := group.Extract("Obama says Salazar rescinds the rule", "The rule goes."); sentence["e:salazar"] == 0 {
		t.Errorf("a name in a sentence-case title lost: %v", sentence)
	}
	// A wire's headline in capitals throughout keeps its words as title names.
	if wire := group.Extract("GENCORP SETS QUARTERLY DIVIDEND", "The company said it would pay."); wire["e:dividend"] == 0 {
		t.Errorf("a headline in capitals read as words: %v", wire)
	}
}

// A title or an initial before a name ends no sentence: the name stays a name, as it is where
// the name comes whole.
func TestATitleOrAnInitialEndsNoSentence(t *testing.T) {
	for _, text := range []string{
		"Obama nominated Dr. Benjamin to be surgeon general.",
		"Obama nominated Regina M. Benjamin to be surgeon general.",
	} {
		if terms := group.Extract("", text); terms["e:benjamin"] == 0 || terms["w:benjamin"] > 0 {
			t.Errorf("%q: %v", text, terms)
		}
	}
	// A sentence that ends with a word still ends.
	if terms := group.Extract("", "The court met in Berlin. Officials said little."); terms["e:officials"] > 0 {
		t.Errorf("a sentence's first word taken for a name: %v", terms)
	}
}

// A story read from the state, joined and saved, then checked for a split reads its members
// from the state as they are now: the ones it was read with and the ones saved since.
func TestAStoryJoinedAndSavedReadsItsMembersBack(t *testing.T) {
	ctx := context.Background()
	mem := group.NewMemory()
	c, _ := group.New(ctx, mem, group.DefaultOptions)
	add := func(from, to int) {
		for i := from; i < to; i++ {
			c.Add(fmt.Sprint("q", i), group.Extract("", texts[fmt.Sprint("quake-", 1+i%3)]), time.Time{})
		}
	}
	add(0, 3)
	c.TakeChanges()
	c, _ = group.New(ctx, mem, group.DefaultOptions) // reads the story, its members left in the state
	add(3, 4)
	c.TakeChanges() // the fourth member saved beside the three
	add(4, 9)       // the ninth article checks the story for a split, which reads its members
	if err := c.Err(); err != nil {
		t.Fatal(err)
	}
	if st := c.Stories(); len(st) != 1 || st[0].Size != 9 {
		t.Fatalf("stories %+v, want one of nine", st)
	}
}
