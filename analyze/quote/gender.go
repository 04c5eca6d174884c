package quote

import (
	"github.com/crosscheck/crosscheck/analyze/entity"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// maleWords and femaleWords are honorifics and role nouns of one gender.
var maleWords = lex.WordSet(`mr mr. sir congressman spokesman chairman businessman husband father son brother
uncle king prince lord councilman`)

var femaleWords = lex.WordSet(`mrs mrs. ms ms. miss madam congresswoman spokeswoman chairwoman businesswoman wife
mother daughter sister aunt queen princess lady councilwoman`)

// genderOf is 'm', 'f' or 0 for a person named with these words, seen with these role words
// and followed by pronouns of these genders (counts of 'm' and 'f').
func genderOf(name []string, roles map[string]bool, pronounsSeen map[byte]int) byte {
	m, f := 0, 0
	for r := range roles {
		switch {
		case maleWords[r]:
			m++
		case femaleWords[r]:
			f++
		}
	}
	switch {
	case m > 0 && f == 0:
		return 'm'
	case f > 0 && m == 0:
		return 'f'
	}
	for len(name) > 1 && roleWord(name[0]) {
		name = name[1:] // "Rev Billy Graham": the first name follows the title
	}
	if len(name) >= 2 {
		if g := entity.FirstNameGender(name[0]); g != 0 {
			return g
		}
	}
	switch pm, pf := pronounsSeen['m'], pronounsSeen['f']; {
	case pm > pf:
		return 'm'
	case pf > pm:
		return 'f'
	}
	return 0
}

// genderPronouns are the pronouns that tell the gender of the person they stand for.
var genderPronouns = map[string]byte{"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
	"she": 'f', "her": 'f', "hers": 'f', "herself": 'f'}
