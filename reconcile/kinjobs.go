package reconcile

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/entity"
)

// What a profile's parents did for a living: "His father was a jewelry engraver" in one
// obituary, "one of five sons of Salvatore Gigante, a watchmaker, and Yolanda Gigante, a
// seamstress" in another. Both tell the occupation of the father of the person the article is
// about; outlets that give him different trades contradict each other, and a trade said with
// more or fewer words ("an engraver", "a jewelry engraver") agrees.

// kinJobRe matches a parent told by a possessive and what the parent was: "his father was a
// jewelry engraver", "her late mother had been a nurse".
var kinJobRe = mustGate(`\b(?:[Hh]is|[Hh]er)\s+(?:late\s+)?(father|mother)\s+(?:was|is|had been|worked as)\s+(an?\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)(?:\s*[,.;:]|\s+(?:and|who|whose|in|at|for|from|with|of|on|until|before|after|when|while|but)\b|\s*$)`)

// parentsOpen matches the words before a list of named parents: "one of five sons of ",
// "the daughter of ".
var parentsOpen = mustGate(`\b(?:sons?|daughters?|children|child)\s+of\s+`)

// namedParentRe matches one named parent and what the parent was, at the start of the text:
// "Salvatore Gigante, a watchmaker," (and the "and" before the next one).
var namedParentRe = mustGate(`^(?:,?\s*and\s+)?((?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’-]*),\s+(an?\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)\s*(?:[,.;]|\s+and\b|$)`)

// jobSuffixes end most nouns of an occupation; jobWords are common ones that do not.
var (
	jobSuffixes = []string{"er", "or", "ist", "ian", "man", "woman", "ess", "ant", "smith", "wright", "eer"}
	jobWords    = map[string]bool{"clerk": true, "nurse": true, "chef": true, "cook": true, "judge": true,
		"priest": true, "pastor": true, "minister": true, "surgeon": true, "mechanic": true, "pilot": true,
		"diplomat": true, "architect": true, "maid": true, "rabbi": true, "imam": true, "cop": true,
		"guard": true, "officer": true, "executive": true, "physician": true, "midwife": true,
		"seamstress": true, "tailor": true, "soldier": true, "chauffeur": true, "engineer": true}
	notJobs = map[string]bool{"member": true, "other": true, "number": true, "character": true, "matter": true,
		"letter": true, "power": true, "order": true, "water": true, "border": true, "corner": true,
		"monster": true, "master": true, "error": true, "factor": true, "color": true, "colour": true,
		"honor": true, "honour": true, "favor": true, "favour": true, "humor": true, "mirror": true,
		"disaster": true, "chapter": true, "center": true, "centre": true, "quarter": true, "neighbor": true,
		"neighbour": true, "brother": true, "sister": true, "mother": true, "father": true, "daughter": true,
		"woman": true, "man": true, "human": true, "stranger": true, "lover": true, "fan": true}
)

// jobHead is the noun that heads an occupation ("engraver" of "a jewelry engraver"), or ""
// when the words name no occupation ("a big influence", "a member").
func jobHead(job string) string {
	f := strings.Fields(strings.ToLower(job))
	if len(f) < 2 {
		return ""
	}
	head := f[len(f)-1]
	if notJobs[head] {
		return ""
	}
	if jobWords[head] {
		return head
	}
	for _, s := range jobSuffixes {
		if strings.HasSuffix(head, s) && len(head) > len(s)+2 {
			return head
		}
	}
	return ""
}

// kinJob is one article's word on the occupation of a parent of the person it is about.
type kinJob struct {
	art        *article
	of, parent string // "Gigante", "father"
	job, head  string // "jewelry engraver", "engraver"
	start, end int
}

// kinJobs reads an article's parents' occupations.
func (a *article) kinJobs() []kinJob {
	of := a.profiled()
	if of == "" {
		return nil
	}
	var out []kinJob
	add := func(parent string, start, end int) {
		job := strings.TrimSpace(a.Text[start:end])
		head := jobHead(job)
		if head == "" {
			return
		}
		job = job[strings.IndexByte(job, ' ')+1:] // the article "a" left out
		out = append(out, kinJob{a, of, parent, job, head, end - len(job), end})
	}
	for _, m := range kinJobRe.FindAllStringSubmatchIndex(a.Text, -1) {
		add(a.Text[m[2]:m[3]], m[4], m[5])
	}
	for _, m := range parentsOpen.FindAllStringIndex(a.Text, -1) {
		at := m[1]
		for range 2 {
			p := namedParentRe.FindStringSubmatchIndex(a.Text[at:])
			if p == nil {
				break
			}
			parent := ""
			switch entity.FirstNameGender(strings.Fields(a.Text[at+p[2] : at+p[3]])[0]) {
			case 'm':
				parent = "father"
			case 'f':
				parent = "mother"
			}
			if parent != "" {
				add(parent, at+p[4], at+p[5])
			}
			at += p[5]
		}
	}
	return out
}

// profiled is the last name of the person an article names most often, the one a "his father"
// of a profile or an obituary is of; "" when no person is named three times or two are named
// as often.
func (a *article) profiled() string {
	best, most, tie := "", 0, false
	for _, e := range a.Entities {
		if e.Kind != "person" {
			continue
		}
		switch n := len(e.Mentions); {
		case n > most:
			best, most, tie = e.Name, n, false
		case n == most:
			tie = true
		}
	}
	if most < 3 || tie {
		return ""
	}
	f := strings.Fields(best)
	return strings.Trim(f[len(f)-1], `"“”'’`)
}

// kinJobFacts aligns the occupations the articles give to the parents of the person they are
// about, one per article: one trade is an agreement, different trades a conflict.
func (s *story) kinJobFacts() []crosscheck.Fact {
	var all []kinJob
	for _, a := range s.arts {
		all = append(all, a.kinJobs()...)
	}
	keys, byKey := groupInOrder(all, func(k kinJob) string { return strings.ToLower(k.of) + " " + k.parent })
	var out []crosscheck.Fact
	for _, key := range keys {
		g := byKey[key]
		var firsts []kinJob
		for _, k := range g {
			if !slices.ContainsFunc(firsts, func(o kinJob) bool { return o.art == k.art }) {
				firsts = append(firsts, k)
			}
		}
		if len(firsts) < 2 {
			continue
		}
		var stated []statedValue
		for _, k := range firsts {
			stated = append(stated, statedValue{k.art, k.head, k.job, k.start, k.end})
		}
		f := factOfValues("occupation of "+firsts[0].of+"'s "+firsts[0].parent, "role", stated)
		out = append(out, f)
	}
	return out
}
