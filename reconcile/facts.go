package reconcile

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/crosscheck/crosscheck"
)

// claim is one value an article states about some subject: a number, a date, a role.
type claim struct {
	art      *article
	value    float64 // numbers; for dates, days since 1970
	label    string  // the value as the report shows it
	approx   bool
	start    int
	end      int
	ctx      []int32
	subject  string // what the value counts or dates, when the article says ("plan", "meeting")
	sentence int
	crowded  bool   // a date or a percentage: values crowd together, so nearness does not make two one fact
	verb     string // for a date, the stem of the verb it dates ("trapped", "drilling"), if found; for a number, the event it counts ("kill")
	owner    string // for a number, whose it is ("ortiz", "girl"); two owners differ only when both are known
	bound    string // for a number, "lower" ("more than 40") or "upper" ("up to 8"), else ""
	listed   bool   // for a number, one of a list ("sons aged 11 and 14"): its neighbours are not rival values
	read     reading
}

// A claim joins the fact whose sentences share this much with its own (see assign); values
// close to the fact's count towards it.
const factJoin = 0.3

// facts aligns the story's claims into facts: counts and durations by their unit, dates of
// events, people's roles and the places the story happens in.
func (s *story) facts() []crosscheck.Fact {
	var out []crosscheck.Fact
	out = append(out, s.numberFacts()...)
	out = append(out, s.dateFacts()...)
	out = append(out, s.roleFacts()...)
	out = append(out, s.placeFacts()...)
	out = append(out, s.nameFacts()...)
	out = append(out, s.causeFacts()...)
	out = append(out, s.nicknameFacts()...)
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Verdict == "conflict") != (out[j].Verdict == "conflict") {
			return out[i].Verdict == "conflict"
		}
		return articleCount(out[i]) > articleCount(out[j])
	})
	if out == nil {
		out = []crosscheck.Fact{}
	}
	return out
}

func articleCount(f crosscheck.Fact) int {
	n := 0
	for _, v := range f.Values {
		n += len(v.Articles)
	}
	return n
}

// claim starts a claim of a at [start, end) with the sentence that holds it.
func (a *article) claim(start, end int) claim {
	c := claim{art: a, start: start, end: end, sentence: a.sentenceAt(start)}
	if c.sentence >= 0 {
		c.ctx = a.sentences[c.sentence].words
	}
	return c
}

// assign files claims into facts in two passes. First, claims of one value whose sentences
// share something make one fact each. Then facts of different values merge into conflicts,
// best pair first, when their sentences match (value closeness counting towards it) — unless
// an article states both values, since an article does not contradict itself. A fact of one
// article alone is dropped.
func (s *story) assign(claims []claim, agree func(a, b claim) bool) [][]claim {
	var facts [][]claim
	for _, c := range claims {
		best, bestSim := -1, 0.0
		for i, f := range facts {
			if !agree(f[0], c) {
				continue
			}
			if sim := s.maxSim(f, []claim{c}); best < 0 || sim > bestSim {
				best, bestSim = i, sim
			}
		}
		if best >= 0 && bestSim >= agreeJoin {
			facts[best] = append(facts[best], c)
			continue
		}
		facts = append(facts, []claim{c})
	}
	for {
		bi, bj, best := -1, -1, 0.0
		for i := range facts {
			for j := i + 1; j < len(facts); j++ {
				if shareArticle(facts[i], facts[j], agree) {
					continue
				}
				sim := s.maxSim(facts[i], facts[j])
				if !sameEvent(facts[i], facts[j]) || !shareValue(facts[i], facts[j], agree) && !mayConflict(facts[i], facts[j], sim) {
					continue // the day one thing happened against the day another did; one person's age against another's
				}
				if sim < conflictSim && !sameOwnedValue(facts[i], facts[j], agree) {
					continue // close values alone do not make one fact: "a premium of 27%", "jumped 24%"
				}
				score := sim + closeness(facts[i][0], facts[j][0], agree)/2 + ownerWeight(facts[i], facts[j])
				if score > best {
					bi, bj, best = i, j, score
				}
			}
		}
		if bi < 0 || best < factJoin {
			return slices.DeleteFunc(facts, func(f []claim) bool { return !severalArticles(f) })
		}
		facts[bi] = append(facts[bi], facts[bj]...)
		facts = append(facts[:bj], facts[bj+1:]...)
	}
}

// Claims of one value join when their sentences share this much; facts of different values
// merge only when their sentences share at least conflictSim.
const (
	agreeJoin   = 0.1
	conflictSim = 0.08
)

func (s *story) maxSim(a, b []claim) float64 {
	best := 0.0
	for _, x := range a {
		for _, y := range b {
			best = max(best, s.dice(x.ctx, y.ctx))
		}
	}
	return best
}

// shareValue reports whether two sets of claims state one value: the second then adds
// articles to a value the first has, which no rule against rivals stops.
func shareValue(a, b []claim, agree func(a, b claim) bool) bool {
	for _, x := range a {
		for _, y := range b {
			if agree(x, y) {
				return true
			}
		}
	}
	return false
}

// shareArticle reports an article that states different values in the two sets.
func shareArticle(a, b []claim, agree func(a, b claim) bool) bool {
	for _, x := range a {
		for _, y := range b {
			if x.art == y.art && !agree(x, y) {
				return true
			}
		}
	}
	return false
}

func severalArticles(claims []claim) bool {
	for _, c := range claims[1:] {
		if c.art != claims[0].art {
			return true
		}
	}
	return false
}

// closeness is 1 for values that agree and falls with their relative distance.
func closeness(a, b claim, agree func(a, b claim) bool) float64 {
	if agree(a, b) {
		return 1
	}
	if a.crowded || a.value == 0 || b.value == 0 {
		return 0
	}
	r := math.Min(math.Abs(a.value), math.Abs(b.value)) / math.Max(math.Abs(a.value), math.Abs(b.value))
	return math.Max(0, 2*r-1)
}

// fact turns a set of claims of two or more articles into a fact; a set from one article
// alone is not one.
func (s *story) fact(claims []claim, kind, subject string, agree func(a, b claim) bool) crosscheck.Fact {
	var values []crosscheck.FactValue
	var reps []claim
	for _, c := range claims {
		k := -1
		for i, r := range reps {
			if agree(r, c) {
				k = i
				break
			}
		}
		if k < 0 {
			reps = append(reps, c)
			values = append(values, crosscheck.FactValue{Value: c.label})
			k = len(values) - 1
		}
		v := &values[k]
		if !slices.Contains(v.Articles, c.art.ID) {
			v.Articles = append(v.Articles, c.art.ID)
		}
		v.Evidence = append(v.Evidence, c.art.evidence(c.start, c.end))
	}
	verdict := "agree"
	if len(values) > 1 {
		verdict = "conflict"
	}
	sort.SliceStable(values, func(i, j int) bool { return len(values[i].Articles) > len(values[j].Articles) })
	return crosscheck.Fact{Subject: subject, Kind: kind, Verdict: verdict, Values: values}
}

func mostCommon(claims []claim, f func(claim) string) string {
	count := map[string]int{}
	best := ""
	for _, c := range claims {
		k := f(c)
		if k == "" {
			continue
		}
		count[k]++
		if count[k] > count[best] || best == "" {
			best = k
		}
	}
	return best
}

// anomalies flags a date an article alone gives for what the others date otherwise, when it
// lies far from the article's own publication, and a role one article gives against all others.
func (s *story) anomalies(facts []crosscheck.Fact) []crosscheck.Anomaly {
	out := []crosscheck.Anomaly{}
	for _, f := range facts {
		if f.Verdict != "conflict" || len(f.Values) < 2 {
			continue
		}
		majority := f.Values[0]
		for _, v := range f.Values[1:] {
			if len(v.Articles) >= len(majority.Articles) {
				continue
			}
			flagged := map[string]bool{}
			for _, ev := range v.Evidence {
				a := s.byID[ev.Article]
				if flagged[a.ID] {
					continue
				}
				flagged[a.ID] = true
				switch f.Kind {
				case "date":
					d, err := time.Parse("2006-01-02", v.Value)
					if err != nil || a.dct.IsZero() {
						continue
					}
					gap := math.Abs(a.dct.Sub(d).Hours() / 24)
					if gap <= 30 {
						continue
					}
					out = append(out, crosscheck.Anomaly{Kind: "date", Article: a.ID, Evidence: ev,
						Detail: fmt.Sprintf("%s is %.0f days from the article's own publication (%s) while %d other article(s) date it %s",
							v.Value, gap, a.Published[:10], len(majority.Articles), majority.Value)})
				case "role":
					if len(majority.Articles) >= 2 && len(v.Articles) == 1 {
						out = append(out, crosscheck.Anomaly{Kind: "role", Article: a.ID, Evidence: ev,
							Detail: fmt.Sprintf("%s: %q here, %q in %d other article(s)", f.Subject, v.Value, majority.Value, len(majority.Articles))})
					}
				}
			}
		}
	}
	return out
}
