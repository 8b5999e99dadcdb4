package anonymise

import "testing"

func TestFoldText(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
		folds          bool
	}{
		{"plain ascii", "BSN 111222333", "", false},
		{"dutch letters stay", "Zoë en Chloé", "", false},
		{"emoji stay", "top 💛", "", false},
		{"full width", "\uff11\uff12\uff20\uff21", "12@A", true},
		{"invisible removed", "1\u200b2\u00ad3\ufeff4\u202e5", "12345", true},
		{"dashes and spaces", "06\u2011\u2013\u2212x\u00a0y\u202fz", "06---x y z", true},
		{"marks on digits go, marks on letters stay", "1\u0301 2\u20e3 e\u0301", "1 2 e\u0301", true},
		{"superscript and circled digits", "\u00b9\u00b2\u2075\u2460\u24ea", "12510", true},
		{"look-alikes in a latin word only", "gm\u0430il \u0430\u0441", "gmail \u0430\u0441", true},
		{"digits of other scripts", "\u0663\u06f7\u0969\U0001d7d7", "3739", true}, // Arabic-Indic 3, extended 7, Devanagari 3, mathematical bold 9
	} {
		f, ok := foldText(c.in)
		if ok != c.folds || ok && f.text != c.want {
			t.Errorf("%s: foldText(%q) = %q, %v; want %q, %v", c.name, c.in, f.text, ok, c.want, c.folds)
		}
	}
}

func TestUnfoldCoversTheWrittenText(t *testing.T) {
	in := "BSN 1\u200b1\uff11222333 klaar"
	f, ok := foldText(in)
	if !ok || f.text != "BSN 111222333 klaar" {
		t.Fatalf("folded %q", f.text)
	}
	got := f.unfold(in, []Finding{{Type: BSN, Start: 4, End: 13, Text: f.text[4:13]}})
	if got[0].Text != "1\u200b1\uff11222333" || got[0].Start != 4 || got[0].End != len(in)-len(" klaar") {
		t.Errorf("unfolded %+v", got[0])
	}
}
