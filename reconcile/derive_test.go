package reconcile_test

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/reconcile"
)

// agencyCopy is a wire story of twelve sentences about a fictional mill fire.
var agencyCopy = []string{
	"Fire crews fought a blaze at the Orrin Valley paper mill through Sunday night, the county fire service said.",
	"The fire broke out in a storage hall shortly after nine in the evening and spread to the roof of the main plant.",
	"About 60 firefighters from four towns were called to the site, which lies on the river north of Calden.",
	"Two workers were taken to hospital with burns and a third was treated at the scene for smoke inhalation.",
	"The mill employs 340 people and has made packaging paper on the site since 1962.",
	"Its owner, Brightfold Packaging, said production would stop for at least a week while engineers inspect the machines.",
	"Residents of the nearby village of Tarn were told to keep their windows shut because of the smoke.",
	"Police closed the river road between Calden and Tarn until Monday morning.",
	"Investigators have not yet said what caused the fire.",
	"A smaller fire damaged the same storage hall in 2019, when no one was hurt.",
	"The county council said it would review the mill's fire safety plan with the owner.",
	"Brightfold shares fell three percent in early trading on Monday.",
}

// A local paper keeps four of the wire's sentences, lightly edited, and surrounds them with
// eight paragraphs of its own: a third of it is the wire's, and it still derives from it.
func TestACutCopyWithParagraphsOfItsOwnDerives(t *testing.T) {
	wire := article(t, "wire", "Valley Wire", "2031-05-12", strings.Join(agencyCopy, " "))
	local := article(t, "local", "Tarn Courier", "2031-05-12", strings.Join([]string{
		"For the people of Tarn, Sunday night smelled of burning paper.",
		"Mara Quist, who runs the bakery on the green, said she saw the glow over the trees from her kitchen.",
		"Fire crews fought a blaze at the Orrin Valley paper mill through Sunday night, the county fire service said.",
		"The fire broke out in a storage hall shortly after nine in the evening and spread to the roof of the main plant.",
		"Many of the village's families have someone working at the mill, and the school bus stop was full of talk on Monday.",
		"About 60 firefighters from four towns were called to the site, which lies on the river just north of Calden.",
		"Two workers were taken to hospital with burns, and a third was treated at the scene for smoke.",
		"The parish council has called a meeting for Thursday evening in the church hall.",
		"Older residents remember the flood of 1988, when the mill stood idle for a month.",
		"The bakery stayed open all night to serve tea to the firefighters.",
		"Quist said she hoped the mill would reopen before the harvest fair.",
		"The courier will publish a list of road closures on its website.",
	}, " "))
	r := reconcile.Reconcile(crosscheck.Story{ID: "mill"}, []*crosscheck.Article{wire, local}, nil)
	if len(r.Derived) != 1 {
		t.Fatalf("derived: %+v, want the local paper from the wire", r.Derived)
	}
	if n := len(r.Derived[0].Evidence); n < 4 {
		t.Errorf("%d aligned pairs, want the four kept sentences", n)
	}
}

// A sentence beside an aligned pair, beside its match, is its rewrite at a lower similarity:
// a press release rewritten sentence by sentence aligns as a passage, not only where the
// wording stayed close.
func TestARewrittenSentenceBesideAnAlignedPairAligns(t *testing.T) {
	release := article(t, "release", "Mill press office", "2031-05-12", strings.Join(agencyCopy[:6], " "))
	blog := article(t, "blog", "Packaging Weekly", "2031-05-12", strings.Join([]string{
		"Overnight into Monday, flames tore through Brightfold's mill at Orrin Valley as county fire crews worked until dawn.",
		"A storage hall caught fire shortly after nine in the evening, and the blaze spread to the main plant's roof.",
		"About 60 firefighters from four towns were called to the site, which lies on the river north of Calden.",
		"Two workers were taken to hospital with burns and a third was treated at the scene for smoke inhalation.",
		"Some 340 people work at the plant, which has turned out packaging paper since 1962.",
		"Its owner, Brightfold Packaging, said production would stop for at least a week while engineers inspect the machines.",
	}, " "))
	r := reconcile.Reconcile(crosscheck.Story{ID: "mill"}, []*crosscheck.Article{release, blog}, nil)
	if len(r.Derived) != 1 {
		t.Fatalf("derived: %+v, want the blog from the release", r.Derived)
	}
	loose := 0
	for _, p := range r.Derived[0].Evidence {
		if p.Similarity < 0.4 {
			loose++
		}
	}
	if loose == 0 {
		t.Errorf("aligned %+v, want the rewritten sentences beside the close ones too", r.Derived[0].Evidence)
	}
}

// Two reports that print the same five sentences of a statement, each in quotation marks and
// one with the pre-tokenised closing marks of some corpora, share the statement, not a text.
func TestSharedQuotesDoNotDerive(t *testing.T) {
	statement := []string{
		"We are devastated by what happened at our mill last night.",
		"Our first thoughts are with the two colleagues who were hurt and with their families.",
		"We will work with the fire service to find out how the fire started.",
		"No one will lose their job because of the stoppage.",
		"We intend to make paper in Orrin Valley for another sixty years.",
	}
	quoted := func(closing string) string {
		var b strings.Builder
		for i, s := range statement {
			b.WriteString("\"" + strings.TrimSuffix(s, ".") + "," + closing + " ")
			b.WriteString([]string{"the owner said.", "it said.", "the statement went on.", "it added.", "the company said."}[i])
			b.WriteString("\n\n")
		}
		return b.String()
	}
	first := article(t, "first", "Valley Wire", "2031-05-12",
		"Brightfold Packaging apologised on Monday for the fire at its Orrin Valley plant.\n\n"+quoted("\"")+
			"Shares in the company fell on the news and recovered by the afternoon.")
	second := article(t, "second", "Calden Post", "2031-05-12",
		"The owner of the burnt-out mill north of Calden promised its workers their jobs were safe.\n\n"+quoted(" ''")+
			"Union leaders said they would hold the company to its word.")
	r := reconcile.Reconcile(crosscheck.Story{ID: "mill"}, []*crosscheck.Article{first, second}, nil)
	if len(r.Derived) != 0 {
		t.Errorf("derived: %+v, want none: the articles share quotes only", r.Derived)
	}
}

// Three of the writers' own sentences that follow one another in both articles are a
// parallel passage, though the rest of the longer article is its own; the same three
// sentences scattered among others are facts two reports share.
func TestThreeParallelSentencesInARowDerive(t *testing.T) {
	own := []string{
		"The mill's neighbours in Tarn have complained about smoke for years.",
		"Mara Quist, who runs the bakery on the green, said she saw the glow over the trees from her kitchen.",
		"The parish council has called a meeting for Thursday evening in the church hall.",
		"Older residents remember the flood of 1988, when the mill stood idle for a month.",
		"The bakery stayed open all night to serve tea to the firefighters.",
		"Quist said she hoped the mill would reopen before the harvest fair.",
		"The courier will publish a list of road closures on its website.",
		"Children from the village school drew pictures for the crews.",
		"A collection for the injured workers raised a large sum by Monday noon.",
	}
	kept := []string{
		"About 60 firefighters from four towns were called to the site, which lies on the river just north of Calden.",
		"Two workers were taken to hospital with burns, and a third was treated at the scene for smoke.",
		"The mill employs 340 people and has made packaging paper there since 1962.",
	}
	wire := article(t, "wire", "Valley Wire", "2031-05-12", strings.Join(agencyCopy, " "))
	passage := article(t, "passage", "Tarn Courier", "2031-05-12",
		strings.Join(append(append(append([]string{}, own[:3]...), kept...), own[3:]...), " "))
	scattered := article(t, "scattered", "Tarn Courier", "2031-05-12",
		strings.Join([]string{own[0], own[1], kept[0], own[2], own[3], kept[1], own[4], own[5], kept[2], own[6], own[7], own[8]}, " "))
	if r := reconcile.Reconcile(crosscheck.Story{ID: "mill"}, []*crosscheck.Article{wire, passage}, nil); len(r.Derived) != 1 {
		t.Errorf("derived: %+v, want the passage from the wire", r.Derived)
	}
	if r := reconcile.Reconcile(crosscheck.Story{ID: "mill"}, []*crosscheck.Article{wire, scattered}, nil); len(r.Derived) != 0 {
		t.Errorf("derived: %+v, want none: three scattered sentences", r.Derived)
	}
}
