package anonymise

import "testing"

// BenchmarkRedactTexts redacts the test set text by text with one Redactor,
// as one long case: the plain baseline for BenchmarkRedactSealedTexts.
func BenchmarkRedactTexts(b *testing.B) {
	s := scanner(b)
	set := loadSet(b, "testdata/test.jsonl")
	n := 0
	for _, lt := range set {
		n += len(lt.Text)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		r := s.NewRedactor()
		for _, lt := range set {
			r.Redact(lt.Text)
		}
	}
}

// BenchmarkRedactSealedTexts is BenchmarkRedactTexts with a sealed
// Redactor: every mention and candidate name is hashed before comparing.
func BenchmarkRedactSealedTexts(b *testing.B) {
	s := scanner(b)
	set := loadSet(b, "testdata/test.jsonl")
	n := 0
	for _, lt := range set {
		n += len(lt.Text)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		r, err := s.RestoreSealed(sealKey, SealedState{})
		if err != nil {
			b.Fatal(err)
		}
		for _, lt := range set {
			r.Redact(lt.Text)
		}
	}
}

// BenchmarkRedactSealedRoundTrip restores the sealed state before each text
// and seals it after, as the server does per request.
func BenchmarkRedactSealedRoundTrip(b *testing.B) {
	s := scanner(b)
	set := loadSet(b, "testdata/test.jsonl")
	n := 0
	for _, lt := range set {
		n += len(lt.Text)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for b.Loop() {
		var st SealedState
		for _, lt := range set {
			r, err := s.RestoreSealed(sealKey, st)
			if err != nil {
				b.Fatal(err)
			}
			r.Redact(lt.Text)
			st = r.Seal(sealKey)
		}
	}
}
