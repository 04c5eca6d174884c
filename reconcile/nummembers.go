package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Members of a group. The size of a body of people the story is about — a crime family, a
// party, a union — is told as its members ("some 300 members of the family") or as the
// people it has ("the family's 200 soldiers"): one count, of members, whatever the noun. A
// story seldom tells two sizes of one such body, so two of them are rival values however
// little their sentences share. The body must be the one the story knows ("the family"): "12
// of one family", "members of an extended family" count other families.

// groupNouns are the nouns of organised bodies of people.
var groupNouns = wordSet("family clan gang mob syndicate cartel party union sect church congregation tribe militia club team crew band army network organization organisation group")

// groupPossessive ends the text before a figure with a body's possessive: "the family's",
// "the Genovese family's". Group 1 is the body's noun.
var groupPossessive = mustGate(`(?i)\bthe\s+(?:[\pL-]+\s+)?(\pL+)['’]s\s+$`)

// ofTheGroup ends a count's text with the body it is of: "300 members of the family". Group 1
// is the body's noun.
var ofTheGroup = mustGate(`(?i)\bof\s+the\s+(?:[\pL-]+\s+)?(\pL+)$`)

// asMembers reads a count of people that is the size of a known body (see above) as a count
// of its members, keeping its label: r.group is the body.
func asMembers(r *reading, n crosscheck.Number, before string) {
	if r.kind != "count" || r.verb != "" || !countsPeople(*r) && r.thing != "member" {
		return // "12 members of the family were killed" is a toll, not the family's size
	}
	group := ""
	if m := groupPossessive.FindStringSubmatch(before); m != nil {
		group = strings.ToLower(m[1])
	} else if m := ofTheGroup.FindStringSubmatch(n.Text); m != nil && r.thing == "member" {
		group = strings.ToLower(m[1])
	}
	if !groupNouns[group] {
		return
	}
	r.group, r.thing, r.unit = group, "member", "member"
	r.word = "members of " + group
}

// groupSizes reports two sets of counts that are, most of each, sizes of one body (asMembers).
func groupSizes(a, b []claim) bool {
	group := func(c claim) string { return c.read.group }
	g := mostCommon(a, group)
	return g != "" && g == mostCommon(b, group)
}

// numberRivals reports two sets of counts that are rival values of one figure whatever their
// sentences share: sizes of one crowd (crowdCounts) or of one body (groupSizes).
func numberRivals(a, b []claim) bool {
	return crowdCounts(a, b) || groupSizes(a, b)
}
