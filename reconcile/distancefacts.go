package reconcile

import (
	"github.com/crosscheck/crosscheck"
)

// away: a distance counted in things along the way, "three doors away", "five buildings
// away", "three houses from the scene": how far one place is from another, not a count of
// doors. Lengths in miles or metres are measures.
func away(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	noun := n.Unit
	if noun == "" || n.Counted != "" || measureUnits[noun] != "" || n.Value != float64(int(n.Value)) {
		return false
	}
	if _, ok := streetUnits[noun+"e"]; ok {
		noun += "e" // analysis writes "houses" as "hous", as it writes "buses" as "bus"
	}
	class, streetUnit := streetUnits[noun]
	if !awayAfter.MatchString(ctx.after) && !(streetUnit && fromAfter.MatchString(ctx.after) && a.verbByParse(n.Start) == "") {
		return false // "bought three houses from the bank": the houses are what was bought
	}
	if !streetUnit {
		class = noun
	}
	r.kind, r.unit, r.thing = "distance", class, "distance"
	r.label = figureLabel(n.Value) + " " + plural(noun, n.Value) + " away"
	return true
}

var (
	awayAfter = mustGate(`^\s*away\b`)
	fromAfter = mustGate(`^\s+(?:down\s+|up\s+)?from\s+(?:the|a|an|his|her|their|its)\b`)
)

// streetUnits are the things a distance along a street is counted in, by the measure they
// stand for: a door, a house or a building is one building further.
var streetUnits = map[string]string{"door": "building", "house": "building", "home": "building", "building": "building",
	"apartment": "building", "block": "block", "street": "street", "lot": "building"}
