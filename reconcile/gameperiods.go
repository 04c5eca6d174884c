package reconcile

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// The period of a game a play happened in: "Quinn was picked off in the third quarter", "the
// Chiefs were stuffed on fourth-and-one early in the fourth quarter". Outlets that put one
// play in different periods, or early and late in one, contradict each other.

// gamePeriodRe matches a period of a game and where in it: "late in the fourth quarter", "in
// the 3rd quarter", "midway through the second half".
var gamePeriodRe = mustGate(`(?i)\b(?:(early|late|later)\s+in|(midway)\s+through|in|during)\s+the\s+(first|second|third|fourth|1st|2nd|3rd|4th|final)\s+(quarter|period|half|inning)\b`)

// gameClockBefore matches the words before a period that a game's clock time dates ("with
// 4:08 to play in the fourth quarter"): the clock's own fact says it (gameClockFacts).
var gameClockBefore = mustGate(`(?i)(?:to go|to play|remaining|left)\s*$`)

// gameReportRe and scoreRe tell a report of a game: it names the game and gives a score.
var (
	gameReportRe = mustGate(`\b(?:game|games|match|matches)\b`)
	scoreRe      = mustGate(`\b\d{1,3}\s?-\s?\d{1,3}\b`)
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
// fact that says which part. Plays of one kind told with other verbs join too (playsOfOneKind).
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
	kinds, players := playsOf(claims)
	var groups [][]int
	for _, v := range order {
		var cs []claim
		var idx []int
		once := true
		for _, i := range by[v] {
			if used[i] || slices.ContainsFunc(idx, func(j int) bool { return otherPlayers(kinds, players, i, j) }) {
				continue // "picked off by Davis", "Butler picked it off": two interceptions
			}
			once = once && !slices.ContainsFunc(cs, func(o claim) bool { return o.art == claims[i].art })
			cs, idx = append(cs, claims[i]), append(idx, i)
		}
		if !once || len(cs) < 2 || !severalArticles(cs) {
			continue
		}
		if f := partsOfOnePeriod(cs); len(f) < 2 || !severalArticles(f) {
			continue
		}
		for _, i := range idx {
			used[i] = true
		}
		groups = append(groups, idx)
	}
	groups, byKind := playsOfOneKind(claims, groups, kinds, players)
	var out []crosscheck.Fact
	for g, idx := range groups {
		var cs []claim
		for _, i := range idx {
			cs = append(cs, claims[i])
		}
		f := byPeriodAlone(partsOfOnePeriod(cs), byKind[g])
		out = append(out, s.fact(f, "time", s.clauseSubject(f[0].owner, f), sameDay))
	}
	return out
}

// playKinds sort the words of a play whose kind a game has few of, so that the play is known
// by its kind and its player whatever verb tells it: an interception is "intercepted", "picked
// off", "an interception"; a fumble "fumbled", "a fumble".
var playKinds = map[string]string{"interception": "interception", "intercepted": "interception",
	"picked": "interception", "fumble": "fumble", "fumbled": "fumble"}

// playKindRe matches the words of playKinds, the first word of each its key: "picked it off".
var playKindRe = mustGate(`(?i)\b(?:interception|intercepted|picked (?:it |him |her )?off|fumble|fumbled)\b`)

// playsOfOneKind joins the periods no verb joined to plays of one kind that share a player
// named in their sentences ("Quinn was picked off by Vontae Davis … later in the third
// quarter", "Vontae Davis recorded his first interception … in the third quarter", "Quinn's
// second interception of the game came … in the 4th quarter"): a game has few of them, and
// the ones a player is named in are his. A claim joins the group of the verbs' that holds a
// play of its kind and player; the plays of a kind and player an article tells twice are
// several plays and join nothing. byKind tells the groups plays of a kind joined: their
// claims say which period, and where in it is another play's (the drive's start, the fumble
// that ended it).
func playsOfOneKind(claims []claim, groups [][]int, kinds []string, players [][]string) (_ [][]int, byKind map[int]bool) {
	byKind = map[int]bool{}
	// join claims of one kind that share a player, until no more join
	comp := make([]int, len(claims))
	for i := range comp {
		comp[i] = i
	}
	find := func(i int) int {
		for comp[i] != i {
			i = comp[i]
		}
		return i
	}
	for i := range claims {
		for j := range i {
			if kinds[i] != "" && kinds[i] == kinds[j] && slices.ContainsFunc(players[i], func(p string) bool { return slices.Contains(players[j], p) }) {
				comp[find(i)] = find(j)
			}
		}
	}
	members := map[int][]int{}
	var roots []int
	for i := range claims {
		if kinds[i] == "" {
			continue
		}
		r := find(i)
		if members[r] == nil {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	for _, r := range roots {
		m := members[r]
		arts := map[*article]int{}
		for _, i := range m {
			arts[claims[i].art]++
		}
		if len(arts) < 2 || len(arts) != len(m) {
			continue // one article's two plays of the kind, or a play one article tells
		}
		g := slices.IndexFunc(groups, func(idx []int) bool {
			return slices.ContainsFunc(idx, func(i int) bool { return slices.Contains(m, i) })
		})
		if g < 0 {
			if !slices.ContainsFunc(groups, func(idx []int) bool {
				return slices.ContainsFunc(idx, func(i int) bool { return slices.Contains(m, i) })
			}) {
				groups = append(groups, m)
				byKind[len(groups)-1] = true
			}
			continue
		}
		for _, i := range m {
			in := slices.ContainsFunc(groups, func(idx []int) bool { return slices.Contains(idx, i) })
			if !in && !slices.ContainsFunc(groups[g], func(j int) bool { return claims[j].art == claims[i].art }) {
				groups[g] = append(groups[g], i)
				byKind[g] = true
			}
		}
	}
	return groups, byKind
}

// playsOf reads the kind of play of each claim's sentence (playKinds; "" for none, or for two
// kinds) and the last names of the people it names.
func playsOf(claims []claim) (kinds []string, players [][]string) {
	kinds = make([]string, len(claims))
	players = make([][]string, len(claims))
	for i, c := range claims {
		sp := c.art.sentences[c.sentence].span
		k := playKindRe.FindAllString(c.art.Text[sp[0]:sp[1]], -1)
		if len(k) == 0 {
			continue
		}
		kinds[i] = playKinds[strings.ToLower(strings.Fields(k[0])[0])]
		for _, w := range k[1:] {
			if playKinds[strings.ToLower(strings.Fields(w)[0])] != kinds[i] {
				kinds[i] = "" // two kinds of play: whose period is whose is not known
			}
		}
		players[i] = c.art.lastNamesIn(sp[0], sp[1])
	}
	return kinds, players
}

// otherPlayers reports claims i and j of plays of one kind whose sentences name players, none
// the same: two plays.
func otherPlayers(kinds []string, players [][]string, i, j int) bool {
	if kinds[i] == "" || kinds[i] != kinds[j] || len(players[i]) == 0 || len(players[j]) == 0 {
		return false
	}
	return !slices.ContainsFunc(players[i], func(p string) bool { return slices.Contains(players[j], p) })
}

// lastNamesIn are the last names of the people named in [start, end) of the article.
func (a *article) lastNamesIn(start, end int) []string {
	var out []string
	for _, e := range a.Entities {
		if e.Kind != "person" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start >= start && m.End <= end {
				f := strings.Fields(e.Name)
				if n := strings.ToLower(f[len(f)-1]); !slices.Contains(out, n) {
					out = append(out, n)
				}
				break
			}
		}
	}
	return out
}

// byPeriodAlone reads claims of different periods, or all when always, by the period alone:
// when outlets put one play in the third quarter and the fourth, "late in the third quarter"
// and "in the third quarter" say the same against the fourth.
func byPeriodAlone(cs []claim, always bool) []claim {
	period := func(c claim) float64 { return float64(int(c.value) / 10) }
	if !always && !slices.ContainsFunc(cs, func(c claim) bool { return period(c) != period(cs[0]) }) {
		return cs
	}
	out := slices.Clone(cs)
	for i, c := range out {
		out[i].value = period(c) * 10
		f := strings.Fields(c.label)
		out[i].label = strings.Join(f[len(f)-2:], " ") // "third quarter"
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
