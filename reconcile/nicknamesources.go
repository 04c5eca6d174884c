package reconcile

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// The name a nickname is short for: `nicknamed "Chin" - short for "Vincenzo"`, `Born Vincenzo,
// he was called "Chin" for short`, `his mother addressed him as "Cincenzo," and his friends
// shortened that into his nickname, "Chin"`. The names two articles or more give one nickname's
// source agree, or, when they differ, conflict.

const (
	nickQuote = `["“”'‘’]`
	nickWord  = `(\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*)` // a capitalised word, no acronym
)

// nicknameSources match a nickname and the name it shortens, each with the group of the
// nickname first and of the name second.
var nicknameSources = []struct {
	re         *gatedRegexp
	nick, name int
}{
	// "Chin" - short for "Vincenzo"; Bobby, short for Robert
	{mustGate(nickQuote + `?` + nickWord + nickQuote + `?\s*(?:[-–—,(]\s*)?(?:is\s+|was\s+)?short for\s+` + nickQuote + `?\s*` + nickWord), 1, 2},
	// Born Vincenzo, he was called "Chin" for short
	{mustGate(`\b[Bb]orn\s+` + nickWord + `,\s+(?:he|she)\s+was\s+(?:called|known as|nicknamed)\s+` + nickQuote + `?\s*` + nickWord + `\s*` + nickQuote + `?,?\s+for short`), 2, 1},
	// addressed him as "Cincenzo," … shortened that into his lifelong nickname, "Chin"
	{mustGate(nickQuote + `\s*` + nickWord + `\s*,?\s*` + nickQuote + `[^.;]{0,120}?\bshortened\s+(?:that|it|this|the name)\s+(?:in)?to\b[^.;]{0,60}?` + nickQuote + `\s*` + nickWord), 2, 1},
}

// nicknameSource is one article's word on the name a nickname is short for.
type nicknameSource struct {
	art        *article
	nick, name string
	start, end int // the name
}

// nicknameSourceFacts aligns the names the articles give nicknames' sources, one per article
// and nickname.
func (s *story) nicknameSourceFacts() []crosscheck.Fact {
	var all []nicknameSource
	for _, a := range s.arts {
		for _, r := range nicknameSources {
			for _, m := range r.re.FindAllStringSubmatchIndex(a.Text, -1) {
				nick, name := a.Text[m[2*r.nick]:m[2*r.nick+1]], a.Text[m[2*r.name]:m[2*r.name+1]]
				if strings.EqualFold(nick, name) {
					continue
				}
				all = append(all, nicknameSource{a, nick, name, m[2*r.name], m[2*r.name+1]})
			}
		}
	}
	keys, byNick := groupInOrder(all, func(n nicknameSource) string { return strings.ToLower(n.nick) })
	var out []crosscheck.Fact
	for _, k := range keys {
		var arts []*article
		var stated []statedValue
		for _, n := range byNick[k] {
			if slices.Contains(arts, n.art) {
				continue // an article's first word on it
			}
			arts = append(arts, n.art)
			stated = append(stated, statedValue{n.art, strings.ToLower(n.name), n.name, n.start, n.end})
		}
		if len(arts) < 2 {
			continue
		}
		f := factOfValues("name the nickname "+byNick[k][0].nick+" is short for", "name", stated)
		out = append(out, f)
	}
	return out
}
