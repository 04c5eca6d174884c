package number

import (
	"regexp"
	"strings"
)

// scareQuoted is a word in quotation marks between a figure and the noun it counts: the 200
// `"made" or inducted soldiers`, three “spiritual” wives. Groups: 1 the opening mark, 2 the
// closing one.
var scareQuoted = regexp.MustCompile(`\d\s+(["“'‘])[A-Za-z-]+(["”'’])\s+[A-Za-z]`)

// unquoteModifiers writes the marks of scare-quoted modifiers after figures (scareQuoted) as
// spaces, byte for byte, so that the figure's noun is read past them with the text's offsets
// kept; a text without any is returned as it is.
func unquoteModifiers(text string) string {
	if !figureBeforeMark(text) {
		return text
	}
	ms := scareQuoted.FindAllStringSubmatchIndex(text, -1)
	if ms == nil {
		return text
	}
	b := []byte(text)
	for _, m := range ms {
		for _, g := range [][2]int{{m[2], m[3]}, {m[4], m[5]}} {
			copy(b[g[0]:g[1]], strings.Repeat(" ", g[1]-g[0]))
		}
	}
	return string(b)
}

// figureBeforeMark reports a digit, white space and an opening mark of scareQuoted: a text
// without one holds no scare-quoted modifier, and is not searched for one.
func figureBeforeMark(text string) bool {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '"', '\'':
		case 0xE2: // the first byte of “ and ‘, read further only there
			if !strings.HasPrefix(text[i:], "“") && !strings.HasPrefix(text[i:], "‘") {
				continue
			}
		default:
			continue
		}
		if figureSpacedBefore(text, i) {
			return true
		}
	}
	return false
}

// figureSpacedBefore reports a digit and white space right before i.
func figureSpacedBefore(text string, i int) bool {
	j := i
	for j > 0 && isSpaceByte(text[j-1]) {
		j--
	}
	return j < i && j > 0 && text[j-1] >= '0' && text[j-1] <= '9'
}
