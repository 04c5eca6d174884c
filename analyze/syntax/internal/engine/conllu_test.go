package engine

import (
	"strings"
	"testing"
)

func TestReadCoNLLUSkipsRangesAndEmptyNodes(t *testing.T) {
	in := "# sent_id = 1\n" +
		"1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n" +
		"2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n" +
		"3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n" +
		"3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_\n" +
		"\n" +
		"1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n"
	var got [][]Word
	err := ReadCoNLLU(strings.NewReader(in), func(s []Word) error { got = append(got, s); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(got[0]) != 3 || len(got[1]) != 1 {
		t.Fatalf("sentences %v", got)
	}
	if w := got[0][1]; w.Form != "n't" || w.UPOS != "PART" || w.XPOS != "RB" || w.Head != 3 || w.Rel != "advmod" {
		t.Errorf("word 2 = %+v", w)
	}
}

func TestReadCoNLLURejectsShortLines(t *testing.T) {
	err := ReadCoNLLU(strings.NewReader("1\tx\n"), func([]Word) error { return nil })
	if err == nil {
		t.Fatal("no error for a line of two fields")
	}
}
