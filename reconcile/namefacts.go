package reconcile

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/entity"
)

// A nameForm is one way an article spells a name: its words, without the role before it
// ("Palmer Public Safety Director Jon Owen" → "Jon Owen").
type nameForm struct {
	art   *article
	words []string
	ev    crosscheck.Evidence
	role  string
}

// nameFacts finds a person, place or organisation whose name two outlets spell differently:
// "Jon Owen" and "John Owen", "Bob Woodward" and "Bob Woodard", "Hugh Hefner" and "Hugh
// Heffner". Two
// spellings are one name when they have the same number of words and differ in one word by a
// letter or two, no article uses both, and the words are not two first names of different
// genders ("Joan", "John") or a name and its adjective ("Israel", "Israeli").
func (s *story) nameFacts() []crosscheck.Fact {
	byForm := map[string][]nameForm{}
	var keys []string
	for _, a := range s.arts {
		for _, f := range articleNames(a) {
			key := strings.Join(f.words, " ")
			if byForm[key] == nil {
				keys = append(keys, key)
			}
			byForm[key] = append(byForm[key], f)
		}
	}
	// union the forms that are spellings of one another
	u := &union{parent: map[string]string{}}
	for _, k := range keys {
		u.parent[k] = k
	}
	words := make([][]string, len(keys))
	for i, k := range keys {
		words[i] = byForm[k][0].words
	}
	for _, p := range spellingCandidates(words) {
		a, b := keys[p[0]], keys[p[1]]
		wa, wb := words[p[0]], words[p[1]]
		if (spellings(wa, wb) || len(wa) != len(wb) && oneWordOf(wa, wb) || s.givenNameRivals(byForm[a][0], byForm[b][0])) &&
			!sharesArticle(byForm[a], byForm[b]) {
			u.join(a, b)
		}
	}
	roots, groups := groupInOrder(keys, u.find)
	var out []crosscheck.Fact
	for _, r := range roots {
		if f, ok := nameFact(groups[r], byForm); ok {
			s.spelledIn(&f)
			out = append(out, f)
		}
	}
	return out
}

// articleNames returns the names an article uses, each once with its first mention: an
// entity's name, its other names and the words of its mentions, without those that are the
// last words of a longer one ("Woodward" after "Bob Woodward").
func articleNames(a *article) []nameForm {
	var out []nameForm
	seen := map[string]bool{}
	for _, e := range a.Entities {
		if len(e.Mentions) == 0 {
			continue
		}
		role := roleBefore(e.Name)
		for _, r := range e.Roles {
			if len(r.Text) > len(role) {
				role = r.Text
			}
		}
		names := append([]string{e.Name}, e.Aliases...)
		for _, m := range e.Mentions {
			names = append(names, m.Text)
		}
		for _, n := range names {
			words := nameWords(n)
			key := strings.Join(words, " ")
			if len(words) == 0 || seen[key] {
				continue
			}
			seen[key] = true
			m := e.Mentions[0]
			for _, mm := range e.Mentions {
				if strings.Contains(mm.Text, key) {
					m = mm
					break
				}
			}
			out = append(out, nameForm{art: a, words: words, ev: a.evidence(m.Start, m.End), role: role})
		}
	}
	return slices.DeleteFunc(out, func(f nameForm) bool {
		return slices.ContainsFunc(out, func(g nameForm) bool {
			return len(g.words) > len(f.words) && slices.Equal(g.words[len(g.words)-len(f.words):], f.words)
		})
	})
}

// roleBefore returns the role a name carries before it: "Public Safety Director" of "Public
// Safety Director Jon Owen".
func roleBefore(name string) string {
	f := strings.Fields(name)
	for i := len(f) - 1; i >= 0; i-- {
		if entity.IsTitleWord(f[i]) {
			return strings.Join(f[:i+1], " ")
		}
	}
	return ""
}

// oneWordOf reports a one-word name that is the last word of the other, or a spelling of
// it: "Heffner" and "Hugh Hefner".
func oneWordOf(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) != 1 || len(b) < 2 {
		return false
	}
	last := b[len(b)-1]
	return a[0] == last || spelledAlike(a[0], last) && editDistance([]rune(a[0]), []rune(last)) == 1
}

// nameFact makes the conflict of a group of spellings, when no article uses two of them.
func nameFact(group []string, byForm map[string][]nameForm) (crosscheck.Fact, bool) {
	if len(group) < 2 {
		return crosscheck.Fact{}, false
	}
	// a one-word form is the longer form of the group it ends, when there is one
	canon := map[string]string{}
	for _, k := range group {
		canon[k] = k
		if strings.Contains(k, " ") {
			continue
		}
		var longer []string
		for _, o := range group {
			if strings.HasSuffix(o, " "+k) {
				longer = append(longer, o)
			}
		}
		if len(longer) == 1 {
			canon[k] = longer[0]
		}
	}
	owner := map[*article]string{}
	values := map[string]*crosscheck.FactValue{}
	var order []string
	role := ""
	// full names first: an article that spells the full name one way and the surname alone
	// the other ("Bob Woodard", "Woodward") is read by its full name
	group = slices.Clone(group)
	sort.SliceStable(group, func(i, j int) bool { return strings.Contains(group[i], " ") && !strings.Contains(group[j], " ") })
	for _, k := range group {
		c := canon[k]
		for _, f := range byForm[k] {
			if o, ok := owner[f.art]; ok && o != c {
				if !strings.Contains(k, " ") {
					continue
				}
				return crosscheck.Fact{}, false // one article, two spellings: two people, or no telling
			}
			owner[f.art] = c
			v := values[c]
			if v == nil {
				v = &crosscheck.FactValue{Value: c}
				values[c] = v
				order = append(order, c)
			}
			if !slices.Contains(v.Articles, f.art.ID) {
				v.Articles = append(v.Articles, f.art.ID)
				v.Evidence = append(v.Evidence, f.ev)
			}
			if role == "" {
				role = f.role
			}
		}
	}
	if len(order) < 2 {
		return crosscheck.Fact{}, false
	}
	for i, a := range order {
		for _, b := range order[i+1:] {
			if !spellings(strings.Fields(a), strings.Fields(b)) && !otherGivenName(strings.Fields(a), strings.Fields(b)) {
				return crosscheck.Fact{}, false // "Richard Nixon", "Richard M. Nixon": one name, more or less of it
			}
		}
	}
	fact := crosscheck.Fact{Kind: "name", Verdict: "conflict"}
	for _, c := range order {
		fact.Values = append(fact.Values, *values[c])
	}
	sort.SliceStable(fact.Values, func(i, j int) bool { return len(fact.Values[i].Articles) > len(fact.Values[j].Articles) })
	if n := familyWords(fact.Values, byForm); n > 0 {
		for i, v := range fact.Values {
			w := strings.Fields(v.Value)
			fact.Values[i].Value = strings.Join(w[len(w)-n:], " ")
		}
		fact.Subject = "spelling of the surname " + fact.Values[0].Value
		return fact, true
	}
	name := fact.Values[0].Value
	if role != "" {
		name += ", " + role
	}
	fact.Subject = "spelling of the name of " + name
	if a, b := strings.Fields(fact.Values[0].Value), strings.Fields(fact.Values[1].Value); otherGivenName(a, b) && !spellings(a, b) {
		fact.Subject = "given name of " + strings.Join(a[1:], " ")
		if role != "" {
			fact.Subject += ", " + role
		} else if ctx := sharedNames(fact.Values[0].Evidence[0].Sentence, fact.Values[1].Evidence[0].Sentence, a, b); ctx != "" {
			fact.Subject += " (" + ctx + ")" // "given name of Stevens (The Rocketeer)"
		}
	}
	return fact, true
}

// familyWords is how many last words of the spellings are a family's name, when the
// spellings differ there and an article names another of the family with them ("Imad Abu
// Askhar and Hassan Abu Askhar" against "Imad and Hassan Abu Askar"): the spelling that
// differs is then the surname's, not one person's. It is 0 otherwise.
func familyWords(values []crosscheck.FactValue, byForm map[string][]nameForm) int {
	first := strings.Fields(values[0].Value)
	for _, v := range values[1:] {
		w := strings.Fields(v.Value)
		if len(w) != len(first) || w[len(w)-1] == first[len(first)-1] {
			return 0 // the spellings differ before the last word
		}
	}
	best := 0
	for _, v := range values {
		w := strings.Fields(v.Value)
		for key, forms := range byForm {
			o := strings.Fields(key)
			if len(o) < 2 || o[0] == w[0] || !slices.ContainsFunc(forms, func(f nameForm) bool { return slices.Contains(v.Articles, f.art.ID) }) {
				continue
			}
			n := 0
			for n < len(o) && n < len(w)-1 && o[len(o)-1-n] == w[len(w)-1-n] {
				n++
			}
			best = max(best, n)
		}
	}
	return best
}

// givenNameRivals reports two names of one person told with another given name: "David
// Stevens" in one article, "Dale Stevens" in another, where both are said of one thing (their
// sentences match as a fact's do). The given names begin alike, as a misremembered name does,
// and are not of two genders.
func (s *story) givenNameRivals(a, b nameForm) bool {
	if !otherGivenName(a.words, b.words) {
		return false
	}
	ia, ib := a.art.sentenceAt(a.ev.Start), b.art.sentenceAt(b.ev.Start)
	return ia >= 0 && ib >= 0 && s.dice(a.art.sentences[ia].words, b.art.sentences[ib].words) >= givenNameSim
}

// sharedNames is the first run of capitalised words of sentence a, past its first word, that
// sentence b writes too, leaving out the names of a and b: what the two sentences say the
// person is named with ("The Rocketeer").
func sharedNames(a, b string, na, nb []string) string {
	f := strings.Fields(a)
	for i := 1; i < len(f); i++ {
		w := strings.Trim(f[i], ",.;:\"'“”‘’()")
		if !entity.IsNameWord(w) || slices.Contains(na, w) || slices.Contains(nb, w) || strings.HasSuffix(w, "s'") || wordIndex(b, w) < 0 {
			continue
		}
		run := []string{w}
		if i > 1 && strings.Trim(f[i-1], "\"“‘") == "The" {
			run = append([]string{"The"}, run...)
		}
		for j := i + 1; j < len(f); j++ {
			x := strings.Trim(f[j], ",.;:\"'“”‘’()")
			if !entity.IsNameWord(x) || wordIndex(b, x) < 0 {
				break
			}
			run = append(run, x)
		}
		return strings.Join(run, " ")
	}
	return ""
}

// givenNameSim is how much the sentences of two given names must share to be of one person.
const givenNameSim = 0.2

// otherGivenName reports two names of as many words that differ in the first alone, a given
// name of the same initial and not of another gender.
func otherGivenName(a, b []string) bool {
	if len(a) != len(b) || len(a) < 2 || a[0] == b[0] || !slices.Equal(a[1:], b[1:]) || a[0][0] != b[0][0] || sameGiven(a[0], b[0]) {
		return false // "Phil" and "Philip" are one given name
	}
	ga, gb := entity.FirstNameGender(a[0]), entity.FirstNameGender(b[0])
	return (ga == 0 || gb == 0 || ga == gb) && len(a[0]) > 2 && len(b[0]) > 2 && !strings.HasSuffix(a[0], ".") && !strings.HasSuffix(b[0], ".")
}

// spelledIn adds to a spelling conflict the articles that write one of its spellings where
// analysis found no name: the whole name, or the surname alone when that is where the
// spellings differ ("Heffner told the AP"). An article that writes two of them is left out.
func (s *story) spelledIn(f *crosscheck.Fact) {
	targets := make([][]string, len(f.Values))
	lastDiffers := true
	for i, v := range f.Values {
		targets[i] = []string{v.Value}
		w := strings.Fields(v.Value)
		for _, o := range f.Values {
			ow := strings.Fields(o.Value)
			if len(ow) != len(w) || !slices.Equal(ow[:len(ow)-1], w[:len(w)-1]) {
				lastDiffers = false
			}
		}
	}
	if lastDiffers {
		for i, v := range f.Values {
			if w := strings.Fields(v.Value); len(w) > 1 {
				targets[i] = append(targets[i], w[len(w)-1])
			}
		}
	}
	for _, a := range s.arts {
		if slices.ContainsFunc(f.Values, func(v crosscheck.FactValue) bool { return slices.Contains(v.Articles, a.ID) }) {
			continue
		}
		found, at := -1, -1
		for i, ts := range targets {
			for j, t := range ts {
				k := wordIndex(a.Text, t)
				if j > 0 {
					k = aloneIndex(a.Text, t) // a surname alone, not a word of another's name ("George W. Bush")
				}
				if k >= 0 {
					if found >= 0 && found != i {
						return // two spellings in one article: no telling
					}
					found, at = i, k
				}
			}
		}
		if found >= 0 {
			f.Values[found].Articles = append(f.Values[found].Articles, a.ID)
			f.Values[found].Evidence = append(f.Values[found].Evidence, a.evidence(at, at+len(targets[found][0])))
		}
	}
}

// aloneIndex is the offset of the first occurrence of w in text as a whole word that no other
// capitalised word follows and none but a title precedes (a surname alone, "Heffner told"),
// or -1.
func aloneIndex(text, w string) int {
	for from := 0; ; {
		k := wordIndex(text[from:], w)
		if k < 0 {
			return -1
		}
		k += from
		from = k + len(w)
		next := strings.Fields(text[from:])
		prev := strings.Fields(text[:k])
		if len(next) > 0 && !strings.ContainsAny(text[from:from+1], ",.;:") && entity.IsNameWord(strings.Trim(next[0], ",.;:\"'“”")) {
			continue
		}
		if len(prev) > 0 && entity.IsNameWord(prev[len(prev)-1]) && !entity.IsTitleWord(prev[len(prev)-1]) && !strings.HasSuffix(prev[len(prev)-1], ".") {
			continue
		}
		return k
	}
}

// wordIndex is the offset of the first occurrence of w in text as whole words, or -1.
func wordIndex(text, w string) int {
	for from := 0; ; {
		k := strings.Index(text[from:], w)
		if k < 0 {
			return -1
		}
		k += from
		before, _ := utf8.DecodeLastRuneInString(text[:k])
		after, _ := utf8.DecodeRuneInString(text[k+len(w):])
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return k
		}
		from = k + len(w)
	}
}

func sharesArticle(a, b []nameForm) bool {
	for _, x := range a {
		for _, y := range b {
			if x.art == y.art {
				return true
			}
		}
	}
	return false
}

// nameWords returns the words of a name without the role before it and what follows a
// lower-case word ("Bob Woodward of The Washington Post" → "Bob Woodward"); nil when what is
// left is not a name.
func nameWords(name string) []string {
	f := strings.Fields(name)
	for i, w := range f {
		if !entity.IsNameWord(w) {
			f = f[:i]
			break
		}
	}
	for i := len(f) - 1; i >= 0; i-- {
		if entity.IsTitleWord(f[i]) {
			f = f[i+1:]
			break
		}
	}
	for _, w := range f {
		if strings.IndexFunc(w, unicode.IsLetter) < 0 {
			return nil
		}
	}
	return f
}

// spellings reports two names of as many words that differ in one word, by a spelling.
func spellings(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	diff := -1
	for i := range a {
		if a[i] != b[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	if diff < 0 {
		return false
	}
	x, y := a[diff], b[diff]
	if gx, gy := entity.FirstNameGender(x), entity.FirstNameGender(y); gx != 0 && gy != 0 && gx != gy {
		return false
	}
	return spelledAlike(x, y)
}

func acronym(w string) bool { return len(w) > 1 && strings.ToUpper(w) == w }

// derivedEndings turn a name into another word: "Israel" → "Israeli", "Kenya" → "Kenyan".
var derivedEndings = []string{"i", "n", "an", "ian", "ese", "ish", "'s", "’s", "s"}

// spelledAlike reports two words that are one spelled two ways: at most one letter apart, or
// two when they are long and begin alike ("Betty", "Bettie"; not "Stage", "States"); never a word and its derivative.
func spelledAlike(x, y string) bool {
	x, y = strings.TrimSuffix(x, "."), strings.TrimSuffix(y, ".")
	x, y = entity.WithoutArticle(x), entity.WithoutArticle(y) // "al-Fakhora" is "Fakhora" spelled with its article
	if strings.EqualFold(x, y) || acronym(x) || acronym(y) {
		return false // "Inc." and "Inc"; "LCD" and "LED" are two things
	}
	short, long := x, y
	if len(short) > len(long) {
		short, long = long, short
	}
	for _, e := range derivedEndings {
		if long == short+e && (e != "s" || len(short) < 5) {
			return false
		}
	}
	rx, ry := []rune(strings.ToLower(x)), []rune(strings.ToLower(y))
	if min(len(rx), len(ry)) < 3 {
		return false
	}
	d := editDistance(rx, ry)
	if d == 1 {
		return min(len(rx), len(ry)) >= 3
	}
	return d == 2 && min(len(rx), len(ry)) >= 5 && slices.Equal(rx[:4], ry[:4])
}

// editDistance is the Levenshtein distance of two words.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// nicknameCue finds a nickname an article gives: "known by the nickname "Sepy"", "the street
// moniker of Sepe", "dubbed the "Oddfather"". Group 1 is the nickname.
var nicknameCue = mustGate(`\b(?:nickname|nicknamed|moniker|dubbed)(?:\s+(?:was|of|for))?\s+(?:the\s+)?["“'‘]?\s*(?:The\s+)?(\p{Lu}[\p{L}'’-]+)`)

// nicknameFacts aligns the nicknames the articles give, each spelled one way or several
// ("Sepe", "Sepy"): a nickname is one fact with the spellings two outlets give it.
func (s *story) nicknameFacts() []crosscheck.Fact {
	type nick struct {
		art  *article
		name string
		who  string
		ev   crosscheck.Evidence
	}
	var groups [][]nick
	for _, a := range s.arts {
		for _, m := range nicknameCue.FindAllStringSubmatchIndex(a.Text, -1) {
			n := nick{a, a.Text[m[2]:m[3]], a.personBefore(m[0]), a.evidence(m[2], m[3])}
			k := slices.IndexFunc(groups, func(g []nick) bool { return g[0].name == n.name || spelledAlike(g[0].name, n.name) })
			if k < 0 {
				groups = append(groups, nil)
				k = len(groups) - 1
			}
			groups[k] = append(groups[k], n)
		}
	}
	var out []crosscheck.Fact
	for _, g := range groups {
		f := crosscheck.Fact{Kind: "name", Verdict: "agree"}
		byArt := map[*article]string{}
		whoCount := map[string]int{}
		who := ""
		for _, n := range g {
			if o, ok := byArt[n.art]; ok && o != n.name {
				continue // an article spells it one way: its first
			}
			byArt[n.art] = n.name
			if n.who != "" {
				whoCount[n.who]++
				if whoCount[n.who] > whoCount[who] {
					who = n.who
				}
			}
			k := slices.IndexFunc(f.Values, func(v crosscheck.FactValue) bool { return v.Value == n.name })
			if k < 0 {
				f.Values = append(f.Values, crosscheck.FactValue{Value: n.name})
				k = len(f.Values) - 1
			}
			if !slices.Contains(f.Values[k].Articles, n.art.ID) {
				f.Values[k].Articles = append(f.Values[k].Articles, n.art.ID)
				f.Values[k].Evidence = append(f.Values[k].Evidence, n.ev)
			}
		}
		if len(byArt) < 2 {
			continue
		}
		if len(f.Values) > 1 {
			f.Verdict = "conflict"
		}
		sort.SliceStable(f.Values, func(i, j int) bool { return len(f.Values[i].Articles) > len(f.Values[j].Articles) })
		f.Subject = "spelling of the nickname " + f.Values[0].Value
		if who != "" {
			f.Subject = "spelling of the nickname of " + who
		}
		out = append(out, f)
	}
	return out
}
