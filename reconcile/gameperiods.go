package reconcile

import (
	"regexp"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// The period of a game a play happened in: "Quinn was picked off in the third quarter", "the
// Chiefs were stuffed on fourth-and-one early in the fourth quarter". Outlets that put one
// play in different periods, or early and late in one, contradict each other.

// gamePeriodRe matches a period of a game and where in it: "late in the fourth quarter", "in
// the 3rd quarter", "midway through the second half".
var gamePeriodRe = regexp.MustCompile(`(?i)\b(?:(early|late|later)\s+in|(midway)\s+through|in|during)\s+the\s+(first|second|third|fourth|1st|2nd|3rd|4th|final)\s+(quarter|period|half|inning)\b`)

// gameClockBefore matches the words before a period that a game's clock time dates ("with
// 4:08 to play in the fourth quarter"): the clock's own fact says it (gameClockFacts).
var gameClockBefore = regexp.MustCompile(`(?i)(?:to go|to play|remaining|left)\s*$`)

// gameReportRe and scoreRe tell a report of a game: it names the game and gives a score.
var (
	gameReportRe = regexp.MustCompile(`\b(?:game|games|match|matches)\b`)
	scoreRe      = regexp.MustCompile(`\b\d{1,3}\s?-\s?\d{1,3}\b`)
)

// periodOrdinals write a period's number as a word.
var periodOrdinals = map[string]string{"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}

// periodParts rank where in a period: none said, early, midway, late.
var periodParts = map[string]float64{"": 0, "early": 1, "midway": 2, "late": 3, "later": 3}

// periodNumbers order the periods.
var periodNumbers = map[string]float64{"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 9}

// gamePeriodClaims reads the periods of a game the articles give, each with the verbs of its
// sentence (the play may be told before the period or after it: "got the ball back late in
// the fourth quarter, but Quinn was stuffed").
func (s *story) gamePeriodClaims() ([]claim, [][]string) {
	var claims []claim
	var verbs [][]string
	for _, a := range s.arts {
		if !gameReportRe.MatchString(a.Text) || !scoreRe.MatchString(a.Text) {
			continue // a company's "third quarter" is a date (see dateFacts)
		}
		for _, m := range gamePeriodRe.FindAllStringSubmatchIndex(a.Text, -1) {
			if gameClockBefore.MatchString(a.Text[max(0, m[0]-12):m[0]]) || strings.HasPrefix(a.Text[m[1]:], " of ") {
				continue // "in the first half of 2012" is a date
			}
			c := a.claim(m[0], m[1])
			if c.sentence < 0 {
				continue
			}
			part := ""
			if m[2] >= 0 {
				part = strings.ToLower(a.Text[m[2]:m[3]])
			} else if m[4] >= 0 {
				part = "midway"
			}
			ord := strings.ToLower(a.Text[m[6]:m[7]])
			if w := periodOrdinals[ord]; w != "" {
				ord = w
			}
			unit := strings.ToLower(a.Text[m[8]:m[9]])
			c.value = periodNumbers[ord]*10 + periodParts[part]
			c.label = ord + " " + unit
			switch part {
			case "early", "late", "later":
				c.label = strings.TrimSuffix(part, "r") + " in the " + c.label
			case "midway":
				c.label = "midway through the " + c.label
			}
			c.owner = unit
			c.crowded = true
			claims = append(claims, c)
			verbs = append(verbs, a.sentenceVerbs(c.sentence))
		}
	}
	return claims, verbs
}

// sentenceVerbs are the stems of the words of sentence i the tagger calls verbs and verbStem
// reads, leaving out the verbs that tell nothing of the act ("came").
func (a *article) sentenceVerbs(i int) []string {
	p := a.parse(i)
	var out []string
	for j, w := range p.Words {
		if p.Tags[j] != "VERB" {
			continue
		}
		if v := verbStem(w); v != "" && !genericVerbs[v] && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// gamePeriodFacts aligns the periods of a game the articles give to one play: the periods of
// sentences that share a verb, each article once ("Quinn was stuffed … late in the fourth
// quarter", "The Chiefs were stuffed … early in the fourth quarter"). A verb one article
// gives with two periods tells several plays and joins nothing. A period said without where
// in it ("in the fourth quarter") agrees with any part of that period and is left out of a
// fact that says which part.
func (s *story) gamePeriodFacts() []crosscheck.Fact {
	claims, verbs := s.gamePeriodClaims()
	if len(claims) < 2 {
		return nil
	}
	var order []string
	by := map[string][]int{}
	for i := range claims {
		for _, v := range verbs[i] {
			if by[v] == nil {
				order = append(order, v)
			}
			by[v] = append(by[v], i)
		}
	}
	used := make([]bool, len(claims))
	var out []crosscheck.Fact
	for _, v := range order {
		var cs []claim
		var idx []int
		once := true
		for _, i := range by[v] {
			if used[i] {
				continue
			}
			once = once && !slices.ContainsFunc(cs, func(o claim) bool { return o.art == claims[i].art })
			cs, idx = append(cs, claims[i]), append(idx, i)
		}
		if !once || len(cs) < 2 || !severalArticles(cs) {
			continue
		}
		f := partsOfOnePeriod(cs)
		if len(f) < 2 || !severalArticles(f) {
			continue
		}
		for _, i := range idx {
			used[i] = true
		}
		out = append(out, s.fact(f, "time", s.clauseSubject(f[0].owner, f), sameDay))
	}
	return out
}

// partsOfOnePeriod leaves out of claims of one period the ones that do not say where in it,
// when others do: "in the fourth quarter" fits "late in the fourth quarter".
func partsOfOnePeriod(cs []claim) []claim {
	period := func(c claim) float64 { return float64(int(c.value) / 10) }
	parted := false
	for _, c := range cs {
		if period(c) != period(cs[0]) {
			return cs // different periods: every claim says which
		}
		parted = parted || c.value != period(c)*10
	}
	if !parted {
		return cs
	}
	return slices.DeleteFunc(slices.Clone(cs), func(c claim) bool { return c.value == period(c)*10 })
}
