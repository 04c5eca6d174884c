package reconcile

import (
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/entity"
)

// roleBodies moves the body a role is held in out of its titles when some articles name the
// body, in two ways or more, and others do not: "SeaMicro CEO", "chief executive of Sea Micro"
// and "CEO" are one title, CEO, of a role at SeaMicro. Where the articles that name it write
// it alike, the fuller title stands for the others (foldRoles: "UNRWA spokesman" and
// "spokesman"). A body is an organisation the article names, written
// before the office ("SeaMicro CEO"), or a name after the office ("… of Sea Micro", "… at
// SeaMicro") written so before it in another article, in other spacing or case; a portfolio
// ("Mining Minister", "Minister of Mining") is no organisation. Where every article names
// it, the titles are left as they are ("House Natural Resources Committee Chairman",
// "chairman of the House Natural Resources Committee"). It returns the claims and the body,
// "" when none was moved.
func roleBodies(claims []roleMention) ([]roleMention, string) {
	type split struct{ office, body string }
	splits := make([]split, len(claims))
	known := map[string]bool{}
	var written []string
	for i, c := range claims {
		if office, body := bodyBefore(c.title); body != "" && c.art.namesOrg(body) {
			splits[i] = split{office, body}
			known[bodyKey(body)] = true
			written = append(written, body)
		}
	}
	if len(written) == 0 {
		return claims, ""
	}
	for i, c := range claims {
		if splits[i].body != "" {
			continue
		}
		if office, body := bodyAfter(c.title); body != "" && known[bodyKey(body)] {
			splits[i] = split{office, body}
		}
	}
	forms := map[string]bool{}
	for i, s := range splits {
		if s.body != "" {
			forms[strconv.FormatBool(strings.HasPrefix(claims[i].title, s.body))+s.body] = true
		}
	}
	if !slices.ContainsFunc(splits, func(s split) bool { return s.body == "" }) || len(forms) < 2 {
		return claims, "" // every article names it, or those that do write it alike: it is part of the title
	}
	out := slices.Clone(claims)
	for i, s := range splits {
		if s.body != "" {
			out[i].title = s.office
		}
	}
	return out, mostCommonString(written)
}

// bodyBefore splits a title that opens with a name ("SeaMicro CEO") into the office and the
// name.
func bodyBefore(title string) (office, body string) {
	f := strings.Fields(title)
	k := 0
	for k < len(f)-1 && entity.IsNameWord(f[k]) && !entity.IsTitleWord(f[k]) && !entity.IsDemonym(f[k]) {
		k++
	}
	if k == 0 || k == len(f) || !entity.IsTitleWord(f[k]) && !relationHeads[strings.ToLower(f[k])] {
		return title, ""
	}
	return strings.Join(f[k:], " "), strings.Join(f[:k], " ")
}

// bodyAfter splits a title that ends in " of" or " at" a name ("chief executive of Sea
// Micro") into the office and the name.
func bodyAfter(title string) (office, body string) {
	for _, sep := range []string{" of ", " at "} {
		i := strings.LastIndex(title, sep)
		if i < 0 {
			continue
		}
		name := strings.TrimPrefix(title[i+len(sep):], "the ")
		f := strings.Fields(name)
		if len(f) == 0 || slices.ContainsFunc(f, func(w string) bool { return !entity.IsNameWord(w) }) {
			continue
		}
		return title[:i], name
	}
	return title, ""
}

// bodyKey is a body's name folded for comparing: "Sea Micro" and "SeaMicro" are one.
func bodyKey(name string) string {
	return strings.ToLower(strings.ReplaceAll(name, " ", ""))
}

// namesOrg reports an organisation of the article's entities named so.
func (a *article) namesOrg(name string) bool {
	for _, e := range a.Entities {
		if e.Kind != "org" {
			continue
		}
		if e.Name == name || slices.Contains(e.Aliases, name) || slices.ContainsFunc(e.Mentions, func(m crosscheck.Mention) bool { return m.Text == name }) {
			return true
		}
	}
	return false
}

// mostCommonString is the string given most often, the first of those given as often.
func mostCommonString(list []string) string {
	count := map[string]int{}
	best := ""
	for _, s := range list {
		count[s]++
		if count[s] > count[best] {
			best = s
		}
	}
	return best
}
