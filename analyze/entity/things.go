package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names of things that are no one's: a storm or a war, a publication, a known body named
// after the person who led it.

// eventOpeners open the names of storms and operations: "Hurricane Katrina", "Typhoon Haiyan",
// "Operation Cast Lead".
var eventOpeners = map[string]bool{"Hurricane": true, "Typhoon": true, "Cyclone": true, "Tropical": true,
	"Operation": true, "Battle": true, "Siege": true}

// eventWords stand inside the names of wars and uprisings: "World War II", "Gulf War".
var eventWords = map[string]bool{"War": true, "Wars": true, "Revolution": true, "Uprising": true, "Intifada": true}

// honourHeads end the names of honours: "Nobel Prize", "MacArthur Fellowship".
var honourHeads = map[string]bool{"Award": true, "Awards": true, "Prize": true, "Prizes": true, "Fellowship": true,
	"Medal": true, "Trophy": true, "Scholarship": true}

// namedEvent reports the name of a storm, a war or an operation.
func namedEvent(words []string) bool {
	if len(words) < 2 {
		return false
	}
	if eventOpeners[words[0]] {
		return true
	}
	for _, w := range words {
		if eventWords[w] {
			return true
		}
	}
	return false
}

// orgAtEnd returns the known body a name of several words ends in, after the name of who led
// it ("Nixon White House", "Obama White House"), or "".
func orgAtEnd(words []string) string {
	for i := 1; i < len(words); i++ {
		if c, ok := orgs[strings.Join(words[i:], " ")]; ok {
			return c
		}
	}
	return ""
}

// bodyNouns follow the name of a publication or a body in lower case: "Vanity Fair magazine",
// "a Vanity Fair article", "the Weather Underground movement".
var bodyNouns = []string{"magazine", "newspaper", "article", "editorial", "columnist", "cover story",
	"movement", "group", "organization", "organisation"}

// spacedBodyNouns are bodyNouns after their space, as bodyNounSpaces looks for them.
var spacedBodyNouns = func() []string {
	out := make([]string, len(bodyNouns))
	for i, n := range bodyNouns {
		out[i] = " " + n
	}
	return out
}()

// publication reports a name the text writes before a noun of publishing or of a body, as the
// name of the publication or the body. It is asked for every mention of a name, so the answer is
// kept by name, and the places where such a noun follows a space are found once for the text: a
// text that repeats a name thousands of times is not read once for each of them.
func (b *entityBuilder) publication(name string) bool {
	if found, ok := b.publications[name]; ok {
		return found
	}
	if b.publications == nil {
		b.publications = map[string]bool{}
		b.bodyNounSpaces = bodyNounSpaces(b.text)
	}
	found := false
	for _, sp := range b.bodyNounSpaces {
		if !strings.HasSuffix(b.text[:sp], name) {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(b.text[:sp-len(name)]); !unicode.IsLetter(r) {
			found = true
			break
		}
	}
	b.publications[name] = found
	return found
}

// bodyNounSpaces returns the offsets of the spaces that stand before one of bodyNouns ending
// where a word ends ("… Vanity Fair magazine," gives the space before "magazine").
func bodyNounSpaces(text string) []int {
	var out []int
	for _, n := range spacedBodyNouns {
		for from := 0; ; {
			k := strings.Index(text[from:], n)
			if k < 0 {
				break
			}
			k += from
			from = k + 1
			if r, _ := utf8.DecodeRuneInString(text[k+len(n):]); !unicode.IsLetter(r) {
				out = append(out, k)
			}
		}
	}
	return out
}

// TitleSpelling returns the title a capitalised word misspells by one letter ("Marshall" →
// "Marshal", "Cheif" → "Chief"), or "". A title's plural ("Senators") and abbreviations are no
// misspelling of it, nor is a word of fewer than six letters or one that heads a body's or a
// place's name ("Office", not "Officer").
func TitleSpelling(w string) string {
	if len(w) < 6 || titleWords[w] || !capitalised(w) || orgHeads[w] || placeHeads[w] || stopCaps[w] {
		return ""
	}
	for t := range titleWords {
		if len(t) < 5 || strings.HasSuffix(t, ".") || t[0] != w[0] || w == t+"s" || w == t+"es" {
			continue
		}
		if oneEditApart(w, t) {
			return t
		}
	}
	return ""
}

// oneEditApart reports two words one letter added, dropped or changed apart.
func oneEditApart(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return i < len(a) && a[i+1:] == b[i+1:]
	}
	return a[i+1:] == b[i:]
}
