package defaults

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"leerlus/cases/anonymise"
)

// text is one Dutch text with where it lives, for failure messages.
type text struct{ where, nl string }

func codebookTexts(cb Codebook) []text {
	var out []text
	for _, t := range cb.Themes {
		out = append(out, text{t.Key, t.NL}, text{t.Key + " description", t.DescriptionNL})
		for _, c := range t.Codes {
			out = append(out, text{c.Key, c.NL}, text{c.Key + " description", c.DescriptionNL})
			for i, e := range c.Examples {
				out = append(out, text{fmt.Sprintf("%s example %d", c.Key, i+1), e})
			}
		}
	}
	for _, f := range cb.Factors {
		out = append(out, text{"factor " + f.Key, f.NL}, text{"factor " + f.Key + " description", f.DescriptionNL})
	}
	return out
}

func templateTexts(tpl Template) []text {
	out := []text{{"template", tpl.NL}, {"template intro", tpl.IntroNL}}
	for _, s := range tpl.Sections {
		out = append(out, text{"section " + s.Key, s.NL}, text{"section " + s.Key + " help", s.HelpNL})
		for _, q := range s.Questions {
			out = append(out, text{q.Key, q.NL}, text{q.Key + " help", q.HelpNL})
			for _, f := range q.Fields {
				out = append(out, text{q.Key + "." + f.Key, f.NL}, text{q.Key + "." + f.Key + " help", f.HelpNL})
			}
			for _, o := range q.Overrides {
				w := q.Key + " for " + o.Perspective
				out = append(out, text{w, o.NL}, text{w + " help", o.HelpNL})
			}
		}
	}
	return out
}

// Defaults are shown next to members' own texts and used to rank code
// suggestions; the anonymiser must find nothing in them, or every network
// would start with warnings it cannot act on.
func TestDutchTextsAnonymous(t *testing.T) {
	cb, tpl := load(t)
	s, err := anonymise.New()
	if err != nil {
		t.Fatal(err)
	}
	// A canary proves the scanner is live, so a silent scanner cannot pass.
	if len(s.Scan("Jan de Vries zat op de Prins Willem-school in Dokkum.")) == 0 {
		t.Fatal("scanner found nothing in the canary")
	}
	texts := append(codebookTexts(cb), templateTexts(tpl)...)
	if len(texts) < 300 {
		t.Fatalf("only %d texts collected; the walk misses parts", len(texts))
	}
	for _, x := range texts {
		for _, f := range s.Scan(x.nl) {
			t.Errorf("%s: %s %q in %q", x.where, f.Type, f.Text, x.nl)
		}
	}
}

// sentences splits on . ? ! — simple on purpose: the form's texts have no
// abbreviations or decimals.
func sentences(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '?' || r == '!' }) {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.TrimSpace(p))
		}
	}
	return out
}

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"Wat hielp jou?", 1},
		{"Kies een thema. Weet je het niet? Laat het dan leeg.", 3},
		{"Stop!  ...  Echt", 2},
	} {
		if got := sentences(c.in); len(got) != c.want {
			t.Errorf("sentences(%q) = %q, want %d", c.in, got, c.want)
		}
	}
}

// B1: parents and young people fill the form in and pick codes. Short
// sentences are the one measure of B1 a test can hold without a word list.
func TestPlainLanguage(t *testing.T) {
	const maxAvg, maxWords = 15.0, 25
	cb, tpl := load(t)
	for _, set := range []struct {
		name  string
		texts []text
	}{
		{"template", templateTexts(tpl)},
		{"codebook", codebookTexts(cb)},
	} {
		var n, words int
		worst, worstAt, worstN := "", "", 0
		for _, x := range set.texts {
			for _, s := range sentences(x.nl) {
				w := len(strings.Fields(s))
				n++
				words += w
				if w > worstN {
					worst, worstAt, worstN = s, x.where, w
				}
			}
		}
		if n == 0 {
			t.Fatalf("%s: no sentences", set.name)
		}
		avg := float64(words) / float64(n)
		if avg > maxAvg || worstN > maxWords {
			t.Errorf("%s: average %.1f words (max %.0f), longest %d (max %d): %s: %q",
				set.name, avg, maxAvg, worstN, maxWords, worstAt, worst)
		}
		t.Logf("%s: %d sentences, average %.1f words, longest %d: %q", set.name, n, avg, worstN, worst)
	}
}

// Labels are buttons and chips in the interface; keep them short.
func TestLabelsShort(t *testing.T) {
	const maxWords = 5
	cb, _ := load(t)
	n := 0
	for _, th := range cb.Themes {
		labels := []text{{th.Key, th.NL}}
		for _, c := range th.Codes {
			labels = append(labels, text{c.Key, c.NL})
		}
		for _, l := range labels {
			n++
			if w := len(strings.Fields(l.nl)); w > maxWords {
				t.Errorf("%s: label %q has %d words, max %d", l.where, l.nl, w, maxWords)
			}
		}
	}
	if n == 0 {
		t.Fatal("no labels")
	}
}

// Examples must not carry numbers: an exact count or age in a default text
// would be copied into members' texts as if it were a fact about a case.
func TestExamplesHaveNoNumbers(t *testing.T) {
	cb, _ := load(t)
	numberWords := map[string]bool{}
	for _, w := range strings.Fields("twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig honderd") {
		numberWords[w] = true
	}
	n := 0
	for _, th := range cb.Themes {
		for _, c := range th.Codes {
			for _, e := range c.Examples {
				n++
				for _, w := range strings.FieldsFunc(strings.ToLower(e), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
					if numberWords[w] || strings.ContainsAny(w, "0123456789") {
						t.Errorf("%s: number %q in %q", c.Key, w, e)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no examples")
	}
}
