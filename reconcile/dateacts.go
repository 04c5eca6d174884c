package reconcile

// Outlets tell one act with different verbs: "was arrested", "was detained", "was caught";
// "was built", "was constructed"; "announced", "unveiled". A date of one is a date of the
// others, so the dates' verbs compare by the act they tell.

// actClasses are the acts news most often dates, each with the verbs that tell it, as
// verbStem reads them (a past form in "-ed" or one of irregularPast). Verbs of several acts
// ("found", "passed", "took") are in none.
var actClasses = map[string][]string{
	"arrest":   {"arrested", "detained", "captured", "caught", "apprehended", "nabbed"},
	"build":    {"built", "constructed", "erected"},
	"found":    {"founded", "established"},
	"announce": {"announced", "unveiled", "introduced", "launched"},
	"convict":  {"convicted"}, // a sentence is another act, often of another day
}

// actOfVerb is the act each verb stem tells, for the verbs of actClasses and of actVerbs.
var actOfVerb = func() map[string]string {
	out := map[string]string{}
	for act, verbs := range actClasses {
		for _, v := range verbs {
			out[verbStem(v)] = act
		}
	}
	return out
}()

// oneAct reports two verb stems that tell one act: the same verb, or two verbs of one act.
func oneAct(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if k := actOfVerb[a]; k != "" && k == actOfVerb[b] {
		return true
	}
	k := actVerbs[a]
	return k != "" && k == actVerbs[b]
}

// actKey is the key a verb stem's dates are grouped under: its act, else the verb itself.
func actKey(v string) string {
	if k := actOfVerb[v]; k != "" {
		return "act:" + k
	}
	if k := actVerbs[v]; k != "" {
		return "act:" + k
	}
	return v
}

// actsMeet reports two sets of claims whose verbs tell one act (see oneAct).
func actsMeet(a, b []claim) bool {
	for _, x := range a {
		for _, y := range b {
			if oneAct(x.verb, y.verb) {
				return true
			}
		}
	}
	return false
}
