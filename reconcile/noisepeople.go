package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// A place's people against a toll (docs/noise-audit.md, third round): "Manokwari, a city of
// 160,000 people" and "home to 167,000 people" count who live there; "the tsunami that
// killed 168,000 people" counts the dead. A count of people written as a population is no
// rival of one that is not.

// populationBefore ends the text before a count of people that is a place's population:
// "home to ", "a city of about ", "population of ", "a camp of ".
var populationBefore = mustGate(`(?i)\b(?:home\s+(?:to|by|for)|population\s+of|inhabited\s+by|a\s+(?:city|town|village|island|district|province|region|country|nation|community|camp|settlement|state|county)\s+of)\s+(?:(?:about|some|over|more\s+than|nearly|almost|around|roughly|an\s+estimated|at\s+least|up\s+to)\s+)?$`)

// population reports the count of people at start as a place's population.
func (a *article) population(start int) bool {
	i := a.sentenceAt(start)
	return i >= 0 && start <= len(a.Text) && populationBefore.MatchString(a.Text[max(a.sentences[i].span[0], start-scopeReach):start])
}

// populationsApart drops from a conflict of counts of people the values whose every sentence
// writes the count as a place's population, when no sentence of the first value does: the
// first value counts people something happened to, the others those who live somewhere.
// When the first value is a population itself, every value stays: "a camp of 20,000
// refugees", "home to 22,000 refugees" and "over 24,000 refugees" count one camp.
func (s *story) populationsApart(kind string, values []crosscheck.FactValue) []crosscheck.FactValue {
	if len(values) < 2 || kind != "count" || !countsPeopleLabel(values[0].Value) {
		return values
	}
	for _, ev := range values[0].Evidence {
		if a := s.byID[ev.Article]; a == nil || a.population(ev.Start) {
			return values
		}
	}
	out := values[:1:1]
	for _, v := range values[1:] {
		if !s.everySentence(v, func(ev crosscheck.Evidence) bool { return s.byID[ev.Article].population(ev.Start) }) {
			out = append(out, v)
		}
	}
	return out
}

// harm is what befell the people a count counts, as the words next to it say: "dead" ("24
// people were killed", "leaving 24 dead", "killing 10 people"), "hurt" ("30 people seriously
// injured", "wounding 80"), or "" when neither is said. The words after the count are read
// first, then those before it.
func (a *article) harm(start, end int) string {
	sp, ok := a.figureSentence(start, end)
	if !ok {
		return ""
	}
	if m := harmWord.FindStringSubmatch(a.Text[start:min(sp[1], end+harmReach)]); m != nil {
		return harmOf(m[1])
	}
	before := a.Text[max(sp[0], start-harmReach):start]
	if ms := harmWord.FindAllStringSubmatch(before, -1); ms != nil {
		return harmOf(ms[len(ms)-1][1])
	}
	return ""
}

// harmReach bounds the text read on each side of a count for what befell its people.
const harmReach = 40

// harmWord is a word of death or of injury.
var harmWord = mustGate(`(?i)\b(dead|killed|killing|kills|died|dying|deaths|death|bodies|perished|fatalities|injured|injuring|injuries|wounded|wounding|hurt|hospitalized|hospitalised)\b`)

func harmOf(w string) string {
	switch strings.ToLower(w) {
	case "injured", "injuring", "injuries", "wounded", "wounding", "hurt", "hospitalized", "hospitalised":
		return "hurt"
	}
	return "dead"
}

// harmsApart drops from a conflict of counts of people the values whose every sentence
// tells one harm (harm) when every sentence of the first value tells another: "around 30
// people seriously injured" and "24 dead" are two counts, of the hurt and of the dead.
func (s *story) harmsApart(kind string, values []crosscheck.FactValue) []crosscheck.FactValue {
	if len(values) < 2 || kind != "count" || !countsPeopleLabel(values[0].Value) {
		return values
	}
	first, one := s.oneOf(values[0], (*article).harm)
	if !one || first == "" {
		return values
	}
	out := values[:1:1]
	for _, v := range values[1:] {
		if h, one := s.oneOf(v, (*article).harm); !one || h == "" || h == first {
			out = append(out, v)
		}
	}
	return out
}
