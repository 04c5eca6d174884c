package entity

import "strings"

// Gender is what an article lets us know of a person's grammatical gender, so that "she"
// does not resolve to the last man named: from an honorific or a role noun seen with the
// name, a first name of one gender (firstnames.go, generated from public name lists), or the
// pronouns that follow the name in the article.

//go:generate go run gen_firstnames.go

// FirstNameGender is 'm' or 'f' for a common first name of one gender, else 0: "Joan" and
// "John" are two people, not two spellings of one.
func FirstNameGender(w string) byte {
	switch w = strings.ToLower(w); {
	case maleNames[w]:
		return 'm'
	case femaleNames[w]:
		return 'f'
	}
	return 0
}
