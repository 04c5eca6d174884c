package lex_test

import (
	"reflect"
	"testing"

	"github.com/crosscheck/crosscheck/analyze/lex"
)

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Talks Resume in Moscow\nPutin met Mr. Witkoff at 5 p.m. on Tuesday. They talked.",
			[]string{"Talks Resume in Moscow", "Putin met Mr. Witkoff at 5 p.m. on Tuesday.", "They talked."}},
		{"The U.S. envoy arrived. The U.S. He left.", []string{"The U.S. envoy arrived.", "The U.S.", "He left."}},
		{"John F. Kennedy spoke on Oct. 23 in Washington. It rained.", []string{"John F. Kennedy spoke on Oct. 23 in Washington.", "It rained."}},
		{"“We are ready. We will go,” he said. “Are you sure?” she asked.", []string{"“We are ready.", "We will go,” he said.", "“Are you sure?” she asked."}},
		{"He said: “No.” Then he left!  Really?", []string{"He said: “No.”", "Then he left!", "Really?"}},
		{"Prices rose 2.5 percent in 2024. Analysts agreed.", []string{"Prices rose 2.5 percent in 2024.", "Analysts agreed."}},
		{"", nil},
	} {
		var got []string
		for _, s := range lex.Sentences(tc.text) {
			got = append(got, tc.text[s[0]:s[1]])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestTokens(t *testing.T) {
	text := "Mr. Putin’s son-in-law paid $1,200.50 to the U.S. on Oct. 3, “fine.”"
	var got []string
	for _, s := range lex.Tokens(text) {
		got = append(got, text[s[0]:s[1]])
	}
	want := []string{"Mr.", "Putin’s", "son-in-law", "paid", "$", "1,200.50", "to", "the", "U.S.", "on", "Oct.", "3", ",", "“", "fine", ".", "”"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens\n got %q\nwant %q", got, want)
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"A. B.", "“x.” y", "U.S. The", "\n\n.", "Mr.", "1,2,3."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range lex.Sentences(text) {
			if s[0] < prev || s[1] <= s[0] || s[1] > len(text) {
				t.Fatalf("sentence %v after %d in %q", s, prev, text)
			}
			prev = s[1]
		}
		prev = 0
		for _, s := range lex.Tokens(text) {
			if s[0] < prev || s[1] <= s[0] || s[1] > len(text) {
				t.Fatalf("token %v after %d in %q", s, prev, text)
			}
			prev = s[1]
		}
	})
}
