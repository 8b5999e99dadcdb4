package anonymise

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string
	}{
		{"all types", "Jasper Smit, BSN 209652172, Lindelaan 4b, 8531 HM Lemmer, 06-28173645, NL50 RABO 1440 9749 92.",
			"[PERSOON-1], BSN [BSN-1], [ADRES-1], [POSTCODE-1] [PLAATS-1], [TELEFOON-1], [IBAN-1]."},
		{"same person", "Jan Jansen belde. Later zei Jan dat J. Jansen gelijk had.",
			"[PERSOON-1] belde. Later zei [PERSOON-1] dat [PERSOON-1] gelijk had."},
		{"two persons", "Noah en Lynn gingen met Noah mee.", "[PERSOON-1] en [PERSOON-2] gingen met [PERSOON-1] mee."},
		{"nothing", "Het wijkteam belde de huisarts.", "Het wijkteam belde de huisarts."},
		{"quasi", "Roos (12) zit op OBS De Regenboog in Dokkum.", "[PERSOON-1] ([LEEFTIJD-1]) zit op [INSTELLING-1] in [PLAATS-1]."},
		{"initials in minutes", "Aanwezig: Hatice Yıldız (HY, psycholoog), dhr. P. Schouteten (PS)\nHY: geen ASS. PS ziet een meisje.",
			"Aanwezig: [PERSOON-1] ([PERSOON-1], psycholoog), dhr. [PERSOON-2] ([PERSOON-2])\n[PERSOON-1]: geen ASS. [PERSOON-2] ziet een meisje."},
	}
	s := scanner(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := s.NewRedactor().Redact(tt.text)
			if got != tt.want {
				t.Errorf("Redact(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestRedactIdempotent(t *testing.T) {
	s := scanner(t)
	for _, lt := range loadSet(t, "testdata/test.jsonl") {
		r := s.NewRedactor()
		once, _ := r.Redact(lt.Text)
		twice, more := r.Redact(once)
		if twice != once || len(more) != 0 {
			t.Errorf("%s: second Redact changed the text:\n%q\n%q\n%v", lt.ID, once, twice, spans(more))
		}
	}
}

func TestRedactNumberingAcrossTexts(t *testing.T) {
	s := scanner(t)
	r := s.NewRedactor()
	texts := []string{
		"Casus Jan Jansen (14), woont in Sneek. Telefoon moeder 06-12345678.",
		"Jan ging daarna naar de nieuwe school. Zijn zus Sanne ook.",
		"J. Jansen en Sanne zijn verhuisd. Bel 06 1234 5678.",
		"Storm is een vriend van Sanne.",
		"Later sprak ik Storm opnieuw.",
	}
	want := []string{
		"Casus [PERSOON-1] ([LEEFTIJD-1]), woont in [PLAATS-1]. Telefoon moeder [TELEFOON-1].",
		"[PERSOON-1] ging daarna naar de nieuwe school. Zijn zus [PERSOON-2] ook.",
		"[PERSOON-1] en [PERSOON-2] zijn verhuisd. Bel [TELEFOON-1].",
		"[PERSOON-3] is een vriend van [PERSOON-2].",
		"Later sprak ik [PERSOON-3] opnieuw.",
	}
	for i, text := range texts {
		got, _ := r.Redact(text)
		if got != want[i] {
			t.Errorf("text %d:\n got %q\nwant %q", i, got, want[i])
		}
	}
}

func TestRedactorStateRoundTrip(t *testing.T) {
	s := scanner(t)
	r := s.NewRedactor()
	r.Redact("Jan Jansen en Fatima Achahbar, 06-12345678.")
	b, err := json.Marshal(r.State())
	if err != nil {
		t.Fatal(err)
	}
	var st RedactorState
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	r2, err := s.RestoreRedactor(st)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := r2.Redact("Fatima belde Jan op 06 1234 5678. Ook Piet was er.")
	want := "[PERSOON-2] belde [PERSOON-1] op [TELEFOON-1]. Ook [PERSOON-3] was er."
	if got != want {
		t.Errorf("after restore:\n got %q\nwant %q", got, want)
	}
	if _, err := s.RestoreRedactor(RedactorState{Entities: []EntityState{{Type: "nope", Number: 1}}}); err == nil {
		t.Error("RestoreRedactor accepted an unknown type")
	}
	if _, err := s.RestoreRedactor(RedactorState{Entities: []EntityState{{Type: Person, Number: 1}, {Type: Person, Number: 1}}}); err == nil {
		t.Error("RestoreRedactor accepted a duplicate number")
	}
}

func TestRedactFindingsAreOriginalOffsets(t *testing.T) {
	s := scanner(t)
	text := "Mevrouw de Wit woont op Tjalk 15 in Workum met kleinzoon Jens (8)."
	_, fs := s.NewRedactor().Redact(text)
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range fs {
		if text[f.Start:f.End] != f.Text {
			t.Errorf("finding %+v does not match the text", f)
		}
	}
	if !strings.Contains(strings.Join(spans(fs), "|"), "person:de Wit") {
		t.Errorf("findings %q", spans(fs))
	}
}
