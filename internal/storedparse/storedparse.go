// Package storedparse gives an article the parse analysis stored with it until it left the
// parsing to reports: the tests of stores made before read articles that carry one.
package storedparse

import (
	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/syntax"
)

// Add tags and parses each of the article's sentences over its tokens and keeps the parse
// token by token in a.Syntax, as analysis did. A token that no sentence holds whole is left
// unparsed.
func Add(a *crosscheck.Article) {
	a.Syntax = make([]crosscheck.TokenSyntax, len(a.Tokens))
	var words []string
	k := 0
	for _, sp := range a.Sentences {
		for k < len(a.Tokens) && a.Tokens[k][0] < sp[0] {
			k++
		}
		first := k
		words = words[:0]
		for ; k < len(a.Tokens) && a.Tokens[k][1] <= sp[1]; k++ {
			words = append(words, a.Text[a.Tokens[k][0]:a.Tokens[k][1]])
		}
		if len(words) > 0 {
			syntax.AnalyzePacked(words, a.Syntax[first:k])
		}
	}
}
