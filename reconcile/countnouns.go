package reconcile

import (
	"regexp"
	"strings"
)

// eachFromBefore is a noun of things each person sends or casts, then "from", before a
// count of people: "comments from 300,000 citizens" counts the comments, one each.
var eachFromBefore = regexp.MustCompile(`(?i)\b(comments|complaints|calls|e-?mails|messages|submissions|votes|signatures|applications)\s+from\s+(?:some\s+|about\s+|nearly\s+|more than\s+|over\s+)?$`)

// eachFrom is the noun of eachFromBefore at the end of before, in lower case, or "".
func eachFrom(before string) string {
	if m := eachFromBefore.FindStringSubmatch(before); m != nil {
		return strings.ToLower(m[1])
	}
	return ""
}
