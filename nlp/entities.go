package nlp

import (
	_ "embed"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Entity is a person, organisation or place an article names.
type Entity = crosscheck.Entity

//go:embed gazetteer/places.txt
var placesText string

//go:embed gazetteer/orgs.txt
var orgsText string

// places and orgs map a known name, and its other names, to the name crosscheck uses for it;
// seats maps an institution to the place it sits in.
var (
	places, _   = gazetteer(placesText)
	orgs, seats = gazetteer(orgsText)
)

func gazetteer(text string) (names, located map[string]string) {
	names, located = map[string]string{}, map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if name, place, ok := strings.Cut(line, " @ "); ok {
			line = name
			located[name] = place
		}
		name, canon, ok := strings.Cut(line, " = ")
		if !ok {
			canon = name
		}
		names[strings.TrimSpace(name)] = strings.TrimSpace(canon)
	}
	return names, located
}

// Seat returns the place an institution sits in ("Kremlin" → "Moscow"), or "".
func Seat(org string) string { return seats[org] }

// demonyms are the adjectives of places, which qualify a role ("Russian President") and are
// not entities themselves.
var demonyms = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`American Russian Ukrainian British Chinese French German Israeli
		Palestinian Iranian Iraqi Syrian Turkish Saudi Egyptian Indian Pakistani Japanese Korean
		Italian Spanish Polish Canadian Mexican Brazilian European Western Eastern Soviet Belarusian
		Georgian Qatari Emirati Lebanese Jordanian Afghan Australian Dutch Swedish Norwegian Finnish
		Danish Greek Hungarian Romanian Czech Slovak Serbian Croatian Swiss Austrian Belgian Irish
		Scottish Welsh English Venezuelan Cuban Colombian Argentine Chilean Nigerian Kenyan
		South North Arab Muslim Jewish Christian Catholic Democratic Republican U.S. US UN EU NATO
		Federal State National Kremlin`) {
		m[w] = true
	}
	return m
}()

// titleWords stand before a name as part of a role: "Secretary of State Marco Rubio".
var titleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`President Vice Prime Minister Secretary Senator Sen. Sen Rep. Rep
		Representative Gov. Governor Gen. General Lt. Col. Colonel Maj. Major Adm. Admiral Capt. Captain
		Judge Justice Chief Chairman Chairwoman Chair Chancellor King Queen Prince Princess Pope
		Sheikh Emir Ambassador Envoy Special Speaker Leader Mayor Commissioner Director Attorney
		Deputy Foreign Defense Defence Interior Finance Health Trade Treasury Economy Energy
		Mr. Mrs. Ms. Dr. Mr Mrs Ms Dr Prof. Professor Rev. Sgt. Commander Spokesman Spokeswoman
		Aide Adviser Advisor Senior Top Former First Lady Premier Counselor Counsellor Executive
		CEO Head Founder Anchor Correspondent Editor Officer Coach Patriarch Bishop Archbishop
		Cardinal Dame Sir Lord Baroness`) {
		m[w] = true
	}
	return m
}()

// orgHeads end the names of organisations: "Defence Ministry", "Acme Corp.".
var orgHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`Ministry Department Agency Office Council Committee Commission
		Party Union Association Organization Organisation Institute Foundation University College
		School Court Bank Fund Group Inc. Inc Corp. Corp Co. Co Ltd. Ltd LLC PLC plc AG SA GmbH
		Company Corporation Holdings Airlines Airways Motors Systems Technologies Times Post News
		Journal Herald Tribune Telegraph Guardian Press Network Television Radio Service Services
		Bureau Authority Administration Force Forces Army Navy Guard Police Parliament Assembly
		Congress Senate Cabinet Government Exchange Reserve Board Centre Center Club League Alliance
		Front Movement Brigade Church Hospital Museum Federation Coalition Conference Summit`) {
		m[w] = true
	}
	return m
}()

// stopCaps are capitalised words that open sentences or clauses without naming anything.
var stopCaps = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`The A An In On At But And Or So Yet If When While After Before As
		For From With By To Of He She It They We I You His Her Its Their Our This That These Those
		There Here However Meanwhile Still Also Some Many Most One Two Three No Not What Who Why How
		Where Earlier Later Then Now Today Yesterday Tomorrow Last Next Such Both Each Every All
		Other Under Over During Since Until Although Though Because According Asked Said Speaking
		My Your Mine Despite Among Between Without Within Against Amid Following Instead Only Even
		Just Yes Thus Indeed Already Again Once Let Please Read More See Watch Photo Video Update
		Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
		June July August September October November December Jan. Feb. Mar. Apr. Jun. Jul. Aug.
		Sept. Sep. Oct. Nov. Dec. Mr Mrs Ms Dr God OK`) {
		m[w] = true
	}
	return m
}()

// connectors may stand inside a name between capitalised words: "Bank of England".
var connectors = map[string]bool{"of": true, "de": true, "van": true, "von": true, "al": true, "bin": true,
	"der": true, "la": true, "du": true, "del": true, "for": true, "&": true}

// mention is a name found in the text before it is tied to an entity.
type mention struct {
	start, end int    // the name's bytes
	name       string // as written, without a possessive
	role       string // the title written before it, "former U.S. President"
	roleStart  int
	midSent    bool // not the first word of its sentence
	headline   bool // in a line of capitalised words, where capitals say nothing
	after      string
	before     string
}

// Entities finds the people, organisations and places text names. Each entity gets its
// fullest name, every mention (surnames, acronyms and role nouns like "the Russian leader"
// included) and the roles the article gives it. sentences and tokens are text's (Sentences,
// Tokens).
func Entities(text string, sentences, tokens []Span) []Entity {
	var ms []mention
	midCaps := map[string]bool{} // words seen capitalised inside a sentence
	for _, s := range sentences {
		found := capitalRuns(text, s, within(tokens, s))
		for _, m := range found {
			if m.midSent {
				for _, w := range strings.Fields(m.name) {
					midCaps[w] = true
				}
			}
		}
		ms = append(ms, found...)
	}
	b := newEntityBuilder(text)
	for _, m := range ms {
		b.add(m, midCaps)
	}
	b.roleNouns(sentences, tokens)
	return b.entities()
}

// within returns the tokens of all (sorted) that lie in span s.
func within(all []Span, s Span) []Span {
	lo := sort.Search(len(all), func(i int) bool { return all[i][0] >= s[0] })
	hi := sort.Search(len(all), func(i int) bool { return all[i][0] >= s[1] })
	return all[lo:hi]
}

// capitalRuns returns the runs of capitalised words of one sentence, titles split off.
func capitalRuns(text string, s Span, toks []Span) []mention {
	sentence := text[s[0]:s[1]]
	if strings.ToUpper(sentence) == sentence {
		return nil // a line in capitals: a menu, a label
	}
	headline := titleCase(text, sentence, toks)
	var out []mention
	for i := 0; i < len(toks); {
		w := text[toks[i][0]:toks[i][1]]
		if !capitalised(w) || compoundAdjective(w) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			wj := text[toks[j][0]:toks[j][1]]
			gap := text[toks[j-1][1]:toks[j][0]]
			if strings.TrimSpace(gap) != "" || strings.Contains(gap, "\n") {
				break
			}
			if capitalised(wj) && !stopCaps[wj] && !compoundAdjective(wj) {
				if possessive(text[toks[j-1][0]:toks[j-1][1]]) {
					break // "Putin’s Kremlin" is two names
				}
				j++
				continue
			}
			if connectors[wj] && j+1 < len(toks) && capitalised(text[toks[j+1][0]:toks[j+1][1]]) {
				j += 2
				continue
			}
			break
		}
		// trim openers ("The", "But") and trailing connectors
		a := i
		for a < j && stopCaps[text[toks[a][0]:toks[a][1]]] {
			a++
		}
		for j > a && connectors[text[toks[j-1][0]:toks[j-1][1]]] {
			j--
		}
		if a < j {
			m := splitTitle(text, s, toks, a, j, i)
			if m.name == "" || m.name[0] >= 'a' && m.name[0] <= 'z' {
				i = max(j, i+1) // a title alone: "the Minister of Mining"
				continue
			}
			m.headline = headline
			out = append(out, m)
		}
		i = max(j, i+1)
	}
	return out
}

// splitTitle separates the role words that open a run from the name they qualify.
func splitTitle(text string, s Span, toks []Span, a, j, runStart int) mention {
	word := func(k int) string { return text[toks[k][0]:toks[k][1]] }
	k := a
	for k < j-1 {
		w := word(k)
		if titleWords[w] || demonyms[w] || demonyms[strings.TrimSuffix(w, "-based")] {
			k++
			continue
		}
		if w == "of" && k > a && titleWords[word(k-1)] && k+2 < j {
			k += 2 // "Secretary of State"
			continue
		}
		if k+2 < j && titleWords[word(k+1)] && !honorific[word(k+1)] {
			k++ // a portfolio before a title: "Mining Minister", "Labour Secretary"
			continue
		}
		break
	}
	m := mention{start: toks[k][0], end: toks[j-1][1], midSent: runStart > 0 || a > 0}
	if k > a {
		m.roleStart = toks[a][0]
		// a lower-case qualifier just before belongs to the role: "former", "then-"
		if a > 0 {
			if q := word(a - 1); q == "former" || q == "then" || q == "acting" || q == "late" || q == "outgoing" || q == "incoming" {
				m.roleStart = toks[a-1][0]
			}
		}
		m.role = text[m.roleStart:toks[k-1][1]]
	}
	m.name = trimPossessive(text[m.start:m.end])
	m.end = m.start + len(m.name)
	m.before = text[max(s[0], m.start-40):m.start]
	if m.role != "" {
		m.before = text[max(s[0], m.roleStart-40):m.roleStart]
	}
	m.after = text[m.end:min(s[1], m.end+160)]
	return m
}

// titleCase reports a headline in title case: no full stop at its end, and most of its longer
// words capitalised.
func titleCase(text, sentence string, toks []Span) bool {
	if r, _ := utf8.DecodeLastRuneInString(sentence); r == '.' || r == '!' || r == '?' || r == '”' || r == '"' {
		return false
	}
	long, caps := 0, 0
	for _, t := range toks {
		w := text[t[0]:t[1]]
		if len(w) < 4 {
			continue
		}
		long++
		if capitalised(w) {
			caps++
		}
	}
	return long >= 3 && caps*10 >= long*7
}

// compoundAdjective reports a capitalised word joined to a lower-case one: "Russian-controlled",
// "Kremlin-backed" qualify a name and are not part of one.
func compoundAdjective(w string) bool {
	i := strings.LastIndexByte(w, '-')
	return i > 0 && i+1 < len(w) && !capitalised(w[i+1:])
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func possessive(w string) bool { return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") }

func trimPossessive(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
}

type entityBuilder struct {
	text     string
	list     []*Entity
	byName   map[string]*Entity // a canonical name → its entity
	surnames map[string]*Entity // a person's last name → the person
}

func newEntityBuilder(text string) *entityBuilder {
	return &entityBuilder{text: text, byName: map[string]*Entity{}, surnames: map[string]*Entity{}}
}

// add ties one mention to its entity, making the entity when it is new.
func (b *entityBuilder) add(m mention, midCaps map[string]bool) {
	words := strings.Fields(m.name)
	if len(words) == 0 || len(words) > 6 {
		return
	}
	kind, canon := b.classify(m, words, midCaps)
	if kind == "" || (m.headline && !b.known(kind, canon)) {
		return
	}
	e := b.byName[kind+"\x00"+canon]
	if e == nil {
		e = &Entity{Name: canon, Kind: kind}
		b.byName[kind+"\x00"+canon] = e
		b.list = append(b.list, e)
	}
	e.Mentions = append(e.Mentions, crosscheck.Mention{Text: m.name, Start: m.start, End: m.end})
	if kind != "person" {
		return
	}
	if len(words) > 1 {
		last := words[len(words)-1]
		if old := b.surnames[last]; old == nil || len(strings.Fields(old.Name)) <= len(words) {
			b.surnames[last] = e
		}
	}
	if m.role != "" && !honorific[m.role] {
		e.Roles = append(e.Roles, crosscheck.Role{Text: m.role, Start: m.roleStart, End: m.roleStart + len(m.role)})
	}
	if m.role == "" {
		if at := preRole(m.before); at >= 0 {
			start := m.start - len(m.before) + at
			end := start + len(strings.TrimRight(m.before[at:], ", "))
			e.Roles = append(e.Roles, crosscheck.Role{Text: b.text[start:end], Start: start, End: end})
		}
	}
	if r, at := appositive(m.after); r != "" {
		e.Roles = append(e.Roles, crosscheck.Role{Text: r, Start: m.end + at, End: roleEnd(b.text, m.end+2)})
	}
}

var honorific = map[string]bool{"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "Mr": true, "Mrs": true, "Ms": true, "Dr": true}

// known reports a name the article or the gazetteers vouch for, which alone is taken from a
// headline in title case.
func (b *entityBuilder) known(kind, canon string) bool {
	if kind != "person" {
		return true
	}
	return b.byName[kind+"\x00"+canon] != nil || b.surnames[canon] != nil
}

// classify says what a name is and the name to file it under.
func (b *entityBuilder) classify(m mention, words []string, midCaps map[string]bool) (kind, canon string) {
	name := m.name
	if c, ok := orgs[name]; ok {
		return "org", c
	}
	if c, ok := places[name]; ok && m.role == "" {
		return "place", c
	}
	last := words[len(words)-1]
	if orgHeads[last] || (len(words) > 1 && orgHeads[words[0]] && strings.Contains(name, " of ")) {
		return "org", name
	}
	if acronym(name) {
		return "org", name
	}
	if demonyms[name] || stopCaps[name] {
		return "", ""
	}
	for _, w := range words {
		if stopCaps[w] || orgHeads[w] {
			return "", ""
		}
	}
	if p, ok := b.surnames[name]; ok && len(words) == 1 {
		return "person", p.Name
	}
	if len(words) >= 2 {
		if p := b.surnames[last]; p != nil && strings.HasSuffix(p.Name, name) {
			return "person", p.Name
		}
		if _, ok := places[words[0]]; ok && len(words) == 2 && !m.hasPersonRole() {
			return "place", name // "Russian-controlled" is split off; "New York" is a place
		}
		return "person", name
	}
	// one unknown capitalised word
	if m.role != "" && m.hasPersonRole() {
		return "person", name
	}
	if !m.midSent && !midCaps[name] {
		return "", ""
	}
	lb := strings.ToLower(lastWord(m.before))
	if lb == "in" || lb == "near" || lb == "from" || lb == "at" || lb == "to" || lb == "outside" || lb == "towards" || lb == "around" {
		return "place", name
	}
	if strings.HasPrefix(strings.TrimSpace(m.after), "said") || strings.HasPrefix(strings.TrimSpace(m.after), "told") {
		return "person", name
	}
	return "", ""
}

func (m mention) hasPersonRole() bool {
	for _, w := range strings.Fields(m.role) {
		if titleWords[w] && w != "Foreign" && w != "Trade" && w != "Health" {
			return true
		}
	}
	return false
}

func acronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '.' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 6
}

// appositive reads the role an appositive gives a name: ", a senior adviser to Putin," or
// ", son-in-law of former U.S. President Donald Trump". It returns the role and its offset in
// after, or "".
func appositive(after string) (string, int) {
	if !strings.HasPrefix(after, ", ") {
		return "", 0
	}
	body := after[2:]
	end := roleEnd(body, 0)
	phrase := body[:end]
	at := 2
	for _, art := range []string{"a ", "an ", "the ", "The "} {
		if strings.HasPrefix(phrase, art) {
			phrase, at = phrase[len(art):], at+len(art)
			break
		}
	}
	words := strings.Fields(phrase)
	if len(words) == 0 || len(words) > 12 {
		return "", 0
	}
	first := strings.ToLower(words[0])
	if !capitalised(words[0]) && !roleModifiers[first] && !relations[first] && roleSynonyms[first] == nil {
		return "", 0 // "…, met with …": a verb, not a role
	}
	if !roleOpener(words[:min(4, len(words))]) {
		return "", 0
	}
	for _, w := range words {
		if w == "said" || w == "says" || w == "told" || w == "who" || w == "which" || w == "and" {
			return "", 0
		}
	}
	return phrase, at
}

// roleOpener reports whether an appositive opening with words can be a role: one of them is a
// role noun or a relation ("adviser", "son-in-law"), and none before it is a verb's object.
func roleOpener(words []string) bool {
	for _, w := range words {
		lw := strings.ToLower(trimPossessive(w))
		if titleWords[w] || roleSynonyms[lw] != nil || relations[lw] {
			return true
		}
	}
	return false
}

// roleModifiers may stand before a role noun written in lower case: "special envoy".
var roleModifiers = map[string]bool{"special": true, "senior": true, "top": true, "chief": true,
	"deputy": true, "foreign": true, "policy": true, "longtime": true, "former": true, "close": true,
	"presidential": true, "national": true, "security": true, "key": true, "personal": true,
	"economic": true, "military": true, "lead": true, "principal": true, "main": true, "veteran": true}

// preRole reads a role written before a name in lower case, perhaps after the person it relates
// to: "special envoy Steve Witkoff", "Trump’s son-in-law, Jared Kushner". It returns the role's
// offset in before, or -1.
func preRole(before string) int {
	end := len(before)
	for end > 0 && (before[end-1] == ' ' || before[end-1] == ',') {
		end--
	}
	words := strings.Fields(before[:end])
	if len(words) == 0 || !relations[strings.ToLower(words[len(words)-1])] {
		return -1
	}
	k := len(words) - 1
	for k > 0 && k > len(words)-5 && roleModifiers[words[k-1]] {
		k--
	}
	// the person the role relates to: "Donald Trump’s", "President Putin’s"
	if k > 0 && possessive(words[k-1]) && capitalised(words[k-1]) {
		k--
		for k > 0 && capitalised(words[k-1]) && !stopCaps[words[k-1]] && k > len(words)-9 {
			k--
		}
	}
	at := end
	for i := len(words) - 1; i >= k; i-- {
		at = strings.LastIndex(before[:at], words[i])
	}
	return at
}

var relations = map[string]bool{"son-in-law": true, "daughter-in-law": true, "son": true, "daughter": true,
	"wife": true, "husband": true, "brother": true, "sister": true, "father": true, "mother": true,
	"friend": true, "ally": true, "partner": true, "head": true, "leader": true, "member": true,
	"founder": true, "owner": true, "director": true, "chairman": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "aide": true, "adviser": true, "advisor": true,
	"envoy": true, "negotiator": true, "minister": true, "secretary": true, "president": true,
	"ambassador": true, "official": true, "commander": true, "general": true, "analyst": true,
	"professor": true, "expert": true, "lawmaker": true, "senator": true, "governor": true,
	"mayor": true, "candidate": true, "nominee": true, "correspondent": true, "reporter": true}

// roleEnd is where a role phrase starting at start ends: at a comma, a full stop that ends a
// sentence, a semicolon, a dash or a line break.
func roleEnd(s string, start int) int {
	for i := start; i < len(s); i++ {
		switch s[i] {
		case ',', ';', '\n', '(', ')':
			return trimSpaceEnd(s, start, i)
		case '.':
			if i+1 >= len(s) || s[i+1] == ' ' && (i+2 >= len(s) || opensSentence(s[i+2:])) && !stopEndsAbbrev(s[start:i]) {
				return trimSpaceEnd(s, start, i)
			}
		}
		if strings.HasPrefix(s[i:], " —") || strings.HasPrefix(s[i:], " –") {
			return i
		}
	}
	return trimSpaceEnd(s, start, len(s))
}

func stopEndsAbbrev(before string) bool {
	w := lastWord(before)
	return strings.Count(w, ".") >= 1 && len(w) <= 4
}

// normaliseRole rewrites the people a role names into their fullest names, dropping their own
// titles: "son-in-law of former U.S. President Donald Trump" → "son-in-law of Donald Trump".
func (b *entityBuilder) normaliseRole(r string) string {
	words := strings.Fields(r)
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		bare := trimPossessive(w)
		if p := b.surnames[bare]; p != nil {
			// drop the words of the name already emitted before this one ("Scientific
			// Integrity" before "Program" of "Scientific Integrity Program"), then the titles
			nw := strings.Fields(p.Name)
			for k := len(nw) - 1; k > 0 && len(out) > 0 && out[len(out)-1] == nw[k-1]; k-- {
				out = out[:len(out)-1]
			}
			for len(out) > 0 && (titleWords[out[len(out)-1]] || demonyms[out[len(out)-1]] || out[len(out)-1] == "former") {
				out = out[:len(out)-1]
			}
			out = append(out, p.Name+w[len(bare):])
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// roleNouns ties phrases like "the Russian leader" or "the adviser" to the person they stand
// for: the most recently named person whose roles fit the noun and share its adjectives.
func (b *entityBuilder) roleNouns(sentences []Span, all []Span) {
	people := []*Entity{}
	for _, e := range b.list {
		if e.Kind == "person" && len(e.Roles) > 0 {
			people = append(people, e)
		}
	}
	if len(people) == 0 {
		return
	}
	text := b.text
	for _, s := range sentences {
		toks := within(all, s)
		for i := 0; i+1 < len(toks); i++ {
			w := text[toks[i][0]:toks[i][1]]
			if w != "the" && w != "The" {
				continue
			}
			for j := i + 1; j < len(toks) && j <= i+4; j++ {
				noun := strings.ToLower(text[toks[j][0]:toks[j][1]])
				if roleSynonyms[noun] == nil {
					continue
				}
				if j+1 < len(toks) && capitalised(text[toks[j+1][0]:toks[j+1][1]]) {
					break // "the adviser Yuri Ushakov" names the person itself
				}
				start, end := toks[i][0], toks[j][1]
				adjs := strings.Fields(text[toks[i+1][0]:toks[j][0]])
				if p := latestWithRole(people, start, noun, adjs); p != nil {
					p.Mentions = append(p.Mentions, crosscheck.Mention{Text: text[start:end], Start: start, End: end})
				}
				break
			}
		}
	}
}

func latestWithRole(people []*Entity, before int, noun string, adjs []string) *Entity {
	var best *Entity
	bestAt := -1
	for _, p := range people {
		at := -1
		for _, m := range p.Mentions {
			if m.Start < before && m.Start > at {
				at = m.Start
			}
		}
		if at < 0 || at <= bestAt || !rolesFit(p.Roles, noun, adjs) {
			continue
		}
		best, bestAt = p, at
	}
	return best
}

func rolesFit(roles []crosscheck.Role, noun string, adjs []string) bool {
	for _, r := range roles {
		lr := strings.ToLower(r.Text)
		fits := false
		for _, want := range roleSynonyms[noun] {
			fits = fits || strings.Contains(lr, want)
		}
		for _, a := range adjs {
			la := strings.ToLower(a)
			if la != "top" && la != "senior" && la != "former" && !strings.Contains(lr, la) {
				fits = false
			}
		}
		if fits {
			return true
		}
	}
	return false
}

// mergeSurnames folds a person known by one word into the one person whose full name ends
// with it, when the surname was read before the full name.
func (b *entityBuilder) mergeSurnames() {
	kept := b.list[:0]
	for _, e := range b.list {
		if p := b.surnames[e.Name]; e.Kind == "person" && p != nil && p != e && !strings.Contains(e.Name, " ") {
			p.Mentions = append(p.Mentions, e.Mentions...)
			p.Roles = append(p.Roles, e.Roles...)
			continue
		}
		kept = append(kept, e)
	}
	b.list = kept
}

// entities returns the entities in the order they were first mentioned, each with its mentions
// in text order and its other names as aliases.
func (b *entityBuilder) entities() []Entity {
	b.mergeSurnames()
	out := make([]Entity, 0, len(b.list))
	for _, e := range b.list {
		for i := range e.Roles {
			e.Roles[i].Text = b.normaliseRole(e.Roles[i].Text)
		}
		sort.SliceStable(e.Mentions, func(i, j int) bool { return e.Mentions[i].Start < e.Mentions[j].Start })
		seen := map[string]bool{e.Name: true}
		for _, m := range e.Mentions {
			if !seen[m.Text] {
				seen[m.Text] = true
				e.Aliases = append(e.Aliases, m.Text)
			}
		}
		out = append(out, *e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions[0].Start < out[j].Mentions[0].Start })
	return out
}

// RoleTitle reduces a role to the title it gives, without the places that qualify it:
// "former U.S. President" → "former President", "Russian President" → "President". A role that
// is not a title ("son-in-law of Donald Trump") gives "".
func RoleTitle(role string) string {
	var out []string
	title := false
	for _, w := range strings.Fields(role) {
		switch {
		case (demonyms[w] || demonyms[strings.TrimSuffix(w, "-based")]) && w != "State" && w != "Federal" && w != "National":
			continue
		case titleWords[w] && !honorific[w]:
			title = true
		case w == "former" || w == "then" || w == "acting" || w == "late" || w == "of" || capitalised(w):
		default:
			return ""
		}
		out = append(out, w)
	}
	if !title {
		return ""
	}
	return strings.Join(out, " ")
}

// ResolveSpeakers rewrites each quote's speaker to the person the article's entities name
// ("Putin’s" → "Vladimir Putin"), and clears a speaker that is a place or an organisation
// ("Moscow" says nothing; its officials do).
func ResolveSpeakers(quotes []crosscheck.Quote, entities []Entity) {
	byName := map[string]*Entity{}
	for i := range entities {
		e := &entities[i]
		byName[e.Name] = e
		for _, a := range e.Aliases {
			byName[a] = e
		}
		if f := strings.Fields(e.Name); e.Kind == "person" && len(f) > 1 && byName[f[len(f)-1]] == nil {
			byName[f[len(f)-1]] = e // the surname alone
		}
	}
	for i := range quotes {
		q := &quotes[i]
		name := trimPossessive(q.Speaker)
		for f := strings.Fields(name); len(f) > 1 && (compoundAdjective(f[0]) || demonyms[f[0]]); f = f[1:] {
			name = strings.Join(f[1:], " ") // "Russian-controlled Luhansk" is Luhansk
		}
		e := byName[name]
		if e == nil {
			// "Skerrin Lines chief executive Maren Holt": the person the mention ends with
			for f := strings.Fields(name); len(f) > 1 && e == nil; f = f[1:] {
				if p := byName[strings.Join(f[1:], " ")]; p != nil && p.Kind == "person" && len(f) > 2 {
					e = p
				}
			}
		}
		_, place := places[name]
		_, org := orgs[name]
		switch {
		case e != nil && e.Kind == "person":
			q.Speaker = e.Name
		case e != nil || place || org:
			q.Speaker, q.Rule = "", q.Rule+"; dropped: "+name+" is not a person"
		case name != q.Speaker:
			q.Speaker = name
		}
	}
}

// IsTitleWord reports a word that stands before a name as part of a role ("Director" in
// "Public Safety Director Jon Owen"), so that a reader can cut the role off a name.
func IsTitleWord(w string) bool { return titleWords[w] || titleWords[capitalize(w)] }

func capitalize(w string) string {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return w
	}
	return string(w[0]-'a'+'A') + w[1:]
}

// FirstNameGender is 'm' or 'f' for a common first name of one gender, else 0: "Joan" and
// "John" are two people, not two spellings of one.
func FirstNameGender(w string) byte {
	switch w = strings.ToLower(w); {
	case maleNames[w]:
		return 'm'
	case femaleNames[w]:
		return 'f'
	}
	return 0
}
