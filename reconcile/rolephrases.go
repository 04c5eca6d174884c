package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/entity"
)

// A roleMention is one role an article gives a person, where it gives it.
type roleMention struct {
	art        *article
	title      string // as the report shows it (roleText)
	start, end int
	indefinite bool // "a vice president of X": one of several, not the office
}

// rolesOf returns the roles article a gives person e: those analysis found, and those read
// here from the words after each mention of the name — an apposition ("Andrew
// Wetzler, director of the NRDC's program,"), two roles joined in one ("executive vice
// president of Defenders of Wildlife and former director of the Fish and Wildlife
// Service"). Where both read one place, the reading here stands.
func (a *article) rolesOf(e crosscheck.Entity) []roleMention {
	var read []roleMention
	for _, m := range e.Mentions {
		read = append(read, a.appositionRoles(m)...)
	}
	out := read
	for _, r := range e.Roles {
		if overlapsAny(read, r.Start, r.End) {
			continue
		}
		for _, p := range splitRoles(r.Text) {
			if t := roleText(p.text); t != "" {
				start := r.Start + p.start
				out = append(out, roleMention{art: a, title: t, start: start, end: start + len(p.text), indefinite: indefiniteRole(p.text)})
			}
		}
	}
	return out
}

func overlapsAny(list []roleMention, start, end int) bool {
	for _, r := range list {
		if start < r.end && r.start < end {
			return true
		}
	}
	return false
}

func indefiniteRole(text string) bool {
	f := strings.Fields(strings.ToLower(text))
	return len(f) > 0 && (f[0] == "a" || f[0] == "an")
}

// Before an apposition a name may carry a party tag or the place it stands for: "Rep. Nick
// Rahall (D) of West Virginia, the chairman of …", "Rep. Nick Rahall, D-W.Va., the chairman".
var (
	nameTail  = mustGate(`^(?:\s*\([^()]{1,20}\))?(?:\s+of\s+(?:\p{Lu}[\p{L}.'’-]*\s*)+)?`)
	partyTag  = mustGate(`^[DRI](?:-[A-Z][\p{L}.]*)?\.?$`)
	roleStops = mustGate(`[,;:()“”"]|\s[-–—]\s|\s(?:said|says|told|who|which|whose|that|has|have|had|is|was|were|will|would)\s`)
	// spacedHyphen is a hyphen inside a word written apart, as some text is tokenised: "co - founder".
	spacedHyphen = mustGate(`^\p{Ll}+ - \p{Ll}`)
	hyphenApart  = mustGate(`(\p{Ll}) - (\p{Ll})`)
)

// roleStop returns where a role's words end in seg: at a clause's punctuation or verb, or a
// dash that is no hyphen written apart ("co - founder"); -1 when they run to its end.
func roleStop(seg string) int {
	for from := 0; ; {
		loc := roleStops.FindStringIndex(seg[from:])
		if loc == nil {
			return -1
		}
		at := from + loc[0]
		if strings.HasPrefix(seg[at:], " - ") && spacedHyphen.MatchString(seg[max(0, at-lastWordLen(seg[:at])):min(len(seg), at+4)]) {
			from = at + 3
			continue
		}
		return at
	}
}

// lastWordLen is the length of the word s ends in.
func lastWordLen(s string) int {
	return len(s) - strings.LastIndexAny(s, " ") - 1
}

// maxRoleWords bounds an apposition read as a role: a longer one is a clause.
const maxRoleWords = 16

// appositionRoles reads the roles an apposition after mention m gives: ", (a|the) ROLE," up
// to the next comma or the end of the sentence, each of two roles it joins by "and" on its
// own. A segment that is a party tag ("D-W.Va.") is passed over.
func (a *article) appositionRoles(m crosscheck.Mention) []roleMention {
	i := a.sentenceAt(m.Start)
	if i < 0 {
		return nil
	}
	end := a.sentences[i].span[1]
	at := m.End
	if loc := nameTail.FindStringIndex(a.Text[at:end]); loc != nil {
		at += loc[1]
	}
	for range 2 {
		if !strings.HasPrefix(a.Text[at:end], ", ") {
			return nil
		}
		at += 2
		seg := a.Text[at:end]
		if k := roleStop(seg); k >= 0 {
			seg = seg[:k]
		}
		seg = strings.TrimRight(seg, ". ")
		if partyTag.MatchString(seg) {
			at += len(seg)
			continue
		}
		if f := strings.Fields(seg); len(f) == 0 || len(f) > 2*maxRoleWords || clauseOpeners[strings.ToLower(f[0])] {
			return nil // "who was stabbed to death while working as a corrections officer"
		}
		var out []roleMention
		for _, p := range splitRoles(seg) {
			if len(strings.Fields(p.text)) > maxRoleWords {
				continue
			}
			if t := roleText(p.text); t != "" {
				out = append(out, roleMention{art: a, title: t, start: at + p.start, end: at + p.start + len(p.text), indefinite: indefiniteRole(p.text)})
			}
		}
		return out
	}
	return nil
}

// clauseOpeners open a clause, not a role: ", who was …", ", was stabbed …".
var clauseOpeners = map[string]bool{"who": true, "whom": true, "which": true, "whose": true, "that": true,
	"when": true, "where": true, "was": true, "is": true, "were": true, "are": true, "has": true, "had": true,
	"have": true, "and": true, "but": true, "said": true, "says": true, "according": true, "also": true}

type rolePart struct {
	text  string
	start int
}

// splitRoles splits a phrase at an "and" that joins two roles, each with its own words: the
// first has a complement of its own or is no office ("a biodiversity expert and director of
// …"), and the second opens as a role does. "Founder and CEO of the clinic" is one role.
func splitRoles(seg string) []rolePart {
	for k := 0; ; {
		j := strings.Index(seg[k:], " and ")
		if j < 0 {
			return []rolePart{{seg, 0}}
		}
		j += k
		left, right := seg[:j], seg[j+5:]
		first := strings.Fields(hyphenApart.ReplaceAllString(right, "$1-$2"))
		opens := len(first) > 0 && (entity.IsTitleWord(first[0]) || rolesOpeners[strings.ToLower(first[0])] || isRelation(first[0]))
		if opens && (strings.Contains(left, " of ") || strings.Contains(left, " for ") || roleText(left) == "" || officeAndRelation(left, right)) {
			rest := splitRoles(right)
			for i := range rest {
				rest[i].start += j + 5
			}
			return append([]rolePart{{left, 0}}, rest...)
		}
		k = j + 5
	}
}

// officeAndRelation reports an office and a relation to the body joined without a complement
// of their own, in either order: "CEO and co-founder" is the CEO and a co-founder, where
// "president and CEO" is one title and "founder and CEO of the clinic" one role of the clinic.
func officeAndRelation(left, right string) bool {
	if strings.Contains(right, " of ") || strings.Contains(right, " for ") || strings.Contains(right, " at ") {
		return false
	}
	last := func(p string) string {
		f := strings.Fields(hyphenApart.ReplaceAllString(p, "$1-$2"))
		if len(f) == 0 {
			return ""
		}
		return f[len(f)-1]
	}
	return isRelation(last(left)) != isRelation(last(right)) && roleText(left) != "" && roleText(right) != ""
}

// isRelation reports a word that names what someone is to a body rather than an office held in
// it: its founder or owner.
func isRelation(w string) bool {
	w = strings.ToLower(w)
	return w == "founder" || w == "co-founder" || w == "cofounder" || w == "owner"
}

// rolesOpeners open a second role after "and": "and a vice president of …", "and former
// director of …".
var rolesOpeners = map[string]bool{"a": true, "an": true, "the": true, "former": true, "director": true,
	"president": true, "chairman": true, "chair": true, "founder": true, "head": true}
