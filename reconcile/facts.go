package reconcile

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp"
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
	verb     string // for a date, the stem of the verb it dates ("trapped", "drilling"), if found
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

var durationUnits = map[string]bool{"second": true, "minute": true, "hour": true, "day": true, "week": true,
	"month": true, "year": true, "decade": true}

// numberFacts aligns the numbers with a unit or a counted thing.
func (s *story) numberFacts() []crosscheck.Fact {
	byUnit := map[string][]claim{}
	var units []string
	for _, a := range s.arts {
		for _, n := range a.Numbers {
			unit := n.Unit
			if unit == "" {
				unit = n.Counted
			}
			if unit == "" {
				continue
			}
			c := a.claim(n.Start, n.End)
			c.value, c.approx, c.subject, c.label = n.Value, n.Approx != "", n.Counted, numberLabel(n.Value, unit)
			c.crowded = unit == "percent" // 24% and 27% are seldom one fact
			if byUnit[unit] == nil {
				units = append(units, unit)
			}
			byUnit[unit] = append(byUnit[unit], c)
		}
	}
	var out []crosscheck.Fact
	for _, unit := range units {
		kind := "count"
		if durationUnits[unit] {
			kind = "duration"
		}
		for _, f := range s.assign(byUnit[unit], numbersAgree) {
			subject := subjectOf(kind, unit, f)
			if (unit == "percent" || unit == "percentage point") && mostCommon(f, func(c claim) string { return c.subject }) == "" {
				subject = unit + " of " + s.event(f) // a rate, a share, a change: named by what its sentences say
			}
			out = append(out, s.fact(f, kind, subject, numbersAgree))
		}
	}
	return out
}

func numberLabel(v float64, unit string) string {
	n := strconv.FormatFloat(v, 'f', -1, 64)
	if unit == "USD" {
		return "$" + n
	}
	if v != 1 && !strings.HasSuffix(unit, "s") && unit != "percent" {
		unit += "s"
	}
	return n + " " + unit
}

// numbersAgree reports whether two numbers can be the same fact: equal, or within a tenth
// of each other when either is approximate.
func numbersAgree(a, b claim) bool {
	if nlp.Equal(a.value, b.value) {
		return true
	}
	return (a.approx || b.approx) && math.Abs(a.value-b.value) <= 0.1*math.Max(math.Abs(a.value), math.Abs(b.value))
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
				if !sameEvent(facts[i], facts[j]) {
					continue // the day one thing happened against the day another did
				}
				if sim < conflictSim {
					continue // close values alone do not make one fact: "a premium of 27%", "jumped 24%"
				}
				score := sim + closeness(facts[i][0], facts[j][0], agree)/2
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

// subjectOf names a fact: what it counts or measures, and what of.
func subjectOf(kind, unit string, claims []claim) string {
	of := mostCommon(claims, func(c claim) string { return c.subject })
	plural := unit
	if !strings.HasSuffix(plural, "s") {
		plural += "s"
	}
	switch {
	case kind == "duration" && of != "":
		return "length of the " + of
	case kind == "duration":
		return "a length in " + plural
	case unit == "percent" && of != "":
		return "percent of the " + of
	case of != "" && of != unit:
		return "number of " + plural + " in the " + of
	}
	return "number of " + plural
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

// dateFacts aligns the days the articles date things to.
func (s *story) dateFacts() []crosscheck.Fact {
	var claims []claim
	for _, a := range s.arts {
		for _, d := range a.Dates {
			if d.Type != "DATE" || nlp.Granularity(d.Value) != "day" {
				continue
			}
			t, err := time.Parse("2006-01-02", d.Value)
			if err != nil {
				continue
			}
			if saidOn(a.Text[max(0, d.Start-40):d.Start]) {
				continue // the day something was said dates the saying, not the story's events
			}
			c := a.claim(d.Start, d.End)
			c.value, c.label, c.crowded = float64(t.Unix()/86400), d.Value, true
			c.verb = verbBefore(a.Text[a.sentences[max(c.sentence, 0)].span[0]:d.Start])
			claims = append(claims, c)
		}
	}
	var out []crosscheck.Fact
	for _, f := range s.assign(claims, sameDay) {
		out = append(out, s.fact(f, "date", "date of "+s.event(f), sameDay))
	}
	return out
}

func sameDay(a, b claim) bool { return a.value == b.value }

// sameEvent reports whether two sets of dates can date one event: unless each names verbs
// and they share none.
func sameEvent(a, b []claim) bool {
	var va []string
	for _, c := range a {
		if c.verb != "" {
			va = append(va, c.verb)
		}
	}
	some := false
	for _, c := range b {
		if c.verb != "" {
			some = true
			if slices.Contains(va, c.verb) {
				return true
			}
		}
	}
	return len(va) == 0 || !some
}

// irregularPast are past forms without "-ed" that news uses to date events, with their base.
var irregularPast = map[string]string{"met": "meet", "held": "hold", "began": "begin", "took": "take",
	"fell": "fall", "struck": "strike", "hit": "hit", "won": "win", "lost": "lose", "broke": "break",
	"ran": "run", "left": "leave", "came": "come", "went": "go", "sank": "sink", "shot": "shoot",
	"made": "make", "set": "set", "rose": "rise", "spoke": "speak", "flew": "fly", "signed": "sign"}

// verbBefore guesses the verb a date at the end of before belongs to: the nearest word within
// ten that looks like a verb ("were trapped on Tuesday", "drilling through rock on
// Wednesday"), as a stem; "" when there is none.
func verbBefore(before string) string {
	f := strings.Fields(before)
	for i := len(f) - 1; i >= max(0, len(f)-10); i-- {
		w := strings.Trim(f[i], ",;:()\"'“”’")
		if w == "" || w[0] < 'a' || w[0] > 'z' {
			continue // a name: "Jared"
		}
		if base, ok := irregularPast[w]; ok {
			return nlp.Stem(base)
		}
		if len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) {
			return nlp.Stem(w)
		}
	}
	return ""
}

// saidOnRe matches the end of the words before a date that is the day of a statement: "said on
// Monday", "told reporters on Friday", "said in a statement on Monday".
var saidOnRe = regexp.MustCompile(`(?i)\b(?:said|says|told|announced|added|stated|confirmed|reported|declared|warned|urged|called)\b(?:\s+[\p{L}’']+){0,4}?\s+(?:on|late on|early on|last|this)?\s*$`)

func saidOn(before string) bool { return saidOnRe.MatchString(before) }

// event names what a set of claims dates: the lower-case words (not names) their sentences
// share most.
func (s *story) event(claims []claim) string {
	count := map[string]int{}
	for _, c := range claims {
		if c.sentence < 0 {
			continue
		}
		sp := c.art.sentences[c.sentence].span
		text := c.art.Text[sp[0]:sp[1]]
		seen := map[string]bool{}
		for _, t := range nlp.Tokens(text) {
			w := text[t[0]:t[1]]
			if w[0] < 'a' || w[0] > 'z' || nlp.Stopwords[w] || len(w) < 3 || seen[w] {
				continue
			}
			seen[w] = true
			count[w]++
		}
	}
	var list []string
	for w, n := range count {
		if n > 1 {
			list = append(list, w)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if count[list[i]] != count[list[j]] {
			return count[list[i]] > count[list[j]]
		}
		return list[i] < list[j]
	})
	if len(list) == 0 {
		return "an event"
	}
	return "“" + strings.Join(list[:min(3, len(list))], ", ") + "”"
}

// roleFacts compares the titles the articles give each person named in several of them.
func (s *story) roleFacts() []crosscheck.Fact {
	type roleClaim struct {
		art   *article
		title string
		role  crosscheck.Role
	}
	byPerson := map[string][]roleClaim{}
	names := map[string]string{}
	var order []string
	for _, a := range s.arts {
		for _, e := range a.Entities {
			if e.Kind != "person" {
				continue
			}
			key := lastName(e.Name)
			if len(e.Name) > len(names[key]) {
				names[key] = e.Name
			}
			var mine []roleClaim
			for _, r := range e.Roles {
				if t := nlp.RoleTitle(r.Text); t != "" {
					mine = append(mine, roleClaim{a, t, r})
				}
			}
			if len(mine) == 0 {
				continue
			}
			if byPerson[key] == nil {
				order = append(order, key)
			}
			byPerson[key] = append(byPerson[key], pickTitle(mine, func(r roleClaim) string { return r.title }))
		}
	}
	var out []crosscheck.Fact
	for _, key := range order {
		claims := byPerson[key]
		f := crosscheck.Fact{Subject: names[key] + "’s role", Kind: "role"}
		for _, c := range claims {
			k := -1
			for i, v := range f.Values {
				if strings.EqualFold(v.Value, c.title) {
					k = i
				}
			}
			if k < 0 {
				f.Values = append(f.Values, crosscheck.FactValue{Value: c.title})
				k = len(f.Values) - 1
			}
			f.Values[k].Articles = append(f.Values[k].Articles, c.art.ID)
			f.Values[k].Evidence = append(f.Values[k].Evidence, c.art.evidence(c.role.Start, c.role.End))
		}
		if len(claims) < 2 {
			continue
		}
		f.Verdict = "agree"
		if len(f.Values) > 1 && titlesConflict(f.Values) {
			f.Verdict = "conflict"
		}
		sort.SliceStable(f.Values, func(i, j int) bool { return len(f.Values[i].Articles) > len(f.Values[j].Articles) })
		out = append(out, f)
	}
	return out
}

// pickTitle chooses the title an article gives a person: among titles that differ only by
// "former", the former one (it says more); else the one it uses most.
func pickTitle[T any](list []T, title func(T) string) T {
	best := list[0]
	count := map[string]int{}
	for _, r := range list {
		count[title(r)]++
	}
	for _, r := range list {
		t := title(r)
		if strings.HasPrefix(t, "former ") && count[strings.TrimPrefix(t, "former ")] > 0 {
			return r
		}
		if count[t] > count[title(best)] {
			best = r
		}
	}
	return best
}

// titlesConflict reports titles of one person that cannot all hold at once: the same office
// held and "former", or different offices of one kind.
func titlesConflict(values []crosscheck.FactValue) bool {
	for i := range values {
		for j := i + 1; j < len(values); j++ {
			a, b := strings.ToLower(values[i].Value), strings.ToLower(values[j].Value)
			if strings.TrimPrefix(a, "former ") == strings.TrimPrefix(b, "former ") || otherPortfolio(values[i].Value, values[j].Value) {
				return true
			}
		}
	}
	return false
}

// otherPortfolio reports one office held over different things: the same last word ("Minister")
// after different capitalised words ("Mining Minister", "Labour Minister"). "Prime", "Deputy"
// and the like name a different office too; a title with no such word is only less specific.
func otherPortfolio(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) < 2 || len(fb) < 2 || fa[len(fa)-1] != fb[len(fb)-1] {
		return false
	}
	caps := func(f []string) []string {
		var out []string
		for _, w := range f[:len(f)-1] {
			if w[0] >= 'A' && w[0] <= 'Z' {
				out = append(out, w)
			}
		}
		return out
	}
	ca, cb := caps(fa), caps(fb)
	return len(ca) > 0 && len(cb) > 0 && !slices.ContainsFunc(ca, func(w string) bool { return slices.Contains(cb, w) })
}

// placeFacts reports the places several articles say the story happens in ("in Moscow").
func (s *story) placeFacts() []crosscheck.Fact {
	byPlace := map[string]*crosscheck.FactValue{}
	var order []string
	for _, a := range s.arts {
		for _, e := range a.Entities {
			place := e.Name
			if e.Kind == "org" {
				place = nlp.Seat(e.Name) // "in the Kremlin" is in Moscow
			}
			if e.Kind != "place" && place == e.Name || place == "" {
				continue
			}
			for _, m := range e.Mentions {
				before := strings.TrimSuffix(strings.ToLower(a.Text[max(0, m.Start-12):m.Start]), " ")
				before = strings.TrimSuffix(strings.TrimSuffix(before, " the"), "the")
				if w := lastWordOf(before); w != "in" && w != "at" {
					continue
				}
				v := byPlace[place]
				if v == nil {
					v = &crosscheck.FactValue{Value: place}
					byPlace[place] = v
					order = append(order, place)
				}
				if !slices.Contains(v.Articles, a.ID) {
					v.Articles = append(v.Articles, a.ID)
					v.Evidence = append(v.Evidence, a.evidence(m.Start, m.End))
				}
			}
		}
	}
	var out []crosscheck.Fact
	for _, p := range order {
		v := byPlace[p]
		if len(v.Articles) < 2 || 2*len(v.Articles) < len(s.arts) {
			continue
		}
		out = append(out, crosscheck.Fact{Subject: "place: " + p, Kind: "place", Verdict: "agree", Values: []crosscheck.FactValue{*v}})
	}
	return out
}

func lastWordOf(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ",.;:“”\"")
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
