package engine

// TagAccuracy is the share of words t tags as the sentences do (UPOS).
func TagAccuracy(t *Tagger, sents [][]Word) float64 {
	var s Scratch
	right, total := 0, 0
	var words []string
	var tags []int
	for _, sent := range sents {
		words = words[:0]
		for _, w := range sent {
			words = append(words, w.Form)
		}
		tags = append(tags[:0], make([]int, len(words))...)
		t.TagInto(words, tags, &s)
		for i, w := range sent {
			total++
			if t.Tags[tags[i]] == w.UPOS {
				right++
			}
		}
	}
	return float64(right) / float64(max(total, 1))
}

// Scores are the tagger's and the parser's figures on a treebank: the share of words given
// their universal part of speech (UPOS), their head (UAS), and their head and relation, subtype
// and all (LAS), parsing with the predicted tags. Every word counts, punctuation too.
type Scores struct {
	Sentences int     `json:"sentences"`
	Words     int     `json:"words"`
	UPOS      float64 `json:"upos"`
	UAS       float64 `json:"uas"`
	LAS       float64 `json:"las"`
}

// Evaluate tags and parses the sentences (forms normalised) and scores UPOS accuracy, and the
// attachment scores with the predicted tags (LAS counting the whole relation, subtype and all).
func (m *Model) Evaluate(sents [][]Word) Scores { return m.evaluate(sents, false) }

// EvaluateGoldTags is Evaluate parsing with the sentences' own tags.
func (m *Model) EvaluateGoldTags(sents [][]Word) Scores { return m.evaluate(sents, true) }

func (m *Model) evaluate(sents [][]Word, goldTags bool) Scores {
	var sc ParseScratch
	var tally Tally
	var words []string
	for _, sent := range sents {
		words = words[:0]
		for _, w := range sent {
			words = append(words, w.Form)
		}
		tags := make([]int, len(words))
		m.Tagger.TagInto(words, tags, &sc.Scratch)
		th := make([]uint64, len(words))
		for i, t := range tags {
			th[i] = m.Tagger.tagHash[t]
			if goldTags {
				th[i] = hashString(sent[i].UPOS)
			}
		}
		heads, rels := make([]int32, len(words)), make([]int32, len(words))
		m.Parser.ParseTaggedInto(th, heads, rels, &sc)
		tally.Add(sent, func(i int) (string, int, string) {
			return m.Tagger.Tags[tags[i]], int(heads[i]), m.Parser.Labels[rels[i]]
		})
	}
	return tally.Scores()
}

// Tally counts the words of treebank sentences tagged and attached right.
type Tally struct {
	s              Scores
	upos, uas, las int
}

// Add counts a sentence; got gives word i's predicted tag, head (1-based, 0 the root) and
// relation.
func (t *Tally) Add(sent []Word, got func(i int) (tag string, head int, rel string)) {
	t.s.Sentences++
	for i, w := range sent {
		tag, head, rel := got(i)
		t.s.Words++
		if tag == w.UPOS {
			t.upos++
		}
		if head == w.Head {
			t.uas++
			if rel == w.Rel {
				t.las++
			}
		}
	}
}

// Scores is the figures of the sentences counted.
func (t *Tally) Scores() Scores {
	s := t.s
	n := float64(max(s.Words, 1))
	s.UPOS, s.UAS, s.LAS = float64(t.upos)/n, float64(t.uas)/n, float64(t.las)/n
	return s
}
