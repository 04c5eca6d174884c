package main

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/crosscheck/crosscheck/analyze/date"
	"github.com/crosscheck/crosscheck/eval"
)

func (m *Main) evalDates(ctx context.Context, args []string) error {
	fs := m.flags("eval dates", "--gold FILE [--json] [--misses N] [--strict]",
		`Resolves each temporal expression of a TimeBank TIMEX3 gold file against its document's
creation time and scores the value against the gold. The headline is the exact match: the
value exactly as the gold writes it. Beside it, two readings at the gold's granularity: a finer
value counts when it starts with the gold's ("1997-12-05" for "1997-12"), with the gold's
unspecified digits ("1989-WXX", "1988-QX", "1990-XX-XX") taken literally or as any digit. The
figures by type (and --misses) follow the second reading, or the first with --strict.`,
		`  crosscheck eval dates --gold ../shared/corpus/timebank/timex3.jsonl`)
	gold := fs.String("gold", "", "the gold file (TIMEX3 JSONL: text, dct, type, value)")
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	misses := fs.Int("misses", 0, "print up to N expressions resolved wrongly")
	strict := fs.Bool("strict", false, `take the gold's X literally: "1989-WXX" then matches no numbered week`)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := m.required("eval dates", "--gold FILE", *gold); err != nil {
		return err
	}
	s := eval.DateScores{Strict: *strict}
	shown := 0
	type timex struct {
		Doc, Text, DCT, Type, Value, Context string
		Start                                int
	}
	var timeline *date.Timeline
	doc := ""
	err := eachRecord(ctx, *gold, func(r timex) error {
		dct, err := time.Parse("2006-01-02", r.DCT[:min(10, len(r.DCT))])
		if err != nil {
			return fmt.Errorf("dct %q: %w", r.DCT, err)
		}
		if r.Doc != doc || timeline == nil {
			doc, timeline = r.Doc, date.NewTimeline(dct)
		}
		// the context window opens 80 bytes before the expression, or at the document's start
		got, _ := timeline.Resolve(r.Text, eval.SentenceBefore(r.Context, min(r.Start, 80)))
		if !s.Add(r.Type, r.Value, got) && shown < *misses {
			shown++
			fmt.Fprintf(m.Stdout, "miss %-10s %-35q dct %s gold %-14s got %q\n", r.Type, r.Text, r.DCT[:10], r.Value, got)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if *asJSON {
		return newEncoder(m.Stdout).Encode(s)
	}
	fmt.Fprintf(m.Stdout, "expressions %d: exactly the gold's value %d, accuracy %.3f\n", s.Total, s.Exact, s.ExactAccuracy)
	fmt.Fprintf(m.Stdout, "  at the gold's granularity: %d (%.3f) with the gold's X literal, %d (%.3f) with X any digit\n",
		s.StrictRight, float64(s.StrictRight)/float64(max(1, s.Total)), s.AnyDigitRight, float64(s.AnyDigitRight)/float64(max(1, s.Total)))
	reading := "X any digit"
	if s.Strict {
		reading = "X literal"
	}
	fmt.Fprintf(m.Stdout, "by type (%s):\n", reading)
	var types []string
	for t := range s.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		c := s.ByType[t]
		fmt.Fprintf(m.Stdout, "  %-9s %4d of %4d  %.3f\n", t, c[0], c[1], float64(c[0])/float64(c[1]))
	}
	return nil
}
