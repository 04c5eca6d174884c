// Package eval scores crosscheck against gold data and generated test sets: the cleaning
// expectations of the seed articles, and mojibake repair on text broken the way real decoders
// break it. It computes figures; printing them is the caller's.
package eval

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/crosscheck/crosscheck/clean"
)

// Misreading is one way a decoder turns UTF-8 into mojibake: a codepage, and what it does
// with the bytes that codepage leaves undefined.
type Misreading struct {
	Name  string
	cm    *charmap.Charmap
	latin bool // bytes undefined here decode as Windows-1252 where it defines them
	drop  bool // undefined bytes are dropped rather than kept as C1 controls
}

// Misreadings are the decoders the round trip puts text through.
var Misreadings = []Misreading{
	{Name: "windows-1252", cm: charmap.Windows1252},
	{Name: "windows-1252 (lost bytes)", cm: charmap.Windows1252, drop: true},
	{Name: "iso-8859-1", cm: charmap.ISO8859_1},
	{Name: "windows-1250", cm: charmap.Windows1250},
	{Name: "windows-1251", cm: charmap.Windows1251},
	{Name: "windows-874", cm: charmap.Windows874, latin: true},
	{Name: "windows-874 (lost bytes)", cm: charmap.Windows874, latin: true, drop: true},
}

// Break returns s as a decoder misreading its UTF-8 bytes would show it.
func (m Misreading) Break(s string) string {
	var sb strings.Builder
	for _, b := range []byte(s) {
		r := m.cm.DecodeByte(b)
		if r == utf8.RuneError && m.latin {
			r = charmap.Windows1252.DecodeByte(b)
		}
		if r == utf8.RuneError {
			if m.drop {
				continue
			}
			r = rune(b)
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// MojibakeRow is the round-trip score of one misreading.
type MojibakeRow struct {
	Misreading string  `json:"misreading"`
	Samples    int     `json:"samples"`
	Repaired   int     `json:"repaired"` // repaired to exactly the original text
	Rate       float64 `json:"rate"`
}

// MojibakeReport is the result of a round-trip run.
type MojibakeReport struct {
	Rows []MojibakeRow `json:"rows"`
	// Total sums the rows.
	Total MojibakeRow `json:"total"`
	// Texts is how many whole texts were read, and TextsChanged how many of them the repair
	// changed as they were: on a clean corpus every change is a false repair, on a scraped one
	// it may be mojibake the corpus already had.
	Texts        int `json:"texts"`
	TextsChanged int `json:"texts_changed"`
	// Broken counts samples that the repair changed as they were (mojibake already in the
	// corpus, or a false repair); they are left out of the round trip.
	Broken int `json:"broken_samples"`
	// Failures holds a few samples that did not come back, for inspection.
	Failures []MojibakeFailure `json:"failures,omitempty"`
}

// MojibakeFailure is a sample the repair did not restore.
type MojibakeFailure struct {
	Misreading string `json:"misreading"`
	Original   string `json:"original"`
	Broken     string `json:"broken"`
	Repaired   string `json:"repaired"`
}

// maxFailures is how many failed samples a report keeps per misreading.
const maxFailures = 3

// Mojibake repairs each text as it is, to count changes to text that may be clean; then it
// cuts each text into sentence samples, breaks each sample through every misreading, repairs
// it, and counts how often the original comes back exactly.
func Mojibake(texts func(yield func(string) bool)) MojibakeReport {
	var rep MojibakeReport
	rows := make([]MojibakeRow, len(Misreadings))
	for i, m := range Misreadings {
		rows[i].Misreading = m.Name
	}
	for text := range texts {
		rep.Texts++
		if out, _ := clean.RepairMojibake(text); out != text {
			rep.TextsChanged++
		}
		for _, s := range Sentences(text) {
			rep.roundTrip(rows, s)
		}
	}
	rep.Total.Misreading = "all"
	for i := range rows {
		rows[i].Rate = rate(rows[i].Repaired, rows[i].Samples)
		rep.Total.Samples += rows[i].Samples
		rep.Total.Repaired += rows[i].Repaired
	}
	rep.Total.Rate = rate(rep.Total.Repaired, rep.Total.Samples)
	rep.Rows = rows
	return rep
}

func (rep *MojibakeReport) roundTrip(rows []MojibakeRow, s string) {
	if strings.ContainsRune(s, utf8.RuneError) {
		return
	}
	if out, _ := clean.RepairMojibake(s); out != s {
		rep.Broken++
		return
	}
	for i, m := range Misreadings {
		broken := m.Break(s)
		out, _ := clean.RepairMojibake(broken)
		rows[i].Samples++
		if out == s {
			rows[i].Repaired++
			continue
		}
		rep.fail(MojibakeFailure{Misreading: m.Name, Original: s, Broken: broken, Repaired: out})
	}
}

func (r *MojibakeReport) fail(f MojibakeFailure) {
	n := 0
	for _, g := range r.Failures {
		if g.Misreading == f.Misreading {
			n++
		}
	}
	if n < maxFailures {
		r.Failures = append(r.Failures, f)
	}
}

func rate(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// Sentences splits text into the sentence-sized samples the round trip uses, keeping those with
// non-ASCII characters: a sample is one line, cut at sentence ends into pieces of at most about
// 300 bytes.
func Sentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		for len(line) > 0 {
			cut := len(line)
			if cut > 300 {
				cut = strings.Index(line[200:], ". ")
				if cut < 0 {
					cut = len(line)
				} else {
					cut += 202
				}
			}
			piece := strings.TrimSpace(line[:cut])
			line = line[cut:]
			if hasNonASCII(piece) {
				out = append(out, piece)
			}
		}
	}
	return out
}

// Multilingual is a set of sentences written for crosscheck's tests in the languages and
// scripts news is most often misdecoded in; real corpora at hand are English with typographic
// punctuation only.
var Multilingual = []string{
	"Le président a déclaré que les négociations « avançaient » malgré les désaccords.",
	"Die Verhandlungen über den Staudamm an der Grenze wurden am Donnerstag fortgesetzt – ohne Ergebnis.",
	"Über 300 Menschen mussten ihre Häuser verlassen, berichtete die örtliche Feuerwehr.",
	"Minister spraw zagranicznych powiedział, że rozmowy były trudne, ale rzeczowe.",
	"Żółw przeszedł przez ulicę, a gęś została na łące.",
	"Předseda vlády řekl, že jednání budou pokračovat příští týden v Brně.",
	"Президент заявил, что переговоры были «конструктивными и полезными».",
	"Міністр закордонних справ України заявив про нові гарантії безпеки.",
	"Ο υπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα.",
	"นายกรัฐมนตรีกล่าวว่าการเจรจาจะดำเนินต่อไปในสัปดาห์หน้า",
	"El ministro afirmó que la reunión fue «muy útil» y que habrá más conversaciones en junio.",
	"O governo português anunciou medidas de emergência após as cheias no norte.",
	"Başbakan, görüşmelerin önümüzdeki hafta Ankara’da süreceğini söyledi.",
	"Thủ tướng cho biết các cuộc đàm phán sẽ tiếp tục vào tuần tới.",
	"首相は来週も交渉を続けると述べた。",
	"대통령은 협상이 다음 주에도 계속될 것이라고 말했다.",
	"The deal is worth €1.2 billion — about £1 billion — officials said.",
	"“It’s not over,” she said. ‘We’ll see…’",
	"Temperatures reached 45°C in Seville; the café on Calle Mayor stayed open.",
	"ŠKODA and Citroën recalled 12,000 cars, naïve buyers said “ouch”.",
}

// SortedKeys returns a map's keys in order, for stable output.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
