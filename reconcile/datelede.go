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
	at := func(c claim) (int, int) {
		for i, f := range facts {
			if j := slices.IndexFunc(f, func(o claim) bool { return o.art == c.art && o.start == c.start }); j >= 0 {
				return i, j
			}
		}
		return -1, -1
	}
	for _, v := range order {
		ledes := byValue[v]
		if !severalArticles(ledes) {
			continue
		}
		held := map[int]int{}
		home := -1
		for _, c := range ledes {
			if i, _ := at(c); i >= 0 {
				held[i]++
				if home < 0 || held[i] > held[home] || held[i] == held[home] && i < home {
					home = i
				}
			}
		}
		if home < 0 {
			facts = append(facts, slices.Clone(ledes))
			continue
		}
		for _, c := range ledes {
			if slices.ContainsFunc(facts[home], func(o claim) bool { return o.art == c.art }) {
				continue
			}
			if i, j := at(c); i >= 0 {
				facts[i] = slices.Delete(slices.Clone(facts[i]), j, j+1)
			}
			facts[home] = append(facts[home], c)
		}
	}
	return slices.DeleteFunc(facts, func(f []claim) bool { return !severalArticles(f) })
}
