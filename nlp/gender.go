package nlp

import "strings"

// Gender is what an article lets us know of a person's grammatical gender, so that "she"
// does not resolve to the last man named: from a first name, an honorific or a role noun.

// maleNames and femaleNames are common English first names of one gender.
var maleNames = wordSet(`aaron adam alan albert alex alexander andrew andy anthony antonio arthur barack barry
ben benjamin bernie bill billy bob bobby brad bradley brandon brian bruce carl carlos charles charlie chris
christopher chuck clarence craig dan daniel danny dave david dennis dick don donald doug douglas dwight earl
ed eddie edward elijah eric ernest eugene frank fred frederick gary gene george gerald glenn gordon greg
gregory harold harry henry howard ian isaac jack jacob jake james jason jeb jeff jeffrey jeremy jerry jesse
jim jimmy joe joel john johnny jon jonathan jordan jose joseph josh joshua juan justin keith ken kenneth
kevin kyle larry lawrence leon lindsey louis luis lyndon marco mark martin matt matthew max michael mike
mitch mitt nathan neil nick nicholas newt oliver patrick paul pete peter phil philip ralph rand randy ray
raymond reince richard rick ricky rob robert roger ron ronald roy rudy russell ryan sam samuel scott sean
sergei stephen steve steven ted terry thomas tim timothy todd tom tony travis trey vladimir walter wayne
william willie`)

var femaleNames = wordSet(`abigail alice alicia allison amanda amy andrea angela ann anna anne barbara betsy
betty beverly brenda carly carol caroline catherine cathy cheryl christina christine cindy claire condoleezza
cynthia dana deborah debbie debra denise diana diane donna doris dorothy elaine elena elizabeth ellen emily
emma evelyn frances gloria grace hannah heather helen hillary ivanka jacqueline jane janet janice jean
jennifer jessica jill joan joanne joni judith judy julia julie karen kate katherine kathleen kathy katie
kelly kellyanne kimberly kirsten laura lauren linda lisa lori louise madeleine margaret maria marie marilyn
martha mary megan megyn melania melissa michelle mika nancy natalie nicole nikki olivia pamela patricia
paula rachel rebecca rose ruth sally samantha sandra sara sarah sharon shirley stephanie susan susana
tammy teresa theresa tulsi valerie victoria virginia wendy`)

// maleWords and femaleWords are honorifics and role nouns of one gender.
var maleWords = wordSet(`mr mr. sir congressman spokesman chairman businessman husband father son brother
uncle king prince lord`)

var femaleWords = wordSet(`mrs mrs. ms ms. miss madam congresswoman spokeswoman chairwoman businesswoman wife
mother daughter sister aunt queen princess lady`)

// genderOf is 'm', 'f' or 0 for a person named with these words and seen with these role words.
func genderOf(name []string, roles map[string]bool) byte {
	for r := range roles {
		switch {
		case maleWords[r]:
			return 'm'
		case femaleWords[r]:
			return 'f'
		}
	}
	if len(name) < 2 {
		return 0
	}
	first := strings.ToLower(name[0])
	switch {
	case maleNames[first]:
		return 'm'
	case femaleNames[first]:
		return 'f'
	}
	return 0
}
