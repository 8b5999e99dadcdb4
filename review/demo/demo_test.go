package demo

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"leerlus/cases/anonymise"
	casedemo "leerlus/cases/demo"
	"leerlus/review/defaults"
)

func load(t *testing.T) []CaseReflections {
	t.Helper()
	list, err := Reflections()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) == 0 {
		t.Fatal("no demo reflections")
	}
	return list
}

func demoCases(t *testing.T) map[string]casedemo.Case {
	t.Helper()
	cs, err := casedemo.Cases()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]casedemo.Case{}
	for _, c := range cs {
		out[c.Key] = c
	}
	return out
}

// shown: published and archived cases are read by the network; their
// reflections are what the case page, the lessons and the research see.
func shown(c casedemo.Case) bool { return c.Status == "published" || c.Status == "archived" }

func TestEveryShownCaseHasReflectionsFromDistinctPerspectives(t *testing.T) {
	cases := demoCases(t)
	seen := map[string]bool{}
	for _, cr := range load(t) {
		c, ok := cases[cr.Case]
		if !ok {
			t.Errorf("%s: no such demo case", cr.Case)
			continue
		}
		if seen[cr.Case] {
			t.Errorf("%s: listed twice", cr.Case)
		}
		seen[cr.Case] = true
		perspectives, authors := map[string]bool{}, map[string]bool{}
		published := 0
		for _, r := range cr.Reflections {
			if perspectives[r.Perspective] {
				t.Errorf("%s: two reflections from perspective %s", cr.Case, r.Perspective)
			}
			if authors[r.Author] {
				t.Errorf("%s: two reflections by %s", cr.Case, r.Author)
			}
			perspectives[r.Perspective], authors[r.Author] = true, true
			if r.Status == "published" {
				published++
			}
		}
		switch {
		case shown(c):
			if n := len(cr.Reflections); n < 2 || n > 5 {
				t.Errorf("%s (%s): %d reflections, want 2–5", cr.Case, c.Status, n)
			}
			if published < 2 {
				t.Errorf("%s (%s): %d published reflections, want at least 2 to compare", cr.Case, c.Status, published)
			}
		case c.Status == "submitted":
			// Before its check a case is its author's and the facilitators'.
			for _, r := range cr.Reflections {
				if r.Author != c.Author || r.Status != "draft" {
					t.Errorf("%s (submitted): a %s reflection by %s, want only drafts by the author %s", cr.Case, r.Status, r.Author, c.Author)
				}
			}
		default:
			t.Errorf("%s (%s): reflections need a submitted or published case", cr.Case, c.Status)
		}
	}
	for key, c := range cases {
		if shown(c) && !seen[key] {
			t.Errorf("%s (%s): no reflections", key, c.Status)
		}
	}
}

func TestStatusesAreMostlyPublished(t *testing.T) {
	count := map[string]int{}
	for _, cr := range load(t) {
		for _, r := range cr.Reflections {
			count[r.Status]++
		}
	}
	if len(count) != 3 {
		t.Fatalf("statuses %v, want draft, submitted and published, and nothing else", count)
	}
	total := count["published"] + count["submitted"] + count["draft"]
	if count["published"]*10 < total*8 || count["submitted"] < 3 || count["draft"] < 3 {
		t.Errorf("statuses %v: want at least 80 %% published, and a few submitted (the review queue) and drafts", count)
	}
}

func TestAnswersFitTheDefaultForm(t *testing.T) {
	cb, err := defaults.DefaultCodebook()
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for _, th := range cb.Themes {
		for _, c := range th.Codes {
			codes[c.Key] = true
		}
	}
	tpl, err := defaults.DefaultTemplate()
	if err != nil {
		t.Fatal(err)
	}
	ratings := map[string]bool{}
	for _, s := range tpl.Sections {
		for _, q := range s.Questions {
			if q.Type == defaults.TypeRating {
				ratings[q.Key] = true
			}
		}
	}
	checkCodes := func(where string, keys []string) {
		if len(keys) == 0 || len(keys) > 5 {
			t.Errorf("%s: %d codes, want 1–5", where, len(keys))
		}
		for _, k := range keys {
			if !codes[k] {
				t.Errorf("%s: code %q is not in the default codebook", where, k)
			}
		}
	}
	ids := map[string]bool{}
	for _, cr := range load(t) {
		for _, r := range cr.Reflections {
			where := cr.Case + "/" + r.Perspective
			if len(r.Worked) == 0 || len(r.DidNotWork) == 0 {
				t.Errorf("%s: both what worked and what did not are required", where)
			}
			for i, it := range append(append([]Item{}, r.Worked...), r.DidNotWork...) {
				checkCodes(fmt.Sprintf("%s item %d", where, i), it.Codes)
				checkLength(t, where+" what", it.What, 3, 500)
				checkLength(t, where+" why", it.Why, 3, 1000)
			}
			if r.Differently != "" {
				checkLength(t, where+" differently", r.Differently, 3, 2000)
			}
			for q, v := range r.Ratings {
				if !ratings[q] || v < defaults.RatingMin || v > defaults.RatingMax {
					t.Errorf("%s: rating %s = %d", where, q, v)
				}
			}
			if len(r.Lessons) > 3 {
				t.Errorf("%s: %d lessons, want 0–3", where, len(r.Lessons))
			}
			for i, l := range r.Lessons {
				if want := fmt.Sprintf("%s/%d", where, i+1); l.ID != want {
					t.Errorf("%s: lesson id %q, want %q", where, l.ID, want)
				}
				if ids[l.ID] {
					t.Errorf("lesson id %s twice", l.ID)
				}
				ids[l.ID] = true
				checkLength(t, l.ID, l.Statement, 3, 300)
				checkCodes(l.ID, l.Codes)
				if l.Group == "" {
					t.Errorf("%s: no ground-truth group", l.ID)
				}
				if len(l.Sources) == 0 {
					t.Errorf("%s: a lesson leads back to the items it came from", l.ID)
				}
				for _, s := range l.Sources {
					if _, err := r.SourceIndex(s); err != nil {
						t.Errorf("%s: %v", l.ID, err)
					}
				}
			}
		}
	}
}

func checkLength(t *testing.T, where, s string, min, max int) {
	t.Helper()
	if n := utf8.RuneCountInString(s); n < min || n > max || s != strings.TrimSpace(s) {
		t.Errorf("%s: %d characters (want %d–%d, trimmed): %q", where, n, min, max, s)
	}
}

// texts lists every free text of the demo reflections with where it is.
func texts(list []CaseReflections) [][2]string {
	var out [][2]string
	for _, cr := range list {
		for _, r := range cr.Reflections {
			where := cr.Case + "/" + r.Perspective
			for i, it := range r.Worked {
				out = append(out, [2]string{fmt.Sprintf("%s worked %d what", where, i), it.What}, [2]string{fmt.Sprintf("%s worked %d why", where, i), it.Why})
			}
			for i, it := range r.DidNotWork {
				out = append(out, [2]string{fmt.Sprintf("%s did_not_work %d what", where, i), it.What}, [2]string{fmt.Sprintf("%s did_not_work %d why", where, i), it.Why})
			}
			if r.Differently != "" {
				out = append(out, [2]string{where + " differently", r.Differently})
			}
			for _, l := range r.Lessons {
				out = append(out, [2]string{l.ID, l.Statement})
			}
		}
	}
	return out
}

// The loader writes through the anonymiser without decisions, so any
// finding would fail the demo; this test names the text that would.
func TestTextsPassTheAnonymiser(t *testing.T) {
	scanner, err := anonymise.New()
	if err != nil {
		t.Fatal(err)
	}
	all := texts(load(t))
	seen := map[string]string{}
	for _, x := range all {
		for _, f := range scanner.Scan(x[1]) {
			t.Errorf("%s: %s %q in %q", x[0], f.Type, f.Text, x[1])
		}
		// No digits: no ages, years or anything that reads as an identifier.
		if strings.IndexFunc(x[1], unicode.IsDigit) >= 0 {
			t.Errorf("%s: a digit in %q", x[0], x[1])
		}
		if prev, ok := seen[x[1]]; ok {
			t.Errorf("%s repeats %s: %q", x[0], prev, x[1])
		}
		seen[x[1]] = x[0]
	}
	if len(all) < 1000 {
		t.Errorf("%d texts scanned, want the whole demo (over 1,000)", len(all))
	}
}

// groupSpread is, per ground-truth group, the distinct cases, networks
// and perspectives of its lessons in published reflections.
type groupSpread struct {
	lessons                       int
	cases, networks, perspectives map[string]bool
}

func spreads(t *testing.T) map[string]*groupSpread {
	cases := demoCases(t)
	out := map[string]*groupSpread{}
	for _, cr := range load(t) {
		c := cases[cr.Case]
		for _, r := range cr.Reflections {
			if r.Status != "published" {
				continue
			}
			for _, l := range r.Lessons {
				g := out[l.Group]
				if g == nil {
					g = &groupSpread{cases: map[string]bool{}, networks: map[string]bool{}, perspectives: map[string]bool{}}
					out[l.Group] = g
				}
				g.lessons++
				g.cases[cr.Case] = true
				g.networks[fmt.Sprintf("%d/%d", c.Workplace, c.Network)] = true
				g.perspectives[r.Perspective] = true
			}
		}
	}
	return out
}

// recurring are the underlying lessons the demo was written to repeat:
// each across at least three cases, in more than one network, in the
// words of more than one perspective.
var recurring = []string{
	"stem-jongere", "warme-overdracht", "school-aan-tafel", "vaste-hulpverlener", "wachttijd-overbruggen",
	"een-plan-regisseur", "netwerk-betrekken", "doorzettingsmacht", "normaliseren", "school-signaleren",
	"eerst-bestaanszekerheid", "eerst-helpen-dan-betalen", "eerlijk-over-zorgen", "op-tijd-afschalen",
	"voorbereiden-18", "begrijpelijke-taal", "sterke-kanten", "hulp-op-maat", "signalen-bundelen",
	"op-tijd-opschalen", "nazorg-na-afsluiten", "verhaal-niet-opnieuw",
}

func TestLessonsRecurAcrossCases(t *testing.T) {
	sp := spreads(t)
	for _, name := range recurring {
		g := sp[name]
		switch {
		case g == nil:
			t.Errorf("group %s has no published lessons", name)
		case len(g.cases) < 3 || len(g.networks) < 2 || len(g.perspectives) < 2:
			t.Errorf("group %s: %d lessons in %d cases, %d networks, %d perspectives; want ≥3 cases, ≥2 networks and ≥2 perspectives",
				name, g.lessons, len(g.cases), len(g.networks), len(g.perspectives))
		}
	}
	// A group not in the list is a deliberate one-off (a near miss or a
	// singleton): it must not quietly recur.
	listed := map[string]bool{}
	for _, n := range recurring {
		listed[n] = true
	}
	for name, g := range sp {
		if !listed[name] && len(g.cases) >= 3 {
			t.Errorf("group %s recurs in %d cases but is not listed as recurring", name, len(g.cases))
		}
	}
}

var word = regexp.MustCompile(`\p{L}+`)

// overlap is the Jaccard similarity of two texts' word sets.
func overlap(a, b string) float64 {
	wa, wb := map[string]bool{}, map[string]bool{}
	for _, w := range word.FindAllString(strings.ToLower(a), -1) {
		wa[w] = true
	}
	for _, w := range word.FindAllString(strings.ToLower(b), -1) {
		wb[w] = true
	}
	both := 0
	for w := range wa {
		if wb[w] {
			both++
		}
	}
	return float64(both) / float64(len(wa)+len(wb)-both)
}

// Lessons of one group say the same thing in clearly different words;
// near misses share many words with a lesson of another group.
func TestWordingParaphrasesAndNearMisses(t *testing.T) {
	lessons, err := LabelledLessons()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]LabelledLesson{}
	byGroup := map[string][]LabelledLesson{}
	for _, l := range lessons {
		byID[l.ID] = l
		byGroup[l.Group] = append(byGroup[l.Group], l)
	}
	for g, ls := range byGroup {
		for i := range ls {
			for j := i + 1; j < len(ls); j++ {
				if o := overlap(ls[i].Text, ls[j].Text); o > 0.6 {
					t.Errorf("group %s: %s and %s share %.0f %% of their words; write them differently", g, ls[i].ID, ls[j].ID, o*100)
				}
			}
		}
	}
	pairs := 0
	for _, l := range lessons {
		if l.NearMissOf == "" {
			continue
		}
		pairs++
		other, ok := byID[l.NearMissOf]
		switch {
		case !ok:
			t.Errorf("%s: near miss of unknown lesson %s", l.ID, l.NearMissOf)
		case other.Group == l.Group:
			t.Errorf("%s: near miss of %s in the same group %s", l.ID, other.ID, l.Group)
		case overlap(l.Text, other.Text) < 0.25:
			t.Errorf("%s and %s share only %.0f %% of their words: not a near miss", l.ID, other.ID, overlap(l.Text, other.Text)*100)
		}
	}
	if pairs < 4 {
		t.Errorf("%d near-miss pairs, want at least 4", pairs)
	}
}

func TestLabelledLessonsCarryTheirCase(t *testing.T) {
	lessons, err := LabelledLessons()
	if err != nil {
		t.Fatal(err)
	}
	if len(lessons) < 150 {
		t.Fatalf("%d labelled lessons, want at least 150", len(lessons))
	}
	for _, l := range lessons {
		if l.Outcome != "good" && l.Outcome != "stuck" && l.Outcome != "mixed" || l.Case == "" || l.Perspective == "" || l.Status == "" {
			t.Errorf("%s: incomplete %+v", l.ID, l)
		}
	}
}

// codeCounts counts, per code and effect, the distinct cases of each
// outcome with a published reflection that names it.
func codeCounts(t *testing.T) map[[2]string]map[string]map[string]bool {
	cases := demoCases(t)
	out := map[[2]string]map[string]map[string]bool{}
	add := func(code, effect, outcome, key string) {
		k := [2]string{code, effect}
		if out[k] == nil {
			out[k] = map[string]map[string]bool{}
		}
		if out[k][outcome] == nil {
			out[k][outcome] = map[string]bool{}
		}
		out[k][outcome][key] = true
	}
	for _, cr := range load(t) {
		outcome := cases[cr.Case].Outcome
		for _, r := range cr.Reflections {
			if r.Status != "published" {
				continue
			}
			for _, it := range r.Worked {
				for _, c := range it.Codes {
					add(c, "helped", outcome, cr.Case)
				}
			}
			for _, it := range r.DidNotWork {
				for _, c := range it.Codes {
					add(c, "hindered", outcome, cr.Case)
				}
			}
		}
	}
	return out
}

func TestStuckAndGoodTrajectoriesDiffer(t *testing.T) {
	cases := demoCases(t)
	outcomes := map[string]int{}
	for _, c := range cases {
		if shown(c) {
			outcomes[c.Outcome]++
		}
	}
	if outcomes["stuck"] != 21 || outcomes["good"] != 24 {
		t.Fatalf("shown cases by outcome %v: the designed figures assume 21 stuck and 24 good", outcomes)
	}
	counts := codeCounts(t)
	for _, c := range Contrasts() {
		got := counts[[2]string{c.Code, c.Effect}]
		stuck, good := len(got["stuck"]), len(got["good"])
		if stuck != c.Stuck || good != c.Good {
			t.Errorf("%s %s: %d stuck and %d good cases, designed %d and %d", c.Code, c.Effect, stuck, good, c.Stuck, c.Good)
		}
		// The contrast is the point: the share in one outcome at least
		// three times the share in the other.
		ps, pg := float64(c.Stuck)/21, float64(c.Good)/24
		if !(ps >= 3*pg || pg >= 3*ps) {
			t.Errorf("%s %s: %.0f %% of stuck against %.0f %% of good cases is no clear contrast", c.Code, c.Effect, ps*100, pg*100)
		}
	}
}

// The case page compares perspectives: on some cases one perspective says
// a code helped where another says it hindered.
func TestPerspectivesDisagreeOnSomeCases(t *testing.T) {
	differ := 0
	for _, cr := range load(t) {
		helped, hindered := map[string]map[string]bool{}, map[string]map[string]bool{}
		mark := func(m map[string]map[string]bool, code, p string) {
			if m[code] == nil {
				m[code] = map[string]bool{}
			}
			m[code][p] = true
		}
		for _, r := range cr.Reflections {
			if r.Status != "published" {
				continue
			}
			for _, it := range r.Worked {
				for _, c := range it.Codes {
					mark(helped, c, r.Perspective)
				}
			}
			for _, it := range r.DidNotWork {
				for _, c := range it.Codes {
					mark(hindered, c, r.Perspective)
				}
			}
		}
		for code, ps := range helped {
			onlyHelped, onlyHindered := false, false
			for p := range ps {
				onlyHelped = onlyHelped || !hindered[code][p]
			}
			for p := range hindered[code] {
				onlyHindered = onlyHindered || !ps[p]
			}
			if onlyHelped && onlyHindered {
				differ++
				break
			}
		}
	}
	if differ < 10 {
		t.Errorf("%d cases where perspectives differ on a code, want at least 10", differ)
	}
}
