package engine

import "strings"

// The treebank writes quotes mostly as " and ', dashes as - and --; news text prints curly
// quotes, guillemets and em or en dashes. Normalise maps a word to the treebank's spelling so
// both read the same to the models.
var normaliser = strings.NewReplacer(
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "``", `"`, "''", `"`,
	"\u00ab", `"`, "\u00bb", `"`,
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'", "`", "'",
	"\u2014", "--", "\u2013", "--", "\u2015", "--", "\u2012", "-", "\u2010", "-", "\u2011", "-", "\u2212", "-",
	"\u2026", "...",
	"\u00a0", " ",
)

// Normalise is word as the models read it.
func Normalise(word string) string {
	for i := 0; i < len(word); i++ {
		if word[i] >= 0x80 || word[i] == '`' || word[i] == '\'' {
			return normaliser.Replace(word)
		}
	}
	return word
}
