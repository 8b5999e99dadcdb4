package anonymise

import (
	"strings"
	"testing"
)

// TestScanAdversarialInputs runs pathological inputs that once took
// quadratic time (runs of initials, slashes, digits); it checks the
// invariants only, no timing.
func TestScanAdversarialInputs(t *testing.T) {
	s := scanner(t)
	for name, unit := range map[string]string{
		"letters": "a", "caps": "Abcdefghij", "at": "a@b.nl ", "slash": "a/", "digits": "1", "digits spaced": "1 ",
		"tags": "[PERSOON-1] ", "names": "Jan ", "initials": "J. ", "hyphens": "Jan-", "tussenvoegsels": "van ",
		"www": "www.", "scheme": "://", "plus": "+3", "brackets": "(1", "mixed": "Ik ben Jan (12), BSN 123456782, Kerkstraat 1, 06-12345678 a@b.nl. ",
		"chat": "jurrick: a\n", "chat names": "naïsha: jurrick Jurrick\n", "court numbers": "C/16/512345 / JE RK 22-1234 / ",
		"bsn list": "BSN 123456789 en ", "bsn list lines": "BSN's:\n- 123 456 789 (Jan, De Wit)\n", "digit groups": "kenmerk 12 34 ",
		"particles": "Van der ", "hyphen particles": "Al-", "letter groups": "VT-ADV-",
	} {
		text := strings.Repeat(unit, 20000/len(unit))
		checkFindings(t, text, s.Scan(text))
		r := s.NewRedactor()
		out, fs := r.Redact(text)
		checkReplaced(t, text, out, fs)
		if again, _ := r.Redact(out); again != out {
			t.Errorf("%s: second Redact changed the text", name)
		}
	}
}
