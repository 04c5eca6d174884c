package extract_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/extract"
)

func TestLanguage(t *testing.T) {
	for want, text := range map[string]string{
		"en": "The council approved the budget on Tuesday after a long debate, and the mayor said that the vote was a good result for the city and its residents.",
		"de": "Der Rat hat am Dienstag nach einer langen Debatte den Haushalt beschlossen, und der Bürgermeister sagte, dass die Abstimmung ein gutes Ergebnis für die Stadt sei.",
		"fr": "Le conseil a approuvé le budget mardi après un long débat, et le maire a déclaré que le vote était un bon résultat pour la ville et ses habitants.",
		"es": "El consejo aprobó el presupuesto el martes después de un largo debate, y el alcalde dijo que la votación fue un buen resultado para la ciudad y sus vecinos.",
		"ru": "Совет утвердил бюджет во вторник после долгих дебатов, и мэр заявил, что голосование стало хорошим результатом для города и его жителей.",
		"pl": "Rada zatwierdziła budżet we wtorek po długiej debacie, a burmistrz powiedział, że głosowanie było dobrym wynikiem dla miasta i jego mieszkańców.",
	} {
		if got := extract.Language(text); got != want {
			t.Errorf("Language(%.40q…) = %q, want %q", text, got, want)
		}
	}
	// A table of figures with a line of prose: too few function words for the first rule, and
	// trigram profiles are unsure of it.
	brief := "Oper shr profit 36 cts vs loss 1.48 dlrs\nOper net profit 1,353,000 vs loss 5,551,000\nRevs 11.3 mln vs 8,142,000\nYear\nOper shr profit 31 cts vs loss 1.12 dlrs\nNote: the company said it sold a unit in the year."
	if got := extract.Language(brief); got != "en" {
		t.Errorf("Language(brief) = %q, want en", got)
	}
}
