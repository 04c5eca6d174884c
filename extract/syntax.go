package extract

import (
	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/syntax"
)

// parse tags and parses each of the article's sentences over its tokens and stores the parse
// token by token in a.Syntax. A token that no sentence holds whole is left unparsed.
func parse(a *crosscheck.Article) {
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
