package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page furniture: the text a site puts around every article. These rules are generic (no site
// is named); what one site repeats on every page is learned from its articles instead (see
// Input.Repeated).

// furnitureLine matches a whole line (bullets stripped, lower case) that is page furniture.
var furnitureLine = regexp.MustCompile(`^(?:` + strings.Join([]string{
	`(?:last )?(?:updated?|modified|edited|published|posted)(?: on| at)?:? [^.]{0,40}(?:\d|ago)[^.]{0,30}`,
	`\d+(?:\.\d+)?\s*(?:min|mins|minutes?|hrs?|hours?)\.?\s+(?:read|reading|listen|watch)(?: time)?`,
	`(?:reading time:?\s*)?\d+\s*(?:min|mins|minutes?)`,
	`[\d,.]+\s*[km]?\s+(?:views?|reads?|comments?|shares?|likes?|reactions?)`,
	`(?:share|share (?:this|the) (?:article|story|post|page)|share on \w+|tweet|email|e-mail|print|copy link|whatsapp|facebook|twitter|linkedin|telegram|reddit)`,
	`(?:\d+\s+)?comments?|advertisement|advertisment|sponsored(?: content)?|ad|ads`,
	`(?:related|related (?:articles?|stories|news|posts|topics|content))|read more|read next|more stories|more from \w+|most (?:read|popular|viewed)|trending(?: now)?|top stories`,
	`quick reads?|view all|see all|show more|load more|more news|latest news|breaking news|editor'?s picks?`,
	`subscribe(?: now)?|sign up|sign in|log ?in|register|newsletter|follow us(?: on .{1,30})?|skip to (?:main )?content|back to top|menu|search|close`,
	`next (?:article|story|post)|previous (?:article|story|post)|you (?:may|might) also like|recommended(?: for you)?|also read:?.{0,200}|listen to this article`,
	`watch(?::|\s+(?:the|a|our|this)\s+(?:full\s+|latest\s+)?(?:video|clip|interview|ad|live|moments?|highlights|replay|speech|segment)).{0,120}`,
	`leave a (?:reply|comment)|post (?:a )?comment|cancel reply|add comment|reply`,
	`tags?:.{0,200}|topics?:.{0,120}|filed under:?.{0,120}`,
	`(?:all rights reserved|©|\(c\)|copyright).{0,120}`,
	`(?:click|tap) here.{0,80}`,
}, "|") + `)$`)

// commentForm matches comment-form and cookie text anywhere in a line.
var commentForm = regexp.MustCompile(`(?i)your email address will not be published|required fields are marked|save my name, email,? and website|you must be logged in to post|this site uses akismet|notify me of (?:new|follow-up) (?:comments|posts)|we use cookies`)

// breadcrumbItem matches one numbered breadcrumb or menu item: "1. HOME".
var breadcrumbItem = regexp.MustCompile(`^\d{1,2}\.\s+(.+)$`)

// breadcrumbTrail matches a breadcrumb on one line: "Home > World > Europe".
var breadcrumbTrail = regexp.MustCompile(`(?i)^home\s*(?:[>/»›|]\s*[^>/»›|]{1,40}){1,6}$`)

// byline matches an author line: "Author: Sophia Brooks", "By Jane Doe and John Roe".
var byline = regexp.MustCompile(`^(?i:author|authors|by|written by|words by|reporter|reported by|story by)\s*[:\-–—]?\s+((?:[\p{Lu}][\p{L}'’.\-]*\s*){1,4}(?:(?:and|&|,)\s+(?:[\p{Lu}][\p{L}'’.\-]*\s*){1,4})*)$`)

// creditLine matches a line that only credits where the text came from: "With inputs from
// agencies", "Source: Reuters". A bare "Source"/"Courtesy" needs its colon: "Sources say…" is
// a sentence.
var creditLine = regexp.MustCompile(`^(?:(?i:with inputs? from|inputs? from|with agency inputs? from|additional reporting by|reporting by|compiled by)\s+|(?i:source|sources|courtesy|credit)\s*:\s*)(.{2,80}?)\.?$`)

// breadcrumbLabel is what a breadcrumb or menu item says: a short label of words.
var breadcrumbLabel = regexp.MustCompile(`^[\p{L}][\p{L}&' -]{0,30}$`)

// gluedPhrases are furniture phrases that a careless extraction glues to the start or end of
// real text ("View AllApart from Pokrovsk").
var gluedPhrases = []string{
	"Quick Reads", "Quick Read", "View All", "See All", "Read More", "Read more", "READ MORE",
	"Advertisement", "ADVERTISEMENT", "Also Read", "Also read", "Related", "Share", "Show More",
	"Most Read", "Trending", "Top Stories", "Recommended", "Sponsored",
}

// bulletPrefix strips list bullets from the start of a line.
func bulletPrefix(s string) string {
	return strings.TrimLeft(s, "•·▪►◦‣∙*-–— \t")
}

// isFurniture reports the rule by which a whole line (already repaired) is page furniture;
// lower is the line with its ASCII letters in lower case, its lower case whole when ascii.
func isFurniture(text, lower string, ascii bool) (string, bool) {
	var plain string
	if ascii {
		plain = strings.TrimSpace(bulletPrefix(lower)) // what lower-casing the trimmed line gives
	} else {
		plain = strings.ToLower(strings.TrimSpace(bulletPrefix(text)))
	}
	plain = strings.TrimRight(plain, " :|»›>")
	switch {
	case plain == "":
		return "stray", true
	case onlyPunct(plain):
		return "stray", true
	case mayBeCommentForm(plain) && commentForm.MatchString(plain):
		return "comment-form", true
	case strings.HasPrefix(plain, "home") && breadcrumbTrail.MatchString(plain):
		return "breadcrumb", true
	case len(plain) < 240 && (fewWords(plain, 12) || hasAnyPrefix(plain, longFurniture)) && furnitureLine.MatchString(plain):
		return "furniture", true
	}
	return "", false
}

// longFurniture are the starts of the furniture lines that may run past twelve words.
var longFurniture = []string{"also read", "watch", "tags", "tag:", "topics", "topic:", "filed under", "all rights", "©", "(c)", "copyright", "click", "tap", "last ", "updated", "modified", "edited", "published", "posted"}

// commentFormWords are words one of which every commentForm match contains.
var commentFormWords = []string{"email", "required", "logged in", "akismet", "notify me", "cookies", "save my name"}

// commentFormRare are the places of the rarest letters of commentFormWords.
var commentFormRare = rarestBytes(commentFormWords)

func mayBeCommentForm(plain string) bool {
	for i, w := range commentFormWords {
		if indexByByte(plain, w, commentFormRare[i]) >= 0 {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func onlyPunct(s string) bool {
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// ungluePrefix returns how many bytes of furniture are glued to the start of text: a furniture
// phrase followed directly by a capital letter, possibly several in a row.
func ungluePrefix(text string) int {
	cut := 0
	for again := true; again; {
		again = false
		for _, p := range gluedPhrases {
			rest := text[cut:]
			if !strings.HasPrefix(rest, p) || len(rest) == len(p) {
				continue
			}
			r, _ := utf8.DecodeRuneInString(rest[len(p):])
			if unicode.IsUpper(r) || r == '“' || r == '"' {
				cut += len(p)
				again = true
				break
			}
		}
	}
	return cut
}

// unglueSuffix returns where furniture glued to the end of a sentence starts ("…done.Share"),
// or len(text) when there is none.
func unglueSuffix(text string) int {
	for _, p := range gluedPhrases {
		if !strings.HasSuffix(text, p) || len(text) == len(p) {
			continue
		}
		at := len(text) - len(p)
		r, _ := utf8.DecodeLastRuneInString(text[:at])
		if strings.ContainsRune(".!?”\"’)", r) {
			return at
		}
	}
	return len(text)
}

// isShortLabel reports whether a line is a bare label, a category or a button: a few words
// with no sentence punctuation ("WORLD", "Share"). Only used near the top and bottom of an
// article, where such labels are furniture; in the body they may be subheadings.
func isShortLabel(text string) bool {
	t := strings.TrimSpace(bulletPrefix(text))
	if t == "" {
		return true
	}
	words := strings.Fields(t)
	if len(words) > 3 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".!?:", last) {
		return false
	}
	if strings.IndexFunc(t, unicode.IsLetter) < 0 {
		return false // a figure ("1010") is content
	}
	// an upper-case category, or a line that started with a bullet
	return t == strings.ToUpper(t) || t != text
}

// wordCount counts the words of s, as strings.Fields splits them, without making the slice.
func wordCount(s string) int { return countWords(s, len(s)) }

// fewWords reports whether s has at most n words (wordCount(s) <= n), reading no further
// than the word past them.
func fewWords(s string, n int) bool { return countWords(s, n) <= n }

// countWords counts the words of s, stopping at the first past max.
func countWords(s string, max int) int {
	n, in := 0, false
	for i := 0; i < len(s) && n <= max; {
		var space bool
		if b := s[i]; b < utf8.RuneSelf {
			space = b == ' ' || b >= '\t' && b <= '\r' // unicode.IsSpace's ASCII spaces
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !in {
			n++
			in = true
		} else if space {
			in = false
		}
	}
	return n
}
