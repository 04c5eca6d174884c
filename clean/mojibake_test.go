package clean_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/clean"
)

func TestRepairMojibake(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"Windows874ApostropheWithCP1252Fallback", "Putinโ€™s senior adviser", "Putin’s senior adviser"},
		{"Windows874OpeningQuote", "โ€œSome of the American proposals", "“Some of the American proposals"},
		{"Windows874ClosingQuoteLostByte", "the work will continue,โ€ Putin", "the work will continue,” Putin"},
		{"Windows1252Quotes", "talks were â€œfrankâ€\u009d but", "talks were “frank” but"},
		{"Windows1252ClosingQuoteLostByte", "called â€œcalm.â€ Then", "called “calm.” Then"},
		{"Latin1Accents", "cafÃ© in SarnbrÃ¼ck", "café in Sarnbrück"},
		{"DoubleMisreading", "It\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s", "It’s"},
		{"Windows1251ReadAsCyrillic", "РџСЂРёРІРµС‚", "Привет"},
		{"Windows1250", "ZaĹĽĂłĹ‚Ä‡", "Zażółć"},
		{"MisreadBOM", "ï»¿Also on", "\ufeffAlso on"},
		{"ThreeByteLostInMiddle", "é¦–ç›¸ã¯", "首相は"},
		{"LostByteNeedsCorroboration", "首相ã¯", "首相ã¯"},
		{"CleanCurlyQuotes", "“It’s not over,” she said — ‘we’ll see…’", "“It’s not over,” she said — ‘we’ll see…’"},
		{"CleanPolishUpperCase", "ŻÓŁW żółw gęślą jaźń", "ŻÓŁW żółw gęślą jaźń"},
		{"CleanRussian", "Президент заявил, что переговоры были «конструктивными»", "Президент заявил, что переговоры были «конструктивными»"},
		{"CleanThai", "นายกรัฐมนตรีกล่าวว่าการเจรจาจะดำเนินต่อไป", "นายกรัฐมนตรีกล่าวว่าการเจรจาจะดำเนินต่อไป"},
		{"CleanFrench", "naïve «déjà vu» à Noël, Ça coûte 5 €", "naïve «déjà vu» à Noël, Ça coûte 5 €"},
		{"CleanGreek", "Ο υπουργός δήλωσε ότι", "Ο υπουργός δήλωσε ότι"},
		{"CleanCJK", "首相は来週も交渉を続けると述べた。대통령은", "首相は来週も交渉を続けると述べた。대통령은"},
		{"ASCII", "plain ASCII text", "plain ASCII text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, fixes := clean.RepairMojibake(tc.in)
			if got != tc.want {
				t.Fatalf("RepairMojibake(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if (len(fixes) == 0) != (tc.in == tc.want) {
				t.Fatalf("fixes = %v for a %v change", fixes, tc.in != tc.want)
			}
			checkFixes(t, tc.in, got, fixes)
		})
	}
}

// checkFixes asserts that the fixes, applied to in, give out.
func checkFixes(t *testing.T, in, out string, fixes []clean.Fix) {
	t.Helper()
	var b strings.Builder
	prev := 0
	for _, f := range fixes {
		if f.Start < prev || f.End < f.Start || f.End > len(in) {
			t.Fatalf("fix %+v out of order or range in %q", f, in)
		}
		b.WriteString(in[prev:f.Start])
		b.WriteString(f.To)
		prev = f.End
	}
	b.WriteString(in[prev:])
	if b.String() != out {
		t.Fatalf("fixes rebuild %q, want %q", b.String(), out)
	}
}

// asciiOf keeps the ASCII bytes of s: repair must never touch them.
func asciiOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func FuzzRepairMojibake(f *testing.F) {
	for _, s := range []string{"Putinโ€™s", "â€œfrankâ€", "cafÃ©", "РџСЂРёРІРµС‚", "ŻÓŁW", "首相ã¯", "ï»¿x", "\xff\xfe", "Ã", "â€"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, fixes := clean.RepairMojibake(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("valid input %q gave invalid output %q", s, out)
		}
		if asciiOf(s) != asciiOf(out) {
			t.Fatalf("ASCII changed: %q -> %q", s, out)
		}
		checkFixes(t, s, out, fixes)
	})
}
