package clean_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/clean"
)

// FuzzArticle checks that cleaning any text gives valid paragraphs and offsets and removals
// that stay inside the clean text and the source.
func FuzzArticle(f *testing.F) {
	seeds := []string{
		"", "Title\n\nBody", "Share\nHome > News > World\n" + strings.Repeat("A long body line with many words in it. ", 4) + "\nLeave a Reply",
		"By Jon Harrow\nReuters\nMoscow:\nPutinโ€™s words\n\n\n", "1. Home\n2. News\n3. Title\nTitle", "Lunch: soup and bread for everyone here\nLunch: soup and bread for everyone here\n",
		"\r\n\r\n\xff\xfe", "â€œfrankâ€ said the man who spoke to reporters on Tuesday evening at the port",
	}
	if files, _ := filepath.Glob("../extract/testdata/pages/*.txt"); len(files) > 0 {
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				seeds = append(seeds, string(b))
			}
		}
	}
	for _, s := range seeds {
		f.Add(s, "Title", true)
	}
	f.Fuzz(func(t *testing.T, text, title string, titleInText bool) {
		res := clean.Article(clean.Input{Text: text, Title: title, TitleInText: titleInText})
		if utf8.ValidString(text) && utf8.ValidString(title) && !utf8.ValidString(res.Text) {
			t.Fatalf("valid input %q gave invalid text %q", text, res.Text)
		}
		if strings.Contains(res.Text, "\n\n\n") || res.Text != strings.TrimSpace(res.Text) {
			t.Fatalf("text %q has an empty paragraph or untrimmed ends", res.Text)
		}
		last := 0
		for _, s := range res.Offsets {
			if s.Clean < last || s.Len < 0 || s.SourceLen < 0 || s.Clean+s.Len > len(res.Text) || s.Source < 0 || s.Source+s.SourceLen > len(text) {
				t.Fatalf("segment %+v outside clean text of %d bytes and source of %d", s, len(res.Text), len(text))
			}
			last = s.Clean + s.Len
		}
		for _, r := range res.Removed {
			if r.Source < 0 || r.Source > len(text) {
				t.Fatalf("removal %+v outside a source of %d bytes", r, len(text))
			}
		}
	})
}
