package reconcile

import (
	_ "embed"
	"strings"

	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/analyze/number"
)

// A countJoin is a rule that makes two counts of one figure under two nouns one count: the
// noun differs, what is counted does not.
type countJoin struct {
	name    string
	example string
	match   func(s *story, c, o claim) bool
}

// countJoins are the rules, in order; the first that matches joins.
var countJoins = []countJoin{
	{"one-event", "“firing seven attorneys”, “he fired seven lawyers”", oneEventTwoNouns},
	{"people-two-ways", "“SeaMicro employs 80 people”, “SeaMicro has 80 employees”; “about 10,000 followers”, “at least 10,000 members”", peopleTwoWays},
	{"times-of-verb", "“can be recharged up to 1,000 times”, “up to 1,000 recharges”", timesOfVerb},
	{"people-of-verb", "“one person has been arrested”, “there was one arrest”", peopleOfVerb},
	{"one-total", "“a total of 31 pieces of apparatus”, “a total of 31 fire trucks, emergency vehicles and other equipment”", oneTotal},
	{"things-from-people", "“comments from 300,000 citizens”, “received nearly 300,000 comments”", thingsFromPeople},
}

// peopleOfVerb: a count of people something befell and a count of the noun of that verb, of
// one figure ("one person has been arrested", "there was one arrest"; "46 people were
// arrested", "46 arrests").
func peopleOfVerb(s *story, c, o claim) bool {
	of := func(people, noun claim) bool {
		return countsPeople(people.read) && people.read.verb != "" && casualty[people.read.verb] == "" && noun.read.verb == "" &&
			!countsPeople(noun.read) && sameRoot(people.read.verb, noun.read.thing)
	}
	return of(c, o) || of(o, c)
}

// oneTotal: two totals of one figure of ten or more, each written as a total ("a total of
// 31"): a story seldom sums two sets of things to one figure, whatever each outlet calls
// the things summed.
func oneTotal(s *story, c, o claim) bool {
	total := func(c claim) bool {
		return totalBefore.MatchString(c.art.Text[max(0, c.start-16):c.start])
	}
	return c.value >= totalJoinMin && total(c) && total(o)
}

// totalBefore is "a total of" right before a figure.
var totalBefore = mustGate(`(?i)\ba\s+total\s+of\s+$`)

// totalJoinMin is the smallest total that oneTotal joins.
const totalJoinMin = 10

// joinNamedTwoWays moves a count to the key of a count of another noun that is the same count
// named another way (countJoins), by the same owner (or one names none), in another article.
// The event and the figure tell what is counted where the nouns differ.
func (s *story) joinNamedTwoWays(byKey map[string][]claim, keys []string) {
	for i, ki := range keys {
		for _, kj := range keys[i+1:] {
			if !strings.HasPrefix(ki, "count|") || !strings.HasPrefix(kj, "count|") {
				continue
			}
			to, from := ki, kj
			pi, pj := partitiveKey(ki), partitiveKey(kj)
			if pj && !pi || pi == pj && len(byKey[kj]) > len(byKey[ki]) {
				// into the parts of a whole ("31 pieces of apparatus" rather than "31 fire trucks"),
				// else the noun more articles use ("people" rather than "workers")
				to, from = kj, ki
			}
			var stay []claim
			for _, c := range byKey[from] {
				if s.namedTwoWays(c, byKey[to]) {
					byKey[to] = append(byKey[to], c)
				} else {
					stay = append(stay, c)
				}
			}
			byKey[from] = stay
		}
	}
}

// partitiveKey reports a key of counts of parts or members of a whole ("pieces of apparatus",
// "members of the family"): the whole names what the count is of.
func partitiveKey(key string) bool { return partitives[strings.TrimPrefix(key, "count|")] }

// namedTwoWays reports whether claim c is the count of a claim of others under another noun.
func (s *story) namedTwoWays(c claim, others []claim) bool {
	if c.read.borrowed || c.listed {
		return false
	}
	for _, o := range others {
		if o.art == c.art || o.read.borrowed || o.listed || !number.Equal(o.value, c.value) || o.owner != "" && c.owner != "" && o.owner != c.owner {
			continue
		}
		for _, j := range countJoins {
			if j.match(s, c, o) {
				return true
			}
		}
	}
	return false
}

// oneEventTwoNouns: exact counts of one event whose sentences match.
func oneEventTwoNouns(s *story, c, o claim) bool {
	exact := func(c claim) bool { return c.read.verb != "" && !c.approx && c.bound == "" }
	return exact(c) && exact(o) && eventOf(o.read.verb) == eventOf(c.read.verb) && s.maxSim([]claim{o}, []claim{c}) >= namedTwoWaysSim
}

// namedTwoWaysSim is how alike the sentences of two counts of one figure and event under two
// nouns must be to make them one count.
const namedTwoWaysSim = 0.15

// peopleTwoWays: counts of people of one figure of ten or more (as hedged as either is), of no
// two events. A story seldom tells two groups of people of the same size, and outlets name a
// group by what its members are ("employees", "members") or plainly ("people").
func peopleTwoWays(s *story, c, o claim) bool {
	if c.value < peopleJoinMin || !countsPeople(c.read) || !countsPeople(o.read) || otherSex(c.read.thing, o.read.thing) {
		return false
	}
	if c.read.verb != "" && o.read.verb != "" {
		return eventOf(c.read.verb) == eventOf(o.read.verb)
	}
	return casualty[c.read.verb] == casualty[o.read.verb] // "80 people" is no count of the killed
}

// peopleJoinMin is the smallest count of people that peopleTwoWays joins: "three women" and
// "three men" are two groups.
const peopleJoinMin = 10

// timesOfVerb: a count of times something was done, and a count of the noun of that verb
// ("recharged 1,000 times", "1,000 recharges"; "arrested four times", "four prior arrests"),
// unless the noun's own verb is another event: "shot 11 times" counts hits, "fired 11 shots"
// shots. Once is one of each: "shot him once", "fired one shot".
func timesOfVerb(s *story, c, o claim) bool {
	of := func(times, noun claim) bool {
		return times.read.thing == "time" && times.read.verb != "" && noun.read.thing != "time" &&
			sameRoot(times.read.verb, noun.read.thing) && (noun.read.verb == "" || eventOf(noun.read.verb) == eventOf(times.read.verb) || times.value == 1)
	}
	return of(c, o) || of(o, c)
}

// sameRoot reports a verb form and a noun of one root: "recharged" and "recharge", "arrested"
// and "arrest"; a verb of doing again and the noun of doing ("recharged", "charges").
func sameRoot(verb, noun string) bool {
	verb, n := strings.ToLower(verb), strings.TrimSuffix(lex.Stem(strings.ToLower(noun)), "e")
	for _, v := range []string{lex.Stem(verb), eventOf(verb)} {
		v = strings.TrimSuffix(v, "e")
		if len(v) >= 4 && v == n || len(v) >= 6 && strings.HasPrefix(v, "re") && v[2:] == n {
			return true // "recharged", "recharge" or "charge"; "shot" (not "shoot"), "shot"
		}
	}
	return false
}

// countsPeople reports a count of people: "people", a people ("Palestinians"), or a noun for a
// person (numberpeople.txt: "employees", "followers", "biologists").
func countsPeople(r reading) bool {
	if r.unit == "people" {
		return true
	}
	w := strings.ToLower(r.thing)
	if s, ok := irregularPeople[w]; ok {
		w = s
	}
	return personNouns[w]
}

// otherSex reports two nouns for people of the two sexes ("women", "men"): two groups.
func otherSex(a, b string) bool {
	sa, oka := sexOf[strings.ToLower(a)]
	sb, okb := sexOf[strings.ToLower(b)]
	return oka && okb && sa != sb
}

// sexOf tells the nouns for women and girls from those for men and boys.
var sexOf = map[string]bool{"woman": true, "women": true, "girl": true, "daughter": true, "sister": true, "mother": true, "wife": true,
	"man": false, "men": false, "boy": false, "son": false, "brother": false, "father": false, "husband": false}

// irregularPeople are the plurals of person nouns that a count's noun keeps as written.
var irregularPeople = map[string]string{"men": "man", "women": "woman", "children": "child", "people": "person"}

//go:embed numberpeople.txt
var personNounList string

// personNouns are the nouns whose first sense names a person (numberpeople.txt).
var personNouns = func() map[string]bool {
	m := map[string]bool{"person": true}
	for _, l := range strings.Split(personNounList, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}()
