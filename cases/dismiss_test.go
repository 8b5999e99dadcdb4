package cases_test

import (
	"testing"

	"leerlus"
	"leerlus/cases"
)

// Decisions nobody checks later (a text of no case) may dismiss a name or
// a date, not an identifier with a fixed shape; there the finding says it
// must change.
func TestUncheckedDismissals(t *testing.T) {
	w := newWorld(t)
	text := "Op 12 maart 2024 belde Jan de Vries vanaf 06-12345678."
	for _, c := range []struct {
		name       string
		mustChange map[string]bool // finding type → must change; nil: the write passes
	}{
		{"name and date and phone", map[string]bool{"phone": true}},
		{"name and date", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			value := text
			if c.mustChange == nil {
				value = "Op 12 maart 2024 belde Jan de Vries."
			}
			in := []cases.Text{{Pointer: "/text", Field: "/text", Value: value}}
			first := domainError(t, w.svc.ScreenFree(in, cases.Decisions{}), leerlus.CodeIdentifying)
			var d cases.Decisions
			for _, f := range first.Findings {
				// The first refusal already says which findings no
				// dismissal lets through, so a client can say so at once.
				if f.MustChange != c.mustChange[f.Type] {
					t.Errorf("%s: must change %v", f.Type, f.MustChange)
				}
				d.Dismissed = append(d.Dismissed, cases.MarkInput{Field: f.Field, Type: f.Type, Start: f.Start, End: f.End})
			}
			err := w.svc.ScreenFree(in, d)
			if c.mustChange == nil {
				must(t, err)
				return
			}
			again := domainError(t, err, leerlus.CodeIdentifying)
			got := map[string]bool{}
			for _, f := range again.Findings {
				got[f.Type] = f.MustChange
			}
			if len(got) != len(c.mustChange) || !got["phone"] {
				t.Errorf("findings after dismissing all: %+v, want only the phone number, which must change", again.Findings)
			}
		})
	}
}
