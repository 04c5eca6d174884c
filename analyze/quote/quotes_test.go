package quote_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/analyze/entity"
	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/analyze/quote"
)

func TestQuotes(t *testing.T) {
	for _, tc := range []struct {
		name, text              string
		quote, speaker, mention string
	}{
		{"SpeakerAfter", `Yuri Ushakov spoke to reporters. “The work will continue,” Ushakov said.`, "The work will continue,", "Yuri Ushakov", "Ushakov"},
		{"SaidName", `“We are ready,” said Elena Marsh, the foreign minister.`, "We are ready,", "Elena Marsh", "Elena Marsh"},
		{"PronounResolved", `Tomas Kerr met the envoy. “It was useful,” he added.`, "It was useful,", "Tomas Kerr", "he"},
		{"SpeakerBeforeColon", `Ivo Brandt told reporters: "No compromise yet."`, "No compromise yet.", "Ivo Brandt", "Ivo Brandt"},
		{"PartialQuote", `Secretary of State Marco Rubio described the sessions as “productive.”`, "productive.", "Marco Rubio", "Secretary of State Marco Rubio"},
		{"AccordingTo", `According to Yuri Ushakov, a senior aide, the talks were “constructive and useful.”`, "constructive and useful.", "Yuri Ushakov", "Yuri Ushakov"},
		{"RoleResolved", "Russian President Vladimir Putin spoke on Tuesday.\n\nThe Russian leader warned: “We are ready right now.”", "We are ready right now.", "Vladimir Putin", "The Russian leader"},
		{"PlaceIsNotAPerson", "Yuri Ushakov arrived in the Kremlin.\n\n“We discussed territory,” he said.", "We discussed territory,", "Yuri Ushakov", "he"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			qs := quote.Find(tc.text)
			if len(qs) != 1 {
				t.Fatalf("%d quotes: %+v", len(qs), qs)
			}
			q := qs[0]
			if q.Text != tc.quote || q.Speaker != tc.speaker || q.SpeakerMention != tc.mention {
				t.Fatalf("got %q by %q (%q, %s)", q.Text, q.Speaker, q.SpeakerMention, q.Rule)
			}
			if tc.text[q.Start:q.End] != q.Text {
				t.Fatalf("offsets %d-%d point at %q", q.Start, q.End, tc.text[q.Start:q.End])
			}
		})
	}
}

func TestInterruptedQuoteIsOne(t *testing.T) {
	text := `“Judge,” Brafman said, “I have never had that happen in thirty-seven years.”`
	qs := quote.Find(text)
	if len(qs) != 1 || qs[0].Text != "Judge, I have never had that happen in thirty-seven years." || len(qs[0].Parts) != 2 {
		t.Fatalf("%+v", qs)
	}
	for _, p := range qs[0].Parts {
		if !strings.Contains(qs[0].Text, text[p[0]:p[1]]) {
			t.Fatalf("part %v: %q", p, text[p[0]:p[1]])
		}
	}
}

// A right single mark after a plural is an apostrophe, and a single mark left open at a
// paragraph's end closes nothing.
func TestApostrophesAreNotQuotes(t *testing.T) {
	text := "The teachers’ union met the boys’ parents. ‘Nobody said a word about the strike or the pay\n\nThen the vote was held, the union’s head said."
	if qs := quote.Find(text); len(qs) != 0 {
		t.Fatalf("%+v", qs)
	}
}

func TestScareQuotesAreNotQuotes(t *testing.T) {
	text := `The so-called “peace plan” was discussed on Tuesday, and the film “Trainwreck” was shown.`
	if qs := quote.Find(text); len(qs) != 0 {
		t.Fatalf("%+v", qs)
	}
}

// Tokenised text (the Penn Treebank's style, as ECB+ prints it) opens a quote with a straight
// mark or two backticks and closes it with two apostrophes, with spaces inside the marks.
func TestTokenisedQuoteMarks(t *testing.T) {
	for _, tc := range []struct{ name, text, quote, speaker string }{
		{"StraightThenApostrophes", `"We will rebuild the pier , '' Nora Vance said . "It will take a year . ''`,
			"We will rebuild the pier ,", "Nora Vance"},
		{"Backticks", "`` Nobody was hurt , '' said Ola Brenn , the fire chief .", "Nobody was hurt ,", "Ola Brenn"},
		{"ApostropheInWords", `"They do n't know what 's next , '' Pia Lund said.`, "They do n't know what 's next ,", "Pia Lund"},
		{"ApostrophesBothSides", `The vote passed. ''It was close,'' said Mr. Oren Tal.`, "It was close,", "Oren Tal"},
		{"RolePhraseOpensNextSentence", `''Could we have won without him? '' Riverside head coach Dan Moss asked. ''No. ''`,
			"Could we have won without him?", "Dan Moss"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			qs := quote.Find(tc.text)
			if len(qs) == 0 || !strings.HasPrefix(qs[0].Text, tc.quote) || qs[0].Speaker != tc.speaker {
				t.Fatalf("%+v", qs)
			}
		})
	}
}

func FuzzQuotes(f *testing.F) {
	for _, s := range []string{`“A,” he said.`, `"x" said Y`, "“a\n\n“b”", `according to “`, `“”“”`, "said: \"\"\"", "“\xff”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range quote.Find(text) {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End {
				t.Fatalf("offsets %d-%d in %d bytes", q.Start, q.End, len(text))
			}
			for _, p := range q.Parts {
				if p[0] < q.Start || p[1] > q.End || p[0] > p[1] {
					t.Fatalf("part %v outside %d-%d", p, q.Start, q.End)
				}
			}
			if utf8.ValidString(text) && !utf8.ValidString(q.Text) {
				t.Fatalf("invalid text %q", q.Text)
			}
		}
	})
}

// Each kind of speaker problem found on real news, in a text of our own: the quote that
// starts with quote is said by speaker.
func TestSpeakersByKind(t *testing.T) {
	for _, tc := range []struct{ name, text, quote, speaker string }{
		{"ClosingMarkSpacedWrongSide", `"The port must stay open, "Harbour Master Lena Ostrova told reporters on the pier.`,
			"The port must stay open,", "Lena Ostrova"},
		{"ClosingMarkBeforeCue", `"We never saw it coming, "said Tomas Reyes, a ferry worker.`, "We never saw it coming,", "Tomas Reyes"},
		{"TokenisedHyphenatedName", `Central banker Marie Dubois - Laurent spoke on Monday. "Everyone must stay calm" about the risk, Dubois - Laurent said.`,
			"Everyone must stay calm", "Marie Dubois-Laurent"},
		{"AgeBeforeName", `"They took everything from me, " said 58 - year - old Petros Alexiou, a baker.`, "They took everything", "Petros Alexiou"},
		{"AgeBeforeNameUnspaced", `"It was loud," said 40-year-old Mina Castell.`, "It was loud,", "Mina Castell"},
		{"SpeechVerb", `"This is a disgrace! "Senator Ruth Adler thundered in the chamber.`, "This is a disgrace!", "Ruth Adler"},
		{"RoleWordsBeforeName", `"Nobody is above the law," Prosecutor Ivan Petek said.`, "Nobody is above the law,", "Ivan Petek"},
		{"LongRoleBeforeName", `"We had to surround it," Riverton Public Safety Director Carl Amsel said.`, "We had to surround it,", "Carl Amsel"},
		{"SignedWithDash", "“We want our jobs back and our pensions paid.”― Rosa Delgado\n", "We want our jobs back", "Rosa Delgado"},
		{"DocumentIsNoPerson", "Ada Moreno heads the Clean Water Program. The Clean Water Act was passed in 1972.\n\n\"The rules are weak,\" she said.",
			"The rules are weak,", "Ada Moreno"},
		{"RestOfABodysName", "Ada Moreno, director of the Union of Concerned Farmers, spoke.\n\n\"The rules are weak,\" she said.",
			"The rules are weak,", "Ada Moreno"},
		{"ColonAfterRole", `Below is a statement by Ada Moreno, director of the Clean Water Program: "The rules are weak."`,
			"The rules are weak.", "Ada Moreno"},
		{"HeardSaying", `Tapes were played. "Obey the rules, "Lorne Haskett was heard saying.`, "Obey the rules,", "Lorne Haskett"},
		{"RolePhraseForTitledName", "Judge Mara K. Holt spoke to Rita Vance.\n\n\"He has learned nothing,\" the judge said.",
			"He has learned nothing,", "Mara K. Holt"},
		{"ParticipleAgent", `For the man described by The Harbour Gazette as "the last honest broker," it was the end.`,
			"the last honest broker,", "The Harbour Gazette"},
		{"CountedGroup", `Two male voices said "Yes." Then "Keep the door shut," Lorne Haskett said.`, "Yes.", "Two male voices"},
		{"QuotedAsSaying", `"They ran so fast, " the Harbour Gazette quoted witness Ola Brenn as saying.`, "They ran so fast,", "Ola Brenn"},
		{"QuotedAsSayingBefore", `The Harbour Gazette quoted witness Ola Brenn as saying: "They ran so fast."`, "They ran so fast.", "Ola Brenn"},
		{"BodyASpeakerIsOf", `"It was the least bad outcome," Mr. Tomas Reyes of the Sea Trust said.`, "It was the least bad outcome,", "Tomas Reyes"},
		{"PersonOfBodyAfterCue", `"We will see them in court, '' said Ada Moreno of the Reef Defense Council.`, "We will see them in court,", "Ada Moreno"},
		{"InitialInName", `"There is nothing noble in it, '' said commentator Karl J. Brunner, a former aide.`, "There is nothing noble in it,", "Karl J. Brunner"},
		{"ConjunctionBeforeName", `It split along party lines. But Ana Ruiz, a lawyer for the panel, said the case showed that "the role of witnesses must not be underestimated."`,
			"the role of witnesses", "Ana Ruiz"},
		{"AsSomeonePutIt", `As Ana Ruiz, a lawyer and senior fellow at the Urban-Coastal Policy Center, recently put it, "Who pays for the dam?"`,
			"Who pays for the dam?", "Ana Ruiz"},
		{"BodySpeaksByCue", `"The officers fired in self-defence," the Harbour Police Department said in a statement.`,
			"The officers fired", "Harbour Police Department"},
		{"SingleMarks", `The march went on. ‘ Tonight was a quiet vigil that turned ugly, ’ Ruth Adler wrote.`, "Tonight was a quiet vigil", "Ruth Adler"},
		{"AsideBeforeCue", `“Right now, things are tense,” Councilman Ivo Brandt, who represents the area, said on Twitter.`, "Right now, things are tense,", "Ivo Brandt"},
		{"MisplacedMarkBeforeAside", `"Right now, things are tense, "City Councilman Ivo K. Brandt, who represents the area, said.`, "Right now, things are tense,", "Ivo K. Brandt"},
		{"ParticipleAfterCue", `Ana Lisle posed for years. Fame didn't bother her, she said, explaining: "Nobody should be ashamed of it."`, "Nobody should be ashamed", "Ana Lisle"},
		{"MisplacedMarkBeforeSurnameAside", `Ivo Brandt spoke first. "The refugees must be safe. They fled the war, "Brandt, the governor, said.`, "The refugees must be safe.", "Ivo Brandt"},
		{"PossessiveEndsName", `Ivo Brandt, the governor of West Ferland's Unity state, was angry. "They should be taken to court," he told reporters.`, "They should be taken to court,", "Ivo Brandt"},
		{"ParticipleAfterClause", `Lena Ostrova kept quiet for decades while Mr. Tomas Kerr wrote. It was years before she finally broke cover, admitting in 2006: "I was the one who called them."`, "I was the one", "Lena Ostrova"},
		{"TradeAlone", `After he "kept walking towards the officers and reached for his belt," officials say the officers fired.`, "kept walking towards", "officials"},
		{"ThingAfterArticle", "Ivo Brandt said one man was hurt outside a local Ferro Mart. \"Tonight was a quiet vigil that turned ugly,\" he wrote.", "Tonight was a quiet vigil", "Ivo Brandt"},
		{"NameInsideAQuote", `Lorne Haskett spoke first. He says, "I do this in the name of Saint Peter Vane, amen." When she speaks, he responds, "quiet while we pray."`,
			"quiet while we pray", "Lorne Haskett"},
		{"QuotedPredicate", `Lorne Haskett leaked the files. "There is nothing noble in it," said Ada Ruiz, a former aide. Haskett "betrayed his oath and everyone who trusted him in the bureau."`,
			"betrayed his oath", "Ada Ruiz"},
		{"SurnameLikeAPlace", "Grace Park met Jesse Jackson on Monday.\n\n\"We agree on nothing,\" Jackson said. \"Nor do I,\" said Park.", "We agree on nothing", "Jesse Jackson"},
		{"SurnameLikeAPlaceToo", "Grace Park met Jesse Jackson on Monday.\n\n\"We agree on nothing,\" Jackson said. \"Nor do I,\" said Park.", "Nor do I", "Grace Park"},
		{"MonthEndsAName", "Theresa May spoke in London on Monday.\n\n\"We will leave,\" May said.", "We will leave", "Theresa May"},
		{"AppositiveName", `Ana Lisle died on Friday. "She changed the trade, " her manager, Piet Vos, said yesterday.`, "She changed the trade,", "Piet Vos"},
		{"ExclamationThenNameAndCue", `"This is a disgrace! "Senator Ruth Adler thundered in the chamber during a debate to discuss the cuts she opposed.`,
			"This is a disgrace!", "Ruth Adler"},
		{"InvertedCueBeforeQuote", `Ivo Brandt spoke first. The merger, said Tomas Reyes, "gives us the ports we need."`, "gives us the ports", "Tomas Reyes"},
		{"ThingsWordsArePreviousSpeakers", `In the call, Ana Ruiz said the firm was "ready to grow" this year. The purchase of Ferro Mills would "make us the biggest in the region."`,
			"make us the biggest", "Ana Ruiz"},
		{"PossessiveDescription", `Ivo Brandt died on Friday. His lawyers said he could not "understand the charges in any way at all."`,
			"understand the charges", "Brandt's lawyers"},
		{"SubjectOverObject", `As the head of the bureau, Mr. Tomas Kerr was angry. A master of spies from his days tracking German WWII agents, he helped reporters Ivo Brandt and Piet Vos. It was years before he broke cover, admitting: "I was the one."`,
			"I was the one", "Tomas Kerr"},
		{"RecentNameInPredicate", `Piet Vos ran for 100 yards. A big reason was Ivo Brandt, who threw badly. "It was my fault," he said.`, "It was my fault", "Ivo Brandt"},
		{"SentenceAfterQuote", `Okon Eze said at the hospital, "I saw women crying. They knew their children were dead." Zuri Okafor, a nurse, said she had lost a son. She said she had come to the school. "We escaped death," she said.`,
			"We escaped death", "Zuri Okafor"},
		{"FirstNameOfBothGenders", "IMF chief Dominique Vasseur met Anna Kolar.\n\n“It went well,” Vasseur said. “It was hard,” he said.", "It was hard", "Dominique Vasseur"},
		{"SpokenOfIsNoSpeaker", `For immediate release: The Harbour Medical Society is pleased that Dr. Rita Vale was named. "Dr. Vale's finest quality is her care for her patients. We are proud of her."`,
			"Dr. Vale's finest quality", ""},
		{"DeterminerNounPhrase", `Markets fell. A government official downplayed the unrest saying that "for years there have been strikes in this country."`,
			"for years there have been", "A government official"},
		{"RelativePronounsAntecedent", `The raids drew condemnation from the Harbour Council, which said the "reckless and unjustified" raids must stop.`,
			"reckless and unjustified", "Harbour Council"},
		{"TokenisedPrefix", `"He was the last of the old bosses, " said ex - NYPD detective Joe Coffey Monday.`, "He was the last", "Joe Coffey"},
		{"ShortSurname", `AMD's Lisa Su spoke to analysts. The firm will sell Ferro Atom and Ferro Xeon systems, though Su indicated it will drop them. She said new chips will come "towards the end of this year."`,
			"towards the end", "Lisa Su"},
		{"TheyAreTheTwoNamedTogether", `In a statement, the harbour master, Lena Ostrova, and the mayor, Ivo Brandt, agreed. After a review ordered by Piet Vos, they said: "The port must stay open."`,
			"The port must stay open", "Lena Ostrova and Ivo Brandt"},
		{"TheyWithNoPair", `Lena Ostrova met the dockers on Monday. Piet Vos spoke later. "We are ready," they said.`, "We are ready", "they"},
		{"BornOpensTheSentence", `Piet Vos was the family's boss. Born Pieter, he was called "the Quiet One who never spoke a word to the police."`,
			"the Quiet One", "Piet Vos"},
		{"BodyAfterOfRole", `"It goes way back," said Ivo Brandt, the deputy commissioner of Natural Resources in charge of farming. "That's a good question," he said.`,
			"That's a good question", "Ivo Brandt"},
		{"NestedReport", `March participants chanted, "No justice for any of them tonight," witnesses reported.`, "No justice", "March participants"},
		{"QualifiedTrade", `The march went on. Harbour participants chanted "no justice for any of them tonight."`, "no justice", "Harbour participants"},
		{"TradeEndingInSs", `"He ran for his life," a witness told the Gazette. "He was unarmed," said Ivo Brandt.`, "He ran for his life", "a witness"},
		{"PossessiveIsNoSubject", `Ivo Brandt met Yuri Vance on Monday.` + "\n\n" + `"Some of it suits us," Brandt's adviser Yuri Vance said.` + "\n\n" + `"We could agree on some things," he added.`,
			"We could agree", "Yuri Vance"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			qs := quote.Find(tc.text)
			for _, q := range qs {
				if strings.HasPrefix(q.Text, tc.quote) {
					if q.Speaker != tc.speaker {
						t.Fatalf("%q by %q (%q, %s), want %q", q.Text, q.Speaker, q.SpeakerMention, q.Rule, tc.speaker)
					}
					return
				}
			}
			t.Fatalf("no quote %q in %+v", tc.quote, qs)
		})
	}
}

// A figure, a month or a word that opens a sentence names no speaker, and neither does the
// title of a film or a headline with a name in it.
func TestNotSpeakers(t *testing.T) {
	for _, tc := range []struct{ name, text, quote, not string }{
		{"Number", `Two of the jurors said "it was the hardest week of our lives and we are tired."`, "it was the hardest", "Two"},
		{"Month", `March marchers chanted "no more" and "justice now for all of them."`, "justice now", "March"},
		{"OpeningWord", `After he "reached for his belt and kept walking towards the officers," officials say the officers fired.`, "reached for his belt", "After"},
		{"FilmTitle", "In 2005 the film The Notorious Kay Lind told her story.\n\n\"I never wanted fame,\" she said.", "I never wanted fame", "Notorious Kay Lind"},
		{"Headline", "Railing Against Brandt, Mayor Calls for Vote\n\n\"He has failed us,\" Brandt said.", "He has failed us", "Railing Against Brandt"},
		{"ShowTitle", `In an interview on CBS's "Morning Report," Senator Ruth Adler said the ferry needs "more money."`, "Morning Report", "Ruth Adler"},
		{"Product", "AMD Opteron chips ship in May.\n\n\"It went well,\" she said.", "It went well", "AMD Opteron"},
		{"HeadlineSingleMarks", "Pundit Says Rival Campaign ‘Reeks of Fear and Panic’ After Debate\n\nThe debate was on Monday, Ivo Brandt said.", "Reeks of Fear", "Ivo Brandt"},
		{"Region", "Ivo Brandt flew to South Kordavia on Monday.\n\n\"We are safe,\" he said.", "We are safe", "South Kordavia"},
		{"OtherGender", "Mr. Ivo Brandt and Mr. Tomas Kerr met on Monday.\n\n\"We are safe,\" she said.", "We are safe", "Tomas Kerr"},
		{"City", "Ivo Brandt died on Friday in a Los Angeles hospital.\n\n\"We are safe,\" she said.", "We are safe", "Los Angeles"},
		{"SoCalled", "Ivo Brandt beat the law better than Piet Vos, the so - called \"Harbour King\" who won two trials.", "Harbour King", "Piet Vos"},
		{"SoCalledUnhyphenated", "Ivo Brandt was jailed for running his own so called \"black bag burglaries of the union offices.\"", "black bag", "Brandt's own so"},
		{"Inches", "The 17 '' screen is new. \"It is the thinnest we have made , '' Apple said.", "It is the thinnest", "17"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, q := range quote.Find(tc.text) {
				if strings.HasPrefix(q.Text, tc.quote) && (q.Speaker == tc.not || q.SpeakerMention == tc.not) {
					t.Fatalf("%q by %q (%q, %s)", q.Text, q.Speaker, q.SpeakerMention, q.Rule)
				}
			}
		})
	}
}

// "she" resolves to the last woman named, known by a first name of one gender, an honorific,
// or the pronouns that followed her name; not to the last man named.
func TestPronounTakesGender(t *testing.T) {
	for _, tc := range []struct{ name, text, speaker string }{
		{"FirstName", "Linda Orr met Peter Vance on Monday.\n\n“It went well,” she said.", "Linda Orr"},
		{"Honorific", "Mrs. Adaeze Obi met Mr. Ivo Brandt.\n\n“It went well,” she said.", "Adaeze Obi"},
		{"PronounAfterName", "Zuri Okafor lost her seat to Ivo Brandt in May. He won by a mile.\n\n“It went well,” she said.", "Zuri Okafor"},
		{"TitleBeforeFirstName", "Judge Rita Vale heard the Rev. Billy Cole.\n\n“It went well,” she said.", "Rita Vale"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			qs := quote.Find(tc.text)
			if len(qs) != 1 || qs[0].Speaker != tc.speaker {
				t.Fatalf("%+v", qs)
			}
		})
	}
}

// A body speaks when its own cue says so ("the NYPD said"); a speaker that is a body only
// because it is the sentence's subject is dropped.
func TestBodySpeaksByItsCue(t *testing.T) {
	for _, tc := range []struct{ name, text, quote, speaker string }{
		{"ByCue", `"The officers fired in self-defence," the NYPD said in a statement on Sunday.`, "The officers fired", "NYPD"},
		{"NoCue", `The NYPD is "a force under strain and out of money for years."`, "a force under strain", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			qs := quote.Find(tc.text)
			entity.ResolveSpeakers(qs, entity.Find(tc.text, lex.Sentences(tc.text), lex.Tokens(tc.text)))
			for _, q := range qs {
				if strings.HasPrefix(q.Text, tc.quote) {
					if q.Speaker != tc.speaker {
						t.Fatalf("%q by %q (%s)", q.Text, q.Speaker, q.Rule)
					}
					return
				}
			}
			t.Fatalf("no quote %q in %+v", tc.quote, qs)
		})
	}
}
