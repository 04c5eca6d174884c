package reconcile

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Places tied to what happened or to whom: where an act of the story took place ("filed a
// lawsuit in federal court in San Francisco"), where a company is based ("Sunnyvale, Calif.-
// based SeaMicro"), where someone died ("at his home in Santa Rosa" against "at a hospice
// near his home").

// A placeClaim is one article's place for one thing.
type placeClaim struct {
	art   *article
	place string // as the report shows it: "Sunnyvale, Calif."
	key   string // what makes two places one: the city, folded
	ev    crosscheck.Evidence
	about string // what the place is of, in the article's words
}

// placeFact aligns claims of one thing's place: an agreement when every article gives one
// place, a conflict of the places otherwise; each article's first claim stands. A value is
// shown as most of its articles write it; of wordings given as often, the one with the state
// as agencies abbreviate it ("Calif.").
func placeFact(subject string, claims []placeClaim) (crosscheck.Fact, bool) {
	f := crosscheck.Fact{Subject: subject, Kind: "place", Verdict: "agree"}
	seen := map[*article]bool{}
	var keys []string
	var wordings []map[string]int
	for _, c := range claims {
		if seen[c.art] {
			continue
		}
		seen[c.art] = true
		k := slices.Index(keys, c.key)
		if k < 0 {
			keys, wordings = append(keys, c.key), append(wordings, map[string]int{})
			f.Values = append(f.Values, crosscheck.FactValue{})
			k = len(keys) - 1
		}
		wordings[k][c.place]++
		f.Values[k].Articles = append(f.Values[k].Articles, c.art.ID)
		f.Values[k].Evidence = append(f.Values[k].Evidence, c.ev)
	}
	if len(seen) < 2 {
		return f, false
	}
	for k := range f.Values {
		best, n := "", 0
		for _, w := range slices.Sorted(maps.Keys(wordings[k])) {
			if c := wordings[k][w]; c > n || c == n && strings.HasSuffix(w, ".") && !strings.HasSuffix(best, ".") {
				best, n = w, c
			}
		}
		f.Values[k].Value = best
	}
	if len(f.Values) > 1 {
		f.Verdict = "conflict"
	}
	sort.SliceStable(f.Values, func(i, j int) bool { return len(f.Values[i].Articles) > len(f.Values[j].Articles) })
	return f, true
}

// actPlace is the fact of a place that few of the story's articles name, when two or more
// name it as the place of one act: the verb its phrase hangs on is the same ("filed a lawsuit
// in U.S. District Court in San Francisco", "filed a lawsuit in federal court in San
// Francisco").
func (s *story) actPlace(place string, claims []claim) (crosscheck.Fact, bool) {
	byVerb := map[string][]claim{}
	var verbs []string
	for _, c := range claims {
		v := c.art.verbOf(c.sentence, c.start, c.end)
		if v == "" || saysVerbs[v] {
			continue
		}
		if byVerb[v] == nil {
			verbs = append(verbs, v)
		}
		byVerb[v] = append(byVerb[v], c)
	}
	for _, v := range verbs {
		cs := byVerb[v]
		if !severalArticles(cs) {
			continue
		}
		value := crosscheck.FactValue{Value: mostCommon(cs, func(c claim) string { return c.label })}
		for _, c := range cs {
			if !slices.Contains(value.Articles, c.art.ID) {
				value.Articles = append(value.Articles, c.art.ID)
				value.Evidence = append(value.Evidence, c.art.evidence(c.start, c.end))
			}
		}
		return crosscheck.Fact{Subject: s.clauseSubject("place", cs), Kind: "place", Verdict: "agree", Values: []crosscheck.FactValue{value}}, true
	}
	return crosscheck.Fact{}, false
}

// saysVerbs report what someone said, not an act of the story.
var saysVerbs = map[string]bool{"said": true, "say": true, "told": true, "tell": true, "report": true, "state": true, "add": true}

// verbOf is the stem of the verb the words [start, end) of sentence i hang on, through the
// nouns and prepositions between ("filed a lawsuit in federal court in San Francisco" →
// "file"), or "".
func (a *article) verbOf(i, start, end int) string {
	p := a.parse(i)
	h := p.headIn(start, end)
	for steps := 0; h >= 0 && steps < 6; steps++ {
		g := p.Arcs[h].Head
		if g < 0 {
			return ""
		}
		if p.Tags[g] == "VERB" {
			if v := verbStem(strings.ToLower(p.Words[g])); v != "" {
				return v
			}
			return strings.ToLower(p.Words[g])
		}
		if r := baseRel(p.Arcs[h].Rel); r != "nmod" && r != "obl" && r != "compound" && r != "flat" && r != "obj" {
			return ""
		}
		h = g
	}
	return ""
}

// A city as news writes it before or after a company it is the seat of, and the company.
const (
	cityWords = `\p{Lu}[\p{L}.'’]*(?: \p{Lu}[\p{L}.'’]*){0,2}`
	orgWords  = `\p{Lu}[\p{L}&.'’-]*(?: \p{Lu}[\p{L}&.'’-]*){0,3}`
)

// seatCues find where a company is based: "Based in Sunnyvale, California, SeaMicro …",
// "Sunnyvale, Calif.-based SeaMicro", "SeaMicro, based in Sunnyvale", "SeaMicro is
// headquartered in Sunnyvale". Groups: the city, the state, the company.
var seatCues = []*gatedRegexp{
	mustGate(`(?:^|\n|[.!?]\s*["”’]?\s+)(?:Based|Headquartered) in (` + cityWords + `)(?:, (` + cityWords + `))?, (` + orgWords + `)`),
	mustGate(`\b(` + cityWords + `)(?:, (` + cityWords + `))?\s?-\s?based (` + orgWords + `)`),
}

// seatAfterCue finds "SeaMicro, based in Sunnyvale" and "SeaMicro is headquartered in
// Sunnyvale": the company first.
var seatAfterCue = mustGate(`\b(` + orgWords + `)(?:,| is| was) (?:based|headquartered) in (` + cityWords + `)(?:, (` + cityWords + `))?`)

// seatFacts compares where the articles say a company is based.
func (s *story) seatFacts() []crosscheck.Fact {
	byOrg := map[string][]placeClaim{}
	names := map[string]string{}
	var order []string
	add := func(a *article, org string, city, state [2]int) {
		org = strings.TrimSuffix(strings.TrimSuffix(org, "’s"), "'s")
		c := a.Text[city[0]:city[1]]
		if orgStops[org] || !a.namesPlace(c) && state[0] < 0 {
			return // "Opteron-based Servers": a product, not a city
		}
		label := c
		if state[0] >= 0 {
			if st := a.Text[state[0]:state[1]]; usStates[st] {
				label += ", " + st
			}
		}
		key := strings.ToLower(strings.ReplaceAll(org, " ", ""))
		if byOrg[key] == nil {
			order = append(order, key)
			names[key] = org
		}
		byOrg[key] = append(byOrg[key], placeClaim{art: a, place: label, key: strings.ToLower(c), ev: a.evidence(city[0], max(city[1], state[1]))})
	}
	span := func(m []int, g int) [2]int { return [2]int{m[2*g], m[2*g+1]} }
	for _, a := range s.arts {
		if !strings.Contains(a.Text, "based") && !strings.Contains(a.Text, "Based") && !strings.Contains(a.Text, "eadquartered") {
			continue // no cue: the patterns need not run
		}
		for _, re := range seatCues {
			for _, m := range re.FindAllStringSubmatchIndex(a.Text, -1) {
				add(a, a.Text[m[6]:m[7]], span(m, 1), span(m, 2))
			}
		}
		for _, m := range seatAfterCue.FindAllStringSubmatchIndex(a.Text, -1) {
			add(a, a.Text[m[2]:m[3]], span(m, 2), span(m, 3))
		}
	}
	var out []crosscheck.Fact
	for _, k := range order {
		if f, ok := placeFact("headquarters of "+names[k], byOrg[k]); ok {
			out = append(out, f)
		}
	}
	return out
}

// orgStops are capitalised words that open a sentence or a clause, not a company's name.
var orgStops = map[string]bool{"The": true, "It": true, "Its": true, "A": true, "An": true, "This": true,
	"That": true, "He": true, "She": true, "They": true, "Company": true}

// namesPlace reports a place the article's entities name.
func (a *article) namesPlace(name string) bool {
	for _, e := range a.Entities {
		if e.Kind == "place" && (e.Name == name || slices.Contains(e.Aliases, name)) {
			return true
		}
	}
	return false
}

// deathPlaceCue finds where someone died: "died … at his home in Santa Rosa", "died … at a
// hospice near his home in Santa Rosa", "died at a Los Angeles hospital". Group 1 is the
// word before "died"; group 2 the place, from "at" or "in" to its city.
var deathPlaceCue = mustGate(`(\p{L}+),?\s+died\b[^.;]{0,80}?\b((?:at|in) (?:his|her|their|the|a|an) (?:[\p{L}.-]+ ){0,3}?` +
	`(?:home|house|residence|apartment|hospital|hospice|nursing home|clinic)(?: near (?:his|her|their) home)?(?: in ` + cityWords + `)?)`)

// atHome reports a place of death that is the person's home, not an institution near it.
func atHome(place string) bool {
	if strings.Contains(place, " near ") {
		return false
	}
	f := strings.Fields(strings.ToLower(place))
	for _, w := range f {
		switch w {
		case "hospital", "hospice", "clinic", "nursing":
			return false
		}
	}
	return true
}

// deathPlaceFacts reports the articles that say someone died at home against those that say
// in a hospital, a hospice or a clinic: one cannot be said of a death the other is. Places
// of one kind agree, and are left to placeFacts.
func (s *story) deathPlaceFacts() []crosscheck.Fact {
	byWho := map[string][]placeClaim{}
	names := map[string]string{}
	var order []string
	for _, a := range s.arts {
		if !strings.Contains(a.Text, "died") {
			continue
		}
		for _, m := range deathPlaceCue.FindAllStringSubmatchIndex(a.Text, -1) {
			who := a.whoDied(m[0], a.Text[m[2]:m[3]])
			if who == "" {
				continue
			}
			key := strings.ToLower(lastName(who))
			if byWho[key] == nil {
				order = append(order, key)
				names[key] = who
			}
			place := a.Text[m[4]:m[5]]
			kind := "institution"
			if atHome(place) {
				kind = "home"
			}
			byWho[key] = append(byWho[key], placeClaim{art: a, place: place, key: kind, ev: a.evidence(m[4], m[5])})
		}
	}
	var out []crosscheck.Fact
	for _, k := range order {
		if f, ok := placeFact("where "+names[k]+" died", byWho[k]); ok && f.Verdict == "conflict" {
			out = append(out, f)
		}
	}
	return out
}
