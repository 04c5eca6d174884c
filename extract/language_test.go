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
}
