package group_test

import (
	"context"
	"encoding/json"
	"fmt"
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

func TestECBPlus(t *testing.T) {
	path := corpus.Path(t, "ecbplus/docs.jsonl")
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
		c.Add(a.ID, group.Extract(a.Title, a.Text), time.Time{})
	}
	pred := map[string]string{}
	for _, st := range c.Stories() {
		for _, id := range st.Articles {
			pred[id] = fmt.Sprint(st.ID)
		}
	}
	s := eval.Clustering(pred, gold)
	if s.Articles != 982 || s.BCubedF1 < 0.89 {
		t.Fatalf("ECB+: %+v", s)
	}
}
