package reconcile

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/entity"
)

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
			if len(name) > len(names[key]) {
				names[key] = name
			}
			var mine []roleClaim
			for _, r := range e.Roles {
				if t := roleText(r.Text); t != "" {
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
			if !slices.Contains(f.Values[k].Articles, c.art.ID) {
				f.Values[k].Articles = append(f.Values[k].Articles, c.art.ID)
				f.Values[k].Evidence = append(f.Values[k].Evidence, c.art.evidence(c.role.Start, c.role.End))
			}
		}
		if !rolesOfSeveral(claims, func(c roleClaim) *article { return c.art }) {
			continue // one article alone is no agreement
		}
		f.Verdict = "agree"
		if len(f.Values) > 1 && titlesConflict(f.Values) {
			f.Verdict = "conflict"
		}
		all := f.Values
		if f.Verdict == "agree" {
			if all = foldRoles(f.Values); agreedRole(all) == nil {
				continue
			}
			f.Values = agreedRole(all)
		}
		sort.SliceStable(f.Values, func(i, j int) bool { return len(f.Values[i].Articles) > len(f.Values[j].Articles) })
		out = append(out, f)
		if inv, ok := whoIs(f, names[key], all...); ok {
			out = append(out, inv)
		}
	}
	return out
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
	role = withoutPlaceTail(role)
	if t := entity.RoleTitle(role); t != "" {
		return t
	}
	f := strings.Fields(role)
	if len(f) > 0 && (f[0] == "the" || f[0] == "a" || f[0] == "an") {
		f = f[1:]
	}
	if len(f) == 0 || !slices.ContainsFunc(f, func(w string) bool { return entity.IsTitleWord(w) || relationHeads[strings.ToLower(w)] }) {
		return "" // "official", "a close friend": not an office
	}
	return strings.Join(f, " ")
}

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

// placeWords are the lower-case words of a place's name: "Unity state", "Pariang county".
var placeWords = map[string]bool{"state": true, "county": true, "province": true, "region": true, "district": true}

// foldRoles folds the roles of an agreement that say less than another into it: "Interior"
// and "secretary" into "Interior Secretary", "Secretary of Commerce" into "Commerce Secretary".
func foldRoles(values []crosscheck.FactValue) []crosscheck.FactValue {
	words := func(v string) []string {
		var out []string
		for _, w := range strings.Fields(titleSynonyms.Replace(strings.ToLower(v))) {
			if w != "of" && w != "the" && w != "for" {
				out = append(out, strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
			}
		}
		return out
	}
	within := func(a, b string) bool { // every word of a is in b
		wb := words(b)
		for _, w := range words(a) {
			if !slices.Contains(wb, w) {
				return false
			}
		}
		return true
	}
	out := slices.Clone(values)
	for i := 0; i < len(out); i++ {
		for j := range out {
			if i == j || !within(out[i].Value, out[j].Value) || within(out[j].Value, out[i].Value) && len(out[j].Articles) < len(out[i].Articles) {
				continue
			}
			for _, a := range out[i].Articles {
				if !slices.Contains(out[j].Articles, a) {
					out[j].Articles = append(out[j].Articles, a)
				}
			}
			out[j].Evidence = append(out[j].Evidence, out[i].Evidence...)
			out = slices.Delete(out, i, i+1)
			i = -1
			break
		}
	}
	return out
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
				otherRank(a, b) || otherRank(b, a) {
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

// otherRank reports a title that is the other with rank words before it: "deputy associate
// director" and "associate director", "senior vice president of marketing" and "vice
// president of marketing". Both are lower-case.
func otherRank(a, b string) bool {
	rest, ok := strings.CutSuffix(a, " "+b)
	if !ok || rest == "" {
		return false
	}
	for _, w := range strings.Fields(rest) {
		if !rankWords[strings.TrimSuffix(w, "-")] {
			return false
		}
	}
	return true
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
		if len(v.Articles) < 2 || 2*len(v.Articles) < len(s.arts) {
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
