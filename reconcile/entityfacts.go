package reconcile

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/entity"
)

// roleFacts compares the titles the articles give each person named in several of them.
// A person may hold several roles ("executive vice president of Defenders of Wildlife and
// former director of the Fish and Wildlife Service"): the roles that share an office word
// are one role, compared across the articles; the others are facts of their own.
func (s *story) roleFacts() []crosscheck.Fact {
	byPerson := map[string][]roleMention{}
	names := map[string]map[string]int{}
	var order []string
	keys := personKeys{}
	for _, a := range s.arts {
		for _, e := range a.Entities {
			if e.Kind != "person" {
				continue
			}
			key := keys.of(e.Name)
			name := e.Name
			if w := nameWords(e.Name); len(w) > 1 {
				name = strings.Join(w, " ") // "Jon Owen" of "Palmer Public Safety Director Jon Owen"
			}
			if names[key] == nil {
				names[key] = map[string]int{}
			}
			names[key][name]++
			mine := a.rolesOf(e)
			if len(mine) == 0 {
				continue
			}
			if byPerson[key] == nil {
				order = append(order, key)
			}
			byPerson[key] = append(byPerson[key], mine...)
		}
	}
	var out []crosscheck.Fact
	for _, key := range order {
		name := personName(names[key])
		groups := roleGroups(byPerson[key])
		if f, ok := headOrMember(name, groups); ok {
			out = append(out, f)
		}
		for _, group := range groups {
			f, all, ok := roleFact(name, group)
			if !ok {
				continue
			}
			out = append(out, f)
			if inv, ok := whoIs(f, name, all...); ok {
				out = append(out, inv)
			}
		}
	}
	return out
}

// orgTailsShared drops the organisation a title is held at ("… at Apple") where not every
// article of the role names it; where all do, it is part of the title ("Professor of
// Conservation Ecology at Duke University").
func orgTailsShared(claims []roleMention) []roleMention {
	tail := ""
	for i, c := range claims {
		t := c.title[len(withoutOrgTail(c.title)):]
		if i > 0 && !strings.EqualFold(t, tail) {
			out := slices.Clone(claims)
			for k := range out {
				out[k].title = withoutOrgTail(out[k].title)
			}
			return out
		}
		tail = t
	}
	return claims
}

// personName is the name most articles give a person, of two words or more when one is
// given; of equal counts, the longest.
func personName(counts map[string]int) string {
	best := ""
	for _, n := range slices.Sorted(maps.Keys(counts)) {
		full, bestFull := strings.Contains(n, " "), strings.Contains(best, " ")
		switch {
		case best == "" || full && !bestFull:
			best = n
		case full != bestFull:
		case counts[n] > counts[best] || counts[n] == counts[best] && len(n) > len(best):
			best = n
		}
	}
	return best
}

// roleGroups splits a person's roles into the roles they are: two are one when their office
// words meet ("vice president", "senior VP"; "Interior Secretary", "Secretary of the
// Interior"). Within a group, each article gives one title: its fullest (pickTitle).
func roleGroups(list []roleMention) [][]roleMention {
	cores := make([]map[string]bool, len(list))
	for i, r := range list {
		cores[i] = officeWords(r.title)
	}
	u := &union{parent: map[string]string{}}
	id := func(i int) string { return strconv.Itoa(i) }
	for i := range list {
		u.parent[id(i)] = id(i)
	}
	for i := range list {
		for j := i + 1; j < len(list); j++ {
			for w := range cores[i] {
				if cores[j][w] {
					u.join(id(i), id(j))
					break
				}
			}
		}
	}
	var roots []string
	groups := map[string][]roleMention{}
	for i, r := range list {
		if len(cores[i]) == 0 {
			continue // "executive": no office named
		}
		root := u.find(id(i))
		if groups[root] == nil {
			roots = append(roots, root)
		}
		groups[root] = append(groups[root], r)
	}
	var out [][]roleMention
	for _, root := range roots {
		byArt := map[*article][]roleMention{}
		var arts []*article
		for _, r := range groups[root] {
			if byArt[r.art] == nil {
				arts = append(arts, r.art)
			}
			byArt[r.art] = append(byArt[r.art], r)
		}
		var g []roleMention
		for _, a := range arts {
			g = append(g, pickTitle(byArt[a], func(r roleMention) string { return r.title }))
		}
		out = append(out, g)
	}
	return out
}

// officeWords are the words of a title that name its office, before what it is of: "president"
// of "senior vice president of worldwide marketing", "secretary" of "Interior Secretary"; rank
// words and "former" left out.
func officeWords(title string) map[string]bool {
	t := titleSynonyms.Replace(strings.ToLower(title) + " ")
	for _, sep := range []string{" of ", " for ", " at ", " with ", " in "} {
		if i := strings.Index(t, sep); i >= 0 {
			t = t[:i]
		}
	}
	out := map[string]bool{}
	for _, w := range strings.Fields(t) {
		if w == "former" || w == "and" || rankWords[w] || !(entity.IsTitleWord(w) || entity.TitleWord(strings.ToUpper(w)) || relationHeads[w]) || strings.HasSuffix(w, ".") {
			continue
		}
		out[w] = true
	}
	return out
}

// roleFact compares the titles of one role of a person across the articles: a conflict of the
// titles that cannot all hold at once (the office and "former", another rank, another
// portfolio), else the one title they agree on. It also returns the titles as the articles
// gave them, before folding (for whoIs).
func roleFact(name string, claims []roleMention) (crosscheck.Fact, []crosscheck.FactValue, bool) {
	f := crosscheck.Fact{Subject: name + "’s role", Kind: "role"}
	claims, body := roleBodies(claims)
	if body != "" {
		f.Subject += " at " + body
	}
	claims = orgTailsShared(claims)
	loose := map[string]bool{} // values every article gives with "a": one of several
	for _, c := range claims {
		k := slices.IndexFunc(f.Values, func(v crosscheck.FactValue) bool { return strings.EqualFold(v.Value, c.title) })
		if k < 0 {
			f.Values = append(f.Values, crosscheck.FactValue{Value: c.title})
			k = len(f.Values) - 1
			loose[c.title] = true
		}
		loose[f.Values[k].Value] = loose[f.Values[k].Value] && c.indefinite
		if !slices.Contains(f.Values[k].Articles, c.art.ID) {
			f.Values[k].Articles = append(f.Values[k].Articles, c.art.ID)
			f.Values[k].Evidence = append(f.Values[k].Evidence, c.art.evidence(c.start, c.end))
		}
	}
	if !rolesOfSeveral(claims, func(c roleMention) *article { return c.art }) {
		return f, nil, false // one article alone is no agreement
	}
	all := f.Values
	if rivals := rivalTitles(f.Values, loose); len(rivals) > 1 {
		f.Verdict, f.Values = "conflict", rivals
		if tail := sharedTail(rivals); tail != "" {
			for i := range f.Values {
				f.Values[i].Value = strings.TrimSpace(f.Values[i].Value[:len(f.Values[i].Value)-len(tail)])
			}
			f.Subject = name + "’s title at " + strings.TrimPrefix(tail, " of ")
		}
	} else {
		f.Verdict = "agree"
		if f.Values = agreedRole(foldRoles(f.Values)); f.Values == nil {
			return f, nil, false
		}
	}
	sort.SliceStable(f.Values, func(i, j int) bool { return len(f.Values[i].Articles) > len(f.Values[j].Articles) })
	return f, all, true
}

// rivalTitles folds the titles of one role that say one thing in more or fewer words, each
// within those of its rank ("senior VP for worldwide product marketing", "Senior Vice
// President of Worldwide Marketing"), and returns those that conflict with another; none
// when no two conflict. Two titles conflict when one each of the titles they hold does. A
// title given with "a" ("a vice president of …") says one of several: it folds into a
// title of another rank that holds its words.
func rivalTitles(values []crosscheck.FactValue, loose map[string]bool) []crosscheck.FactValue {
	type held struct {
		v       crosscheck.FactValue
		members []string
	}
	groups := make([]held, len(values))
	for i, v := range values {
		groups[i] = held{v, []string{v.Value}}
	}
	conflict := func(a, b held) bool {
		for _, x := range a.members {
			for _, y := range b.members {
				if titlesConflict([]crosscheck.FactValue{{Value: x}, {Value: y}}) {
					return true
				}
			}
		}
		return false
	}
	for i := 0; i < len(groups); i++ {
		for j := range groups {
			a, b := groups[i], groups[j]
			if i == j || !titleWithin(a.v.Value, b.v.Value) || conflict(a, b) && !loose[a.v.Value] ||
				rankOf(a.v.Value) != rankOf(b.v.Value) && !loose[a.v.Value] {
				continue
			}
			if titleWithin(b.v.Value, a.v.Value) && (!slices.Equal(titleWords(a.v.Value), titleWords(b.v.Value)) ||
				len(b.v.Articles) < len(a.v.Articles) || len(b.v.Articles) == len(a.v.Articles) && plainerTitle(a.v.Value, b.v.Value)) {
				continue // the same words in another order ("Mining Minister", "Minister of Mining") are left as written
			}
			groups[j] = held{joinValues(b.v, a.v), append(b.members, a.members...)}
			groups = slices.Delete(groups, i, i+1)
			i = -1
			break
		}
	}
	rival := make([]bool, len(groups))
	for i, g := range groups {
		for j, o := range groups {
			rival[i] = rival[i] || i != j && conflict(g, o)
		}
	}
	var out []crosscheck.FactValue
	for i, g := range groups {
		keep := rival[i]
		for j, o := range groups {
			keep = keep || rival[j] && titleWithin(g.v.Value, o.v.Value) && titleWithin(o.v.Value, g.v.Value)
		}
		if keep {
			out = append(out, g.v) // a rival, or a rival in other words ("Minister of Mining")
		}
	}
	return out
}

// rankOf is a title's rank: "former" and the rank words before its office ("senior vice").
func rankOf(title string) string {
	var out []string
	for _, w := range strings.Fields(titleSynonyms.Replace(strings.ToLower(title) + " ")) {
		if w == "of" || w == "for" {
			break
		}
		if w == "former" || rankWords[strings.TrimSuffix(w, "-")] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// sharedTail is the " of …" naming a body that every title ends in, written alike, when they
// all end in one: "of the FBI" of "deputy associate director of the FBI" and "associate
// director of the FBI".
func sharedTail(values []crosscheck.FactValue) string {
	v := values[0].Value
	i := strings.LastIndex(v, " of ")
	if i < 0 {
		return ""
	}
	tail := v[i:]
	for _, w := range strings.Fields(tail)[1:] {
		if w != "the" && w != "and" && w != "of" && !entity.IsNameWord(w) {
			return "" // "of worldwide marketing": a portfolio, not a body
		}
	}
	for _, o := range values[1:] {
		if !strings.HasSuffix(o.Value, tail) || len(o.Value) == len(tail) {
			return ""
		}
	}
	return tail
}

// personKeys tell the people of one surname apart: "Mark Felt" and "W. Mark Felt" are one
// person, "Audrey Felt" is another; a surname alone is the first person of that name.
type personKeys map[string][][]string // surname → the given names of each person

// of returns the key of the person a name is.
func (k personKeys) of(name string) string {
	w := nameWords(name)
	if len(w) == 0 {
		w = strings.Fields(name)
	}
	last, given := w[len(w)-1], w[:len(w)-1]
	people := k[last]
	for i, p := range people {
		if len(given) == 0 || len(p) == 0 || slices.ContainsFunc(given, func(g string) bool { return slices.ContainsFunc(p, func(h string) bool { return sameGiven(g, h) }) }) {
			if len(p) == 0 {
				people[i] = slices.Clone(given)
			}
			return keyOf(last, i)
		}
	}
	k[last] = append(people, slices.Clone(given))
	return keyOf(last, len(people))
}

// sameGiven reports two given names of one person: the same, or one the short form of the
// other ("Phil", "Philip").
func sameGiven(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return a == b || len(a) >= 3 && !strings.HasSuffix(a, ".") && strings.HasPrefix(b, a)
}

func keyOf(last string, i int) string {
	if i == 0 {
		return last
	}
	return last + "\x00" + strconv.Itoa(i)
}

// rolesOfSeveral reports claims from two articles or more.
func rolesOfSeveral[T any](claims []T, art func(T) *article) bool {
	for _, c := range claims {
		if art(c) != art(claims[0]) {
			return true
		}
	}
	return false
}

// relationHeads are the roles that say who someone is to the story rather than what office
// they hold: a reader asks who the judge or the owner was, not what the judge's role was.
var relationHeads = map[string]bool{"judge": true, "owner": true, "lawyer": true, "attorney": true,
	"author": true, "founder": true, "sister": true, "brother": true, "wife": true, "husband": true,
	"son": true, "daughter": true, "mother": true, "father": true, "widow": true, "landlord": true}

// whoIs turns an agreement on a person's relation to the story ("Barbara Walther: District
// Judge") into the fact of who holds it ("name of the District Judge: Barbara Walther").
//
// The articles that give the person another role of the same relation ("the judge in the
// case") name the holder too.
func whoIs(f crosscheck.Fact, name string, others ...crosscheck.FactValue) (crosscheck.Fact, bool) {
	if f.Verdict != "agree" || len(f.Values) != 1 {
		return crosscheck.Fact{}, false
	}
	v := f.Values[0]
	words := strings.Fields(strings.ToLower(v.Value))
	if len(strings.Fields(name)) < 2 || entity.IsTitleWord(name) {
		return crosscheck.Fact{}, false // "General" of "Texas Attorney General": a title, not a name
	}
	if len(words) == 0 || !relationHeads[words[len(words)-1]] && !(len(words) > 2 && relationHeads[words[0]] && (words[1] == "of" || words[1] == "in" || words[1] == "at")) {
		return crosscheck.Fact{}, false
	}
	head := words[len(words)-1]
	if !relationHeads[head] {
		head = words[0]
	}
	who := crosscheck.FactValue{Value: name, Articles: slices.Clone(v.Articles), Evidence: slices.Clone(v.Evidence)}
	for _, o := range others {
		if !slices.Contains(strings.Fields(strings.ToLower(o.Value)), head) {
			continue
		}
		for k, a := range o.Articles {
			if !slices.Contains(who.Articles, a) {
				who.Articles = append(who.Articles, a)
				if k < len(o.Evidence) {
					who.Evidence = append(who.Evidence, o.Evidence[k])
				}
			}
		}
	}
	return crosscheck.Fact{Subject: "name of the " + v.Value, Kind: "person", Verdict: "agree",
		Values: []crosscheck.FactValue{who}}, true
}

// roleText is the role a phrase gives, as the report shows it: the title ("former U.S.
// President" → "former President"), or else the phrase itself without its article ("the
// governor of Unity state" → "governor of Unity state"); "" for a fragment without a role noun.
func roleText(role string) string {
	if f := strings.Fields(role); len(f) > 1 && entity.IsNameWord(f[0]) && (strings.HasSuffix(f[0], "'s") || strings.HasSuffix(f[0], "’s")) &&
		entity.IsTitleWord(strings.Trim(f[1], ",")) {
		role = strings.Join(f[1:], " ") // "Apple's Senior Vice President": the title, of Apple
	}
	role = hyphenedTitles.Replace(withoutPlaceTail(titlesSpelt(hyphenApart.ReplaceAllString(role, "$1-$2"))))
	if t := entity.RoleTitle(role); t != "" {
		return t
	}
	f := strings.Fields(role)
	if len(f) > 0 && (f[0] == "the" || f[0] == "a" || f[0] == "an") {
		f = f[1:]
	}
	if len(f) == 0 || !slices.ContainsFunc(f, func(w string) bool {
		return slices.ContainsFunc(strings.Split(w, "-"), func(p string) bool { return entity.IsTitleWord(p) || relationHeads[strings.ToLower(p)] })
	}) {
		return "" // "official", "a close friend": not an office
	}
	return strings.Join(f, " ")
}

// hyphenedTitles are titles some outlets write with a hyphen: the report writes them apart.
var hyphenedTitles = strings.NewReplacer("vice-president", "vice president", "Vice-President", "Vice President",
	"vice-chairman", "vice chairman", "Vice-Chairman", "Vice Chairman")

// titleSynonyms write a title one way: "chief executive officer" and "chief executive" are
// the CEO, "vice-president" and "VP" the vice president.
var titleSynonyms = strings.NewReplacer("chief executive officer", "ceo", "chief executive", "ceo",
	"vice-president", "vice president", "vp ", "vice president ", "co-founder", "founder")

// withoutPlaceTail drops the place that qualifies a role already of something: "commissioner
// of Pariang County in South Sudan's Unity State" is the commissioner of Pariang County, as
// outlets that name the state otherwise or not at all say.
func withoutPlaceTail(role string) string {
	of := strings.Index(role, " of ")
	in := strings.LastIndex(role, " in ")
	if of < 0 || in < of {
		return role
	}
	named := false
	for _, w := range strings.Fields(role[in+4:]) {
		if !entity.IsNameWord(w) && w != "of" && w != "the" && !placeWords[w] {
			return role // "director of operations in the region": not a place
		}
		named = named || entity.IsNameWord(w)
	}
	if !named {
		return role
	}
	return role[:in]
}

// withoutOrgTail drops the organisation a role of something is held at: "senior VP for
// worldwide product marketing at Apple" is the senior VP for worldwide product marketing, as
// outlets that leave Apple out say (see orgTailsShared).
func withoutOrgTail(role string) string {
	at := strings.LastIndex(role, " at ")
	if at < 0 || !strings.Contains(role[:at], " of ") && !strings.Contains(role[:at], " for ") {
		return role
	}
	for _, w := range strings.Fields(role[at+4:]) {
		if !entity.IsNameWord(w) && w != "the" {
			return role
		}
	}
	return role[:at]
}

// placeWords are the lower-case words of a place's name: "Unity state", "Pariang county".
var placeWords = map[string]bool{"state": true, "county": true, "province": true, "region": true, "district": true}

// foldRoles folds the roles of an agreement that say less than another into it: "Interior"
// and "secretary" into "Interior Secretary", "Secretary of Commerce" into "Commerce Secretary";
// not one office of two a title joins ("CEO" of "president and CEO").
// Of two that say the same, the one more articles give stands, else the plainer (see
// plainerTitle).
func foldRoles(values []crosscheck.FactValue) []crosscheck.FactValue {
	out := slices.Clone(values)
	for i := 0; i < len(out); i++ {
		for j := range out {
			if i == j || !titleWithin(out[i].Value, out[j].Value) || partOfJoined(out[i].Value, out[j].Value) {
				continue
			}
			if titleWithin(out[j].Value, out[i].Value) && (len(out[j].Articles) < len(out[i].Articles) ||
				len(out[j].Articles) == len(out[i].Articles) && plainerTitle(out[i].Value, out[j].Value)) {
				continue
			}
			out[j] = joinValues(out[j], out[i])
			out = slices.Delete(out, i, i+1)
			i = -1
			break
		}
	}
	return out
}

// partOfJoined reports a title that is one of the offices another joins with "and": "CEO"
// of "president and CEO" says one office of the two, not the title.
func partOfJoined(a, b string) bool {
	return strings.Contains(b, " and ") && !strings.Contains(a, " and ")
}

// plainerTitle reports title a as the plainer way to write what b says: in the common
// spelling of its titles ("CEO", not "chief executive"; "vice president", not "VP"), else in
// fewer words that say what it is, else with the words that tie them ("director of the Union
// of Concerned Scientists' program", not "director of Union of …").
func plainerTitle(a, b string) bool {
	ca, cb := isCommonSpelling(a), isCommonSpelling(b)
	if ca != cb {
		return ca
	}
	if na, nb := len(titleWords(a)), len(titleWords(b)); na != nb {
		return na < nb
	}
	return len(strings.Fields(a)) > len(strings.Fields(b))
}

func isCommonSpelling(title string) bool {
	l := strings.ToLower(title) + " "
	return titleSynonyms.Replace(l) == l || strings.Contains(l, "vice president")
}

// titleWords are the words of a title that say what it is: lower case, one spelling of each
// title, without "of", "the", "for" and possessive endings.
func titleWords(v string) []string {
	var out []string
	for _, w := range strings.Fields(titleSynonyms.Replace(strings.ToLower(v) + " ")) {
		if w != "of" && w != "the" && w != "for" {
			out = append(out, strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
		}
	}
	return out
}

// titleWithin reports a title whose every word is in the other.
// A body written by its initials in a is in b when b spells it out: "director of UCS's
// Scientific Integrity Program" is within "director of the Union of Concerned Scientists'
// Scientific Integrity Program".
func titleWithin(a, b string) bool {
	wb := titleWords(b)
	for _, w := range titleWords(a) {
		if !slices.Contains(wb, w) && !(strings.Contains(a, strings.ToUpper(w)) && initialsIn(w, b)) {
			return false
		}
	}
	return true
}

// initialsIn reports a word of two letters or more that, upper-cased, is the initials of a
// run of capitalised words of title (the words that tie them, "of", "the", "and", "for",
// left out): "ucs" of "Union of Concerned Scientists".
func initialsIn(w, title string) bool {
	if len(w) < 2 || strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return false
	}
	var initials strings.Builder
	for _, f := range strings.Fields(title) {
		switch {
		case entity.IsNameWord(f):
			initials.WriteByte(byte(unicode.ToLower(rune(f[0]))))
			if strings.HasSuffix(initials.String(), w) {
				return true
			}
		case f == "of" || f == "the" || f == "and" || f == "for":
		default:
			initials.Reset()
		}
	}
	return false
}

// joinValues adds the articles and evidence of b to a.
func joinValues(a, b crosscheck.FactValue) crosscheck.FactValue {
	a.Articles = slices.Clone(a.Articles)
	for _, id := range b.Articles {
		if !slices.Contains(a.Articles, id) {
			a.Articles = append(a.Articles, id)
		}
	}
	a.Evidence = append(slices.Clone(a.Evidence), b.Evidence...)
	return a
}

// agreedRole keeps of an agreement's roles the one that two articles or more give, when only
// one is: titles that neither conflict nor fold into one ("owner", "attorney") are no
// agreement. It returns nil when no role is agreed.
func agreedRole(values []crosscheck.FactValue) []crosscheck.FactValue {
	var kept []crosscheck.FactValue
	for _, v := range values {
		if len(v.Articles) >= 2 {
			kept = append(kept, v)
		}
	}
	if len(kept) != 1 {
		return nil
	}
	return kept
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
			if strings.TrimPrefix(a, "former ") == strings.TrimPrefix(b, "former ") || otherPortfolio(values[i].Value, values[j].Value) ||
				otherRank(a, b) {
				return true
			}
		}
	}
	return false
}

// rankWords name another rung of the office they stand before: a deputy associate director is
// not the associate director, nor a vice president the president.
var rankWords = map[string]bool{"deputy": true, "assistant": true, "associate": true, "vice": true,
	"senior": true, "executive": true, "under": true, "sub": true}

// otherRank reports a title that is the other with other rank words before its office:
// "deputy associate director" and "associate director", "senior vice president of
// marketing" and "vice president of marketing", "senior VP for worldwide product
// marketing" and "vice president of worldwide marketing" (the same office after the rank
// words, of a thing said in more or fewer words); not "senior adviser" and "foreign policy
// adviser". Both are lower-case.
func otherRank(a, b string) bool {
	ra, rb := rankOf(a), rankOf(b)
	if ra == rb || strings.Contains(ra, "former") || strings.Contains(rb, "former") {
		return false
	}
	headA, ofA := officeAndComplement(withoutRank(a))
	headB, ofB := officeAndComplement(withoutRank(b))
	return headA != "" && headA == headB && (titleWithin(ofA, ofB) || titleWithin(ofB, ofA))
}

// officeAndComplement splits a title at what it is of: "president" and "worldwide marketing"
// of "president of worldwide marketing".
func officeAndComplement(title string) (string, string) {
	for _, sep := range []string{" of ", " for ", " to ", " at "} {
		if i := strings.Index(title, sep); i >= 0 {
			return title[:i], title[i+len(sep):]
		}
	}
	return title, ""
}

// withoutRank is a title without the rank words and "former" before its office.
func withoutRank(title string) string {
	f := strings.Fields(titleSynonyms.Replace(strings.ToLower(title) + " "))
	for len(f) > 0 && (f[0] == "former" || rankWords[strings.TrimSuffix(f[0], "-")]) {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// speaksFor reports a title of one who speaks for a body, which outlets name in several ways
// ("UNRWA spokesman", "Works Agency spokesman"): no office over a different thing.
func speaksFor(title string) bool {
	return strings.HasPrefix(strings.ToLower(title), "spokes")
}

// otherPortfolio reports one office held over different things: the same last word ("Minister")
// after different capitalised words ("Mining Minister", "Labour Minister"). "Prime", "Deputy"
// and the like name a different office too; a title with no such word is only less specific.
func otherPortfolio(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) < 2 || len(fb) < 2 || fa[len(fa)-1] != fb[len(fb)-1] || !entity.IsTitleWord(fa[len(fa)-1]) || speaksFor(fa[len(fa)-1]) {
		return false // "head of UNRWA in Gaza" and "top UN official in Gaza" end in a place, not an office
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
	claims := map[string][]claim{} // the mentions of each place, to name what happens there
	var order []string
	for _, a := range s.arts {
		for _, e := range a.Entities {
			place := e.Name
			if e.Kind == "org" {
				place = entity.Seat(e.Name) // "in the Kremlin" is in Moscow
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
					c := a.claim(m.Start, m.End)
					c.label = place + stateAfter(a.Text[m.End:min(len(a.Text), m.End+24)])
					if c.sentence >= 0 {
						sp := a.sentences[c.sentence].span
						c.subject = datedPhrase(a.Text[sp[0]:sp[1]], m.Start-sp[0], m.End-sp[0])
					}
					claims[place] = append(claims[place], c)
				}
			}
		}
	}
	var out []crosscheck.Fact
	for _, p := range order {
		v := byPlace[p]
		if len(v.Articles) < 2 {
			continue
		}
		if 2*len(v.Articles) < len(s.arts) {
			if f, ok := s.actPlace(p, claims[p]); ok {
				out = append(out, f) // few articles name it, but as the place of one act
			}
			continue
		}
		if l := mostCommon(claims[p], func(c claim) string { return c.label }); l != "" {
			v.Value = l // "Springfield, Mo.", as most articles write it
		}
		out = append(out, crosscheck.Fact{Subject: s.clauseSubject("place", claims[p]), Kind: "place", Verdict: "agree", Values: []crosscheck.FactValue{*v}})
	}
	return out
}

// stateAfter returns the state a place is written with, ", Mo." of "Springfield, Mo.", or "".
func stateAfter(after string) string {
	rest, ok := strings.CutPrefix(after, ", ")
	if !ok {
		return ""
	}
	for _, n := range []int{2, 1} {
		f := strings.Fields(rest)
		if len(f) < n {
			continue
		}
		if st := strings.TrimRight(strings.Join(f[:n], " "), ",;:"); usStates[st] {
			return ", " + st
		}
	}
	return ""
}

// usStates are the states of the United States by name and by the abbreviations news
// agencies write after a city ("Mo.", "Calif."; AP Stylebook).
var usStates = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Split(`Alabama Ala.|Alaska|Arizona Ariz.|Arkansas Ark.|California Calif.|Colorado Colo.|`+
		`Connecticut Conn.|Delaware Del.|Florida Fla.|Georgia Ga.|Hawaii|Idaho|Illinois Ill.|Indiana Ind.|Iowa|`+
		`Kansas Kan.|Kentucky Ky.|Louisiana La.|Maine|Maryland Md.|Massachusetts Mass.|Michigan Mich.|`+
		`Minnesota Minn.|Mississippi Miss.|Missouri Mo.|Montana Mont.|Nebraska Neb.|Nevada Nev.|`+
		`New Hampshire N.H.|New Jersey N.J.|New Mexico N.M.|New York N.Y.|North Carolina N.C.|North Dakota N.D.|`+
		`Ohio|Oklahoma Okla.|Oregon Ore.|Pennsylvania Pa.|Rhode Island R.I.|South Carolina S.C.|South Dakota S.D.|`+
		`Tennessee Tenn.|Texas|Utah|Vermont Vt.|Virginia Va.|Washington Wash.|West Virginia W.Va.|Wisconsin Wis.|Wyoming Wyo.`, "|") {
		f := strings.Fields(s)
		if strings.HasSuffix(f[len(f)-1], ".") {
			m[f[len(f)-1]] = true
			f = f[:len(f)-1]
		}
		m[strings.Join(f, " ")] = true
	}
	return m
}()

func lastWordOf(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ",.;:“”\"")
}
