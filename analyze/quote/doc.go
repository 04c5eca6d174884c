// Package quote finds an article's direct quotes — by their quote marks: straight, curly, low,
// guillemets and pre-tokenised pairs of backticks and apostrophes — and attributes each to its
// speaker through a cascade of attribution rules: a cue verb and a name after or before the
// quote, a name and a colon, a pronoun resolved to the last person of its gender, the
// sentence's subject. It is rules of our own, values in and values out, no I/O; every quote
// carries its character offsets, its cue and the rule that produced its speaker.
package quote
