package reconcile_test

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/reconcile"
)

// reconcileTexts reconciles a story of articles "a", "b", … of one day, one text each.
func reconcileTexts(t *testing.T, texts ...string) *crosscheck.Report {
	var arts []*crosscheck.Article
	for i, text := range texts {
		id := string(rune('a' + i))
		arts = append(arts, article(t, id, "Outlet "+id, "2031-03-02", text))
	}
	return reconcile.Reconcile(crosscheck.Story{ID: "flood"}, arts, nil)
}

// groupOf returns the quote group whose variants hold each of the words, one variant per
// article in order, or nil when no one group holds them all.
func groupOf(r *crosscheck.Report, words map[string]string) *crosscheck.QuoteGroup {
	for i, g := range r.Quotes {
		n := 0
		for _, v := range g.Variants {
			if w, ok := words[v.Article]; ok && strings.Contains(v.Text, w) {
				n++
			}
		}
		if n == len(words) {
			return &r.Quotes[i]
		}
	}
	return nil
}

// One outlet gives a long quote to the wrong person: the same sentence, word for word, is one
// utterance whoever each article names, and the group's speaker is the person most name.
func TestTheSameWordsWithAnotherSpeakerAreOneUtterance(t *testing.T) {
	said := "The flood barrier held for six hours longer than anyone had a right to expect"
	r := reconcileTexts(t,
		"Engineer Tomas Brell praised the barrier on Sunday. \""+said+",\" Brell said.\n\nThe river fell overnight.",
		"The mayor, Ines Kolar, thanked the volunteers. Tomas Brell, the engineer in charge, spoke after her. \""+said+",\" said Kolar.\n\nSchools reopen on Tuesday.",
		"\""+said+",\" engineer Tomas Brell told reporters.\n\nThe water company lifted its warning.")
	g := groupOf(r, map[string]string{"a": "six hours", "b": "six hours", "c": "six hours"})
	if g == nil {
		t.Fatalf("the three variants are not one group: %+v", r.Quotes)
	}
	if g.Speaker != "Tomas Brell" {
		t.Errorf("speaker %q, want Tomas Brell", g.Speaker)
	}
}

// Two people may say the same few words: a short phrase in common does not make one
// utterance of two speakers' quotes.
func TestAShortPhraseInCommonDoesNotJoinTwoSpeakers(t *testing.T) {
	r := reconcileTexts(t,
		"Engineer Tomas Brell spoke on Sunday. \"At the end of the day the barrier did its job,\" Brell said.",
		"The mayor, Ines Kolar, spoke after him. \"At the end of the day we need a higher wall,\" Kolar said.")
	if g := groupOf(r, map[string]string{"a": "barrier did", "b": "higher wall"}); g != nil {
		t.Errorf("two speakers' quotes grouped: %+v", g)
	}
}

// An outlet that prints two words of a quote, as they stand in it and from the same speaker,
// joins the quote's group; two words a quote of nobody in particular has do not.
func TestTwoWordsOfAQuoteJoinItsGroup(t *testing.T) {
	r := reconcileTexts(t,
		"Tomas Brell spoke on Sunday. \"The old levee was a paper shield, and everyone in this town knew it. We asked the county for money in 2019, in 2022 and again last spring, and each time the answer was to wait for the federal grant,\" Brell said.",
		"Residents of the lower town were angry on Monday. Engineer Tomas Brell said they had lived for decades behind a \"paper shield\".",
		"Engineer Tomas Brell spoke on Sunday. Crews worked through the night. A sign on the levee read \"everyone\" in red paint.")
	if g := groupOf(r, map[string]string{"a": "paper shield", "b": "paper shield"}); g == nil {
		t.Errorf("the two words are not in the quote's group: %+v", r.Quotes)
	}
	if g := groupOf(r, map[string]string{"a": "paper shield", "c": "everyone"}); g != nil {
		t.Errorf("one word of a sign joined the engineer's quote: %+v", g)
	}
}

// Two descriptions of one speaker ("a sign", "a sign at the gate") agree as names do.
func TestDescriptionsWithOneHeadNounAgree(t *testing.T) {
	r := reconcileTexts(t,
		"Crews closed the levee road. A sign at the gate warned: \"Keep off the wall, it may give way.\"",
		"The road stayed shut. \"Keep off the wall,\" a sign warned.")
	if g := groupOf(r, map[string]string{"a": "Keep off the wall", "b": "Keep off the wall"}); g == nil {
		t.Errorf("the sign's words are not one group: %+v", r.Quotes)
	}
}

// The group's speaker is the person's name: not the role an article puts before it, and not
// a fragment or an organisation one variant has.
func TestTheGroupSpeakerIsThePersonsName(t *testing.T) {
	said := "We will rebuild the north wall before the spring rains come"
	r := reconcileTexts(t,
		"Delta County Public Works Director Ines Kolar spoke on Sunday. \""+said+",\" said Delta County Public Works Director Ines Kolar.",
		"Ines Kolar spoke at the town hall. \""+said+",\" Kolar said.")
	g := groupOf(r, map[string]string{"a": "north wall", "b": "north wall"})
	if g == nil {
		t.Fatalf("not one group: %+v", r.Quotes)
	}
	if g.Speaker != "Ines Kolar" {
		t.Errorf("speaker %q, want Ines Kolar", g.Speaker)
	}
}

// Of the forms of one person's name the variants give, the group takes the one most of the
// story's articles use ("Ines Kolar" over one article's "Ines M. Kolar").
func TestTheGroupSpeakerIsTheNameMostArticlesUse(t *testing.T) {
	said := "We will rebuild the north wall before the spring rains come"
	r := reconcileTexts(t,
		"Ines M. Kolar spoke on Sunday. \""+said+",\" Ines M. Kolar said.",
		"Ines Kolar spoke at the town hall. \""+said+",\" said Ines Kolar.",
		"Ines Kolar, the mayor, visited the wall on Monday with engineers.")
	g := groupOf(r, map[string]string{"a": "north wall", "b": "north wall"})
	if g == nil {
		t.Fatalf("not one group: %+v", r.Quotes)
	}
	if g.Speaker != "Ines Kolar" {
		t.Errorf("speaker %q, want Ines Kolar", g.Speaker)
	}
}

// A negation in words only one variant prints flips nothing: the other variant cut them.
// A negation in the words both print does.
func TestANegationOnlyOneVariantPrintsIsNoDifference(t *testing.T) {
	r := reconcileTexts(t,
		"Tomas Brell spoke on Monday. \"The night began as a calm watch on the levee,\" Brell said.",
		"Tomas Brell spoke on Monday. \"The night began as a calm watch on the levee, and by dawn the town had no sandbags left and no trucks,\" Brell said.")
	g := groupOf(r, map[string]string{"a": "calm watch", "b": "calm watch"})
	if g == nil {
		t.Fatalf("not one group: %+v", r.Quotes)
	}
	if len(g.Differences) != 0 {
		t.Errorf("differences %+v, want none: the negation is in words the first variant cut", g.Differences)
	}
	r = reconcileTexts(t,
		"Tomas Brell spoke on Monday. \"The north wall is ready for the spring rains,\" Brell said.",
		"Tomas Brell spoke on Monday. \"The north wall is not ready for the spring rains,\" Brell said.")
	g = groupOf(r, map[string]string{"a": "north wall", "b": "north wall"})
	if g == nil || len(g.Differences) != 1 {
		t.Fatalf("want one difference: %+v", g)
	}
	if w := g.Differences[0].Words; !strings.Contains(w[0]+w[1], "not ready") {
		t.Errorf("the difference points at %q, want the clause that flips", w)
	}
}

// One outlet prints a speaker's words in one span, another in two pieces, the second with
// words the first cut, a third the first piece alone: both pieces are the span's, though the
// second is far from the first piece's variants. So when the span's article leaves its
// speaker unknown ("they said") and the pieces hold its words in a row.
func TestPiecesOfOneSpanJoinItsGroup(t *testing.T) {
	first := "The pumps ran without a break from Friday night until the water started to fall"
	second := "Every crew in the county worked double shifts to keep the generators fuelled"
	for _, span := range []string{
		"Engineer Tomas Brell described the weekend. \"" + first + ". " + second + ",\" Brell said.",
		"The engineers spoke on Monday. \"" + first + ". " + second + ",\" they said.",
	} {
		r := reconcileTexts(t, span,
			"Tomas Brell spoke on Monday. \""+first+",\" Brell said.\n\nThe river is now below the warning mark. \""+
				second+". I have never been prouder of this town, and I told the governor so on the phone,\" he added.",
			"\""+first+",\" said Tomas Brell, the engineer in charge.\n\nSchools reopen on Tuesday.")
		if g := groupOf(r, map[string]string{"a": "pumps ran", "b": "pumps ran", "c": "pumps ran"}); g == nil {
			t.Errorf("%s: the first piece is not in the span's group: %+v", span, r.Quotes)
		}
		if g := groupOf(r, map[string]string{"a": "double shifts", "b": "double shifts"}); g == nil {
			t.Errorf("%s: the second piece is not in the span's group: %+v", span, r.Quotes)
		}
	}
}

// A writer who prints a quote and a few words of another in one sentence ("…,” he said as he
// condemned “a reckless criminal act”) prints the few words of an utterance another outlet
// gives whole: the piece joins that utterance's group.
func TestAPieceOfAQuoteInPiecesJoinsItsGroup(t *testing.T) {
	r := reconcileTexts(t,
		"The levee broke on Sunday. \"Nobody had the right to leave the gates open at night,\" Engineer Tomas Brell told the council as he condemned \"a reckless criminal act\".",
		"Engineer Tomas Brell spoke to the council. \"We are all shocked by the loss of these homes, the work of people who were victims of a criminal act,\" Brell said.")
	if g := groupOf(r, map[string]string{"a": "reckless criminal act", "b": "victims of a criminal act"}); g == nil {
		t.Errorf("the piece is not in the quote's group: %+v", r.Quotes)
	}
}
