package reconcile

import "slices"

// ledeDays files the days the articles' first sentences give with one fact: a news story's
// lede tells its event and the day of it ("A fire-bomb attack on a bank in Greece killed at
// least three people Wednesday", "Riots … engulfed the streets of Athens on Wednesday",
// "Greeks … threw petrol bombs at a bank in Athens on Wednesday"), whatever verb each outlet
// tells it with. The ledes of two articles or more that give one day join the fact that holds
// most of them, leaving the fact they were in (which is dropped when it is left with one
// article); a lede whose article that fact holds already stays where it is. Ledes of different
// days are not joined: coverage of several days gives several days.
func ledeDays(claims []claim, facts [][]claim) [][]claim {
	byValue := map[float64][]claim{}
	var order []float64
	for _, c := range claims {
		if c.sentence != 0 || slices.ContainsFunc(byValue[c.value], func(o claim) bool { return o.art == c.art }) {
			continue
		}
		if byValue[c.value] == nil {
			order = append(order, c.value)
		}
		byValue[c.value] = append(byValue[c.value], c)
	}
	type seat struct {
		art   *article
		start int
	}
	home := map[seat]int{} // the fact each claim is in
	for i, f := range facts {
		for _, c := range f {
			home[seat{c.art, c.start}] = i
		}
	}
	for _, v := range order {
		ledes := byValue[v]
		if !severalArticles(ledes) {
			continue
		}
		held := map[int]int{}
		to := -1
		for _, c := range ledes {
			if i, ok := home[seat{c.art, c.start}]; ok {
				held[i]++
				if to < 0 || held[i] > held[to] || held[i] == held[to] && i < to {
					to = i
				}
			}
		}
		if to < 0 {
			facts = append(facts, slices.Clone(ledes))
			continue
		}
		for _, c := range ledes {
			if slices.ContainsFunc(facts[to], func(o claim) bool { return o.art == c.art }) {
				continue
			}
			if i, ok := home[seat{c.art, c.start}]; ok {
				facts[i] = slices.DeleteFunc(slices.Clone(facts[i]), func(o claim) bool { return o.art == c.art && o.start == c.start })
			}
			facts[to] = append(facts[to], c)
			home[seat{c.art, c.start}] = to
		}
	}
	return slices.DeleteFunc(facts, func(f []claim) bool { return len(f) == 0 || !severalArticles(f) })
}
