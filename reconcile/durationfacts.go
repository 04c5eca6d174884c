package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

var (
	// addedBefore and addedAfter find time added to a sentence: "adding three years to his
	// sentence", "three more years were added to his prison term".
	addedBefore = mustGate(`(?i)\badd(?:ed|ing|s)?\s+(?:(?:another|a further|an extra)\s+)?$`)
	addedTo     = mustGate(`(?i)^\s*(?:of\s+\w+\s+)?to\s+(?:his|her|their|the)\s+(?:prison\s+|jail\s+)?(?:sentence|term)\b`)
	addedAfter  = mustGate(`(?i)^\s*(?:were|was|had been|have been|would be|will be)\s+added\s+to\s+(?:his|her|their|the)\s+(?:prison\s+|jail\s+)?(?:sentence|term)\b`)
	// sentencedTo is a sentence passed: "was sentenced to seven years", "sentencing Gigante to
	// 12 years", "a sentence of 12 years".
	sentencedTo = mustGate(`(?i)\bsentenc(?:ed|ing)\s+(?:\p{L}+\s+){0,2}to\s+(?:a\s+)?(?:another\s+)?$|\bsentence\s+of\s+$`)
)

// sentenceThing is what a length of time in a court's sentence is: the time added to a
// sentence ("adding three years to his sentence"), a sentence ("sentenced to seven years"),
// or "".
func sentenceThing(ctx numberContext) string {
	switch {
	case addedBefore.MatchString(ctx.before) && addedTo.MatchString(ctx.after) || addedAfter.MatchString(ctx.after):
		return "time added to the sentence"
	case sentencedTo.MatchString(ctx.before):
		return "sentence"
	}
	return ""
}

// onACharge is a length of time a battery lasts: "eight hours on a single charge", "up to
// 8 hours of use on a full charge cycle".
var onACharge = mustGate(`(?i)^\s*(?:\(|,)?\s*on\s+(?:a|one)\s+(?:single\s+|full\s+)?charge\b`)

// batteryThing is what a length of time is of when a battery lasts it: the battery life.
func batteryThing(n crosscheck.Number, ctx numberContext) string {
	if onACharge.MatchString(ctx.after) || n.Counted == "life" && strings.HasSuffix(strings.ToLower(n.Text), "battery life") {
		return "battery life"
	}
	return ""
}
