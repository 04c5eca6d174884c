package reconcile

import (
	"slices"
	"testing"
)

// The names the articles say a nickname is short for, in each way they say it, are one fact;
// an acronym spelled out is no nickname.
func TestNicknameSourceFacts(t *testing.T) {
	arts := articlesOf(t,
		`Born in Tampa, Rossi was nicknamed "Duke" - short for "Marmaduke" - by his aunt.`,
		`Born Marmaduke, he was called "Duke" for short, and the name stuck.`,
		`His aunt called him "Madoc," and his schoolmates shortened that into his lifelong nickname, "Duke."`,
		`The club, NATO short for North Atlantic Rowing, met weekly. Rossi, Bobby, short for Roberto, rowed.`,
		`His brother Bobby, short for Roberto, coached the club.`,
	)
	got := factLines(newStory(arts).nicknameSourceFacts(), true)
	want := []string{
		"conflict: name the nickname Duke is short for: Marmaduke a,b | Madoc c",
		"agree: name the nickname Bobby is short for: Roberto d,e",
	}
	if !slices.Equal(got, want) {
		t.Errorf("nickname sources =\n%q\nwant\n%q", got, want)
	}
}
