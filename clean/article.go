package clean

import (
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Input is what cleaning needs to know of one article.
type Input struct {
	Text        string // the decoded source text, one paragraph or more a line
	Title       string // the title the metadata gives; empty to find it in the text
	TitleInText bool   // the first line of Text may be the title (plain-text files)
	Author      string // the author the metadata gives
	// Repeated reports whether a line (in Fold form) is one the article's site prints on many
	// of its pages. It may be nil.
	Repeated func(folded string) bool
}

// Result is one clean article.
type Result struct {
	Title   string
	Author  string
	Site    string   // an outlet the text names as itself ("Axar.az informs")
	Credits []string // outlets the text cites
	Text    string   // paragraphs separated by a blank line
	Lines   []string // short lines (kept, or removed as site repeats) in Fold form, for learning what a site repeats
	Offsets crosscheck.OffsetMap
	Removed []crosscheck.Removal
	Repairs []crosscheck.Repair
}

// substantial is how many words make a line body text rather than page furniture. Lines
// before the first and after the last substantial line are the header and footer, where
// short labels ("WORLD", "Share") are furniture.
const substantial = 12

// maxRepeatWords is the longest line counted as a candidate for what a site repeats on every
// page: furniture is short, and counting long paragraphs would cost for nothing.
const maxRepeatWords = 20

// minDuplicateWords is the least a paragraph must have to be dropped as a repeat: short lines
// ("Moscow:") may legitimately recur.
const minDuplicateWords = 6

// A paragraph of maxRepeatWords words or more printed twice is a page printed with a block
// twice, and the second copy goes. A shorter one that recurs is kept when it is part of a
// repeated structure — when at least minRepeatedLines distinct short lines recur, as the meal
// lines of a recipe plan or the questions put to each guest of an interview do.
const minRepeatedLines = 2

// markdownHeading drops the marks of a Markdown heading from a title line: "# Dam talks" is
// titled "Dam talks".
func markdownHeading(s string) string {
	if t := strings.TrimLeft(s, "#"); t != s && len(s)-len(t) <= 6 && strings.HasPrefix(t, " ") {
		return strings.TrimSpace(t)
	}
	return s
}

// Article cleans one article: it repairs and normalises every line, removes page furniture,
// bylines, credit lines, the repeated title and repeated paragraphs, and keeps a map from the
// clean text back to the source.
func Article(in Input) Result {
	lines := splitLines(in.Text)
	var res Result
	res.Author = strings.TrimSpace(in.Author)

	title := ""
	if in.Title != "" {
		tl := newLine(in.Title, 0)
		title = tl.text
	}
	if title == "" && in.TitleInText && len(lines) > 1 && looksLikeTitle(lines[0].text) {
		title = markdownHeading(lines[0].text)
		res.Removed = append(res.Removed, crosscheck.Removal{Text: lines[0].raw, Rule: "title", Source: lines[0].src})
		lines = lines[1:]
	}
	foldedTitle := Fold(title)
	if onlyTitle(lines, foldedTitle) {
		foldedTitle = "" // a text that is its title alone keeps it as its body
	}

	first, last := len(lines), -1
	for i, l := range lines {
		if l.words >= substantial && !isTitleEcho(&l, foldedTitle) {
			if first == len(lines) {
				first = i
			}
			last = i
		}
	}

	structured := repeatedStructure(lines)
	seen, counted := map[string]bool{}, map[string]bool{}
	var b strings.Builder
	b.Grow(len(in.Text) + len(lines)) // the kept text, once, with a blank line between paragraphs
	var credits []string
	for i := range lines {
		l := &lines[i]
		edge := (i < first || i > last) && last >= 0 // a text with no long line has no header or footer
		folded := l.folded
		rule, credit := classify(l, foldedTitle, edge, lines, i)
		if rule == "" && l.words <= maxRepeatWords {
			if !counted[folded] {
				counted[folded] = true
				res.Lines = append(res.Lines, folded)
			}
			if in.Repeated != nil && in.Repeated(folded) {
				rule = "site-repeat"
			}
		}
		if rule == "byline" && res.Author == "" {
			res.Author = credit
		}
		if rule == "credit" {
			credits = append(credits, credit)
		}
		if n := l.words; rule == "" && seen[folded] && n >= minDuplicateWords &&
			(n >= maxRepeatWords || !structured || (i > 0 && lines[i-1].folded == folded)) {
			rule = "duplicate-paragraph"
		}
		if rule != "" {
			res.Removed = append(res.Removed, crosscheck.Removal{Text: l.raw, Rule: rule, Source: l.src})
			continue
		}
		seen[folded] = true

		a, z := ungluePrefix(l.text), unglueSuffix(l.text)
		if a >= z {
			res.Removed = append(res.Removed, crosscheck.Removal{Text: l.raw, Rule: "furniture", Source: l.src})
			continue
		}
		if a > 0 {
			res.Removed = append(res.Removed, crosscheck.Removal{Text: l.text[:a], Rule: "furniture", Source: l.src + l.rawOffset(0)})
		}
		if z < len(l.text) {
			res.Removed = append(res.Removed, crosscheck.Removal{Text: l.text[z:], Rule: "furniture", Source: l.src + l.rawOffset(z)})
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		res.Offsets = append(res.Offsets, l.segments(a, z, b.Len())...)
		para := l.text[a:z]
		b.WriteString(para)
		res.Repairs = append(res.Repairs, l.repairs()...)
		found, self := creditsIn(para, l.lower[a:z])
		credits = append(credits, found...)
		if self != "" && res.Site == "" {
			res.Site = self
		}
	}
	res.Text = b.String()
	res.Credits = uniqueSorted(credits)
	if title == "" {
		title = leadTitle(res.Text)
	}
	res.Title = title
	return res
}

// classify returns the rule that removes line i (l), or "" to keep it; for a byline or a
// credit line it also returns the name it gives.
func classify(l *line, foldedTitle string, edge bool, lines []line, i int) (rule, name string) {
	text := l.text
	if foldedTitle != "" && l.folded == foldedTitle {
		return "title", ""
	}
	if edge && isBreadcrumb(text, foldedTitle, lines, i) {
		return "breadcrumb", ""
	}
	if r, ok := isFurniture(text, l.lower, l.ascii); ok {
		return r, ""
	}
	if l.words <= 12 { // bylines and credit lines are short: a long line is not tried
		if m := byline.FindStringSubmatch(text); m != nil {
			return "byline", strings.TrimSpace(m[1])
		}
		if m := creditLine.FindStringSubmatch(text); m != nil {
			return "credit", strings.TrimSpace(m[1])
		}
	}
	if edge && isShortLabel(text) {
		return "furniture", ""
	}
	return "", ""
}

// repeatedStructure reports whether at least minRepeatedLines distinct short lines (of
// minDuplicateWords to maxRepeatWords words) occur more than once.
func repeatedStructure(lines []line) bool {
	count := map[string]int{}
	repeated := 0
	for _, l := range lines {
		if n := l.words; n < minDuplicateWords || n >= maxRepeatWords {
			continue
		}
		f := l.folded
		count[f]++
		if count[f] == 2 {
			repeated++
		}
	}
	return repeated >= minRepeatedLines
}

// onlyTitle reports whether every line repeats the title.
func onlyTitle(lines []line, foldedTitle string) bool {
	for _, l := range lines {
		if !isTitleEcho(&l, foldedTitle) {
			return false
		}
	}
	return true
}

// isTitleEcho reports whether a line repeats the title, bare or as a numbered menu item.
func isTitleEcho(l *line, foldedTitle string) bool {
	if foldedTitle == "" {
		return false
	}
	if m := breadcrumbItem.FindStringSubmatch(l.text); m != nil {
		return Fold(m[1]) == foldedTitle
	}
	return l.folded == foldedTitle
}

// isBreadcrumb reports whether line i is one item of a numbered breadcrumb or menu: a short
// numbered line (or the numbered title) next to another numbered line.
func isBreadcrumb(text, foldedTitle string, lines []line, i int) bool {
	m := breadcrumbItem.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	if Fold(m[1]) != foldedTitle && (wordCount(m[1]) > 3 || !breadcrumbLabel.MatchString(m[1])) {
		return false // a ranking or a numbered point, not a menu item
	}
	numbered := func(j int) bool {
		return j >= 0 && j < len(lines) && breadcrumbItem.MatchString(lines[j].text)
	}
	return numbered(i-1) || numbered(i+1)
}

// looksLikeTitle reports whether the first line of a text file is a headline rather than the
// lead paragraph: headlines are short and rarely end as a sentence does.
func looksLikeTitle(s string) bool {
	n := wordCount(s)
	if n == 0 || n > 40 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "”\"’')"))
	if strings.ContainsRune(".!?", last) && n > substantial {
		return false
	}
	return true
}

// leadTitle makes a title from the first sentence of a text that has none.
func leadTitle(text string) string {
	para, _, _ := strings.Cut(text, "\n")
	end := len(para)
	for i := 0; i+1 < len(para); i++ {
		if (para[i] == '.' || para[i] == '!' || para[i] == '?') && para[i+1] == ' ' && wordCount(para[:i]) >= 4 {
			end = i + 1
			break
		}
	}
	sentence := para[:end]
	const maxTitle = 160
	if len(sentence) > maxTitle {
		cut := strings.LastIndexByte(sentence[:maxTitle], ' ')
		if cut <= 0 {
			cut = maxTitle
		}
		sentence = strings.TrimRight(sentence[:cut], ",;:") + "…"
	}
	return sentence
}

// splitLines splits text into its non-blank lines, each repaired and normalised.
func splitLines(text string) []line {
	var out []line
	pos := 0
	for pos <= len(text) {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		raw := strings.TrimRight(text[pos:end], "\r")
		if strings.TrimSpace(raw) != "" {
			l := newLine(raw, pos)
			if l.text != "" {
				out = append(out, l)
			}
		}
		pos = end + 1
	}
	return out
}
