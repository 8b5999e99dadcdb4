package demo

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"leerlus/cases"
	"leerlus/cases/anonymise"
)

func loadCases(t *testing.T) []Case {
	t.Helper()
	cs, err := Cases()
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// label names a case in failure messages.
func label(i int, c Case) string {
	return fmt.Sprintf("case %d (%d/%d %q)", i, c.Workplace, c.Network, c.Title)
}

func quarterIndex(p Period) int { return p.Year*4 + p.Quarter - 1 }

func TestCasesParseAndCount(t *testing.T) {
	cs := loadCases(t)
	if len(cs) < 64 {
		t.Fatalf("%d demo cases, want at least 64", len(cs))
	}
}

var keyPattern = regexp.MustCompile(`^[a-z]+(-[a-z0-9]+)*$`)

// Other demo data names cases by key: keys are unique, and lower-case
// words joined by hyphens.
func TestKeysAreUnique(t *testing.T) {
	seen := map[string]int{}
	for i, c := range loadCases(t) {
		if !keyPattern.MatchString(c.Key) || len(c.Key) > 60 {
			t.Errorf("%s: key %q is not a short slug", label(i, c), c.Key)
		}
		if prev, ok := seen[c.Key]; ok {
			t.Errorf("%s: key %q already names case %d", label(i, c), c.Key, prev)
		}
		seen[c.Key] = i
	}
}

func TestCodesAreFromTheVocabulary(t *testing.T) {
	for i, c := range loadCases(t) {
		single := []struct {
			list cases.List
			code string
		}{
			{cases.Outcomes, c.Outcome},
			{cases.AgeBands, c.AgeBand},
			{cases.Households, c.Household},
			{cases.Durations, c.Duration},
		}
		for _, s := range single {
			if !s.list.Has(s.code) {
				t.Errorf("%s: %s %q is not one of %v", label(i, c), s.list.Name, s.code, s.list.Codes())
			}
		}
		multi := []struct {
			list  cases.List
			codes []string
		}{
			{cases.LifeDomains, c.LifeDomains},
			{cases.Services, c.Services},
		}
		for _, m := range multi {
			if len(m.codes) == 0 {
				t.Errorf("%s: no %s", label(i, c), m.list.Name)
			}
			seen := map[string]bool{}
			for _, code := range m.codes {
				if !m.list.Has(code) {
					t.Errorf("%s: %s %q is not one of %v", label(i, c), m.list.Name, code, m.list.Codes())
				}
				if seen[code] {
					t.Errorf("%s: %s %q twice", label(i, c), m.list.Name, code)
				}
				seen[code] = true
			}
		}
		for k, e := range c.Episodes {
			for _, s := range []struct {
				list cases.List
				code string
			}{{cases.Phases, e.Phase}, {cases.EpisodeDurations, e.Duration}, {cases.Effects, e.Effect}} {
				if !s.list.Has(s.code) {
					t.Errorf("%s episode %d: %s %q is not one of %v", label(i, c), k, s.list.Name, s.code, s.list.Codes())
				}
			}
		}
	}
}

func TestLimits(t *testing.T) {
	statuses := map[string]bool{"draft": true, "submitted": true, "published": true, "archived": true}
	for i, c := range loadCases(t) {
		if !statuses[c.Status] {
			t.Errorf("%s: status %q", label(i, c), c.Status)
		}
		texts := []struct {
			what     string
			text     string
			min, max int
		}{{"title", c.Title, 3, 120}, {"summary", c.Summary, 20, 4000}}
		for k, e := range c.Episodes {
			texts = append(texts, struct {
				what     string
				text     string
				min, max int
			}{fmt.Sprintf("episode %d", k), e.WhatHappened, 10, 2000})
		}
		for _, x := range texts {
			if n := utf8.RuneCountInString(x.text); n < x.min || n > x.max {
				t.Errorf("%s: %s has %d characters, want %d–%d", label(i, c), x.what, n, x.min, x.max)
			}
			if x.text != strings.TrimSpace(x.text) {
				t.Errorf("%s: %s has leading or trailing space", label(i, c), x.what)
			}
		}
		if n := len(c.Episodes); n < 3 || n > 8 {
			t.Errorf("%s: %d episodes, want 3–8", label(i, c), n)
		}
		periods := []Period{c.Start}
		if c.End != nil {
			periods = append(periods, *c.End)
		}
		for _, p := range periods {
			if p.Year < 2019 || p.Year > 2026 || p.Quarter < 1 || p.Quarter > 4 {
				t.Errorf("%s: period %+v outside 2019–2026 or quarter 1–4", label(i, c), p)
			}
		}
		if c.End != nil && quarterIndex(*c.End) < quarterIndex(c.Start) {
			t.Errorf("%s: ends %+v before it starts %+v", label(i, c), *c.End, c.Start)
		}
		// Only a draft can describe a trajectory that still runs: whatever is
		// submitted, published or archived is complete.
		if c.End == nil && c.Status != "draft" {
			t.Errorf("%s: %s without an end", label(i, c), c.Status)
		}
	}
}

// The duration band of a finished case must fit its start and end quarters:
// a trajectory from the first to the last day of its quarters is at most
// one quarter longer than the quarters between them, and at least one
// quarter shorter.
func TestDurationFitsPeriod(t *testing.T) {
	bands := map[string][2]int{ // months, lower inclusive, upper exclusive
		"lt_3m": {0, 3}, "3_6m": {3, 6}, "6_12m": {6, 12}, "1_2y": {12, 24}, "2_4y": {24, 48}, "gt_4y": {48, 1 << 30},
	}
	checked := 0
	for i, c := range loadCases(t) {
		if c.End == nil {
			continue
		}
		checked++
		d := quarterIndex(*c.End) - quarterIndex(c.Start)
		lo, hi := max(0, (d-1)*3), (d+1)*3
		b, ok := bands[c.Duration]
		if !ok {
			t.Errorf("%s: unknown duration %q", label(i, c), c.Duration)
			continue
		}
		if b[1] <= lo || b[0] > hi {
			t.Errorf("%s: duration %s does not fit %+v to %+v (%d to %d months)", label(i, c), c.Duration, c.Start, *c.End, lo, hi)
		}
	}
	if checked == 0 {
		t.Fatal("no finished case to check")
	}
}

func TestSpread(t *testing.T) {
	cs := loadCases(t)
	outcomes, statuses := map[string]int{}, map[string]int{}
	for _, c := range cs {
		outcomes[c.Outcome]++
		statuses[c.Status]++
	}
	tests := []struct {
		what     string
		got      int
		min, max float64 // share of all cases
	}{
		{"outcome good", outcomes["good"], 0.35, 0.45},
		{"outcome stuck", outcomes["stuck"], 0.35, 0.45},
		{"outcome mixed", outcomes["mixed"], 0.15, 0.25},
		{"status published", statuses["published"], 0.60, 0.80},
		{"status archived", statuses["archived"], 0.05, 0.15},
		{"status submitted", statuses["submitted"], 0.05, 0.15},
		{"status draft", statuses["draft"], 0.05, 0.15},
	}
	for _, tt := range tests {
		share := float64(tt.got) / float64(len(cs))
		if share < tt.min || share > tt.max {
			t.Errorf("%s: %d of %d (%.0f %%), want %.0f–%.0f %%", tt.what, tt.got, len(cs), share*100, tt.min*100, tt.max*100)
		}
	}
}

// Stuck trajectories should mostly be told through what hindered, good
// ones through what helped: the aggregates built on the demo rely on it.
func TestEffectsMatchOutcome(t *testing.T) {
	for i, c := range loadCases(t) {
		effects := map[string]int{}
		for _, e := range c.Episodes {
			effects[e.Effect]++
		}
		switch c.Outcome {
		case "good":
			if effects["helped"] <= effects["hindered"] {
				t.Errorf("%s: good, but %d helped and %d hindered", label(i, c), effects["helped"], effects["hindered"])
			}
		case "stuck":
			if effects["hindered"] <= effects["helped"] {
				t.Errorf("%s: stuck, but %d helped and %d hindered", label(i, c), effects["helped"], effects["hindered"])
			}
		case "mixed":
			if effects["helped"] == 0 || effects["hindered"] == 0 {
				t.Errorf("%s: mixed, but %d helped and %d hindered", label(i, c), effects["helped"], effects["hindered"])
			}
		}
	}
}

// demoSetup is what cmd/leerlus/demo.go declares: the number of networks of
// each workplace and each account's role per network. Package main cannot
// be imported, so the test reads the source; a change there that breaks the
// cases fails here.
type demoSetup struct {
	networks []int                        // per workplace
	roles    map[[2]int]map[string]string // network → e-mail → role
}

func readDemoSetup(t *testing.T) demoSetup {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../../cmd/leerlus/demo.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	list := func(name string) *ast.CompositeLit {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Names) == 1 && vs.Names[0].Name == name && len(vs.Values) == 1 {
					return vs.Values[0].(*ast.CompositeLit)
				}
			}
		}
		t.Fatalf("demo.go declares no %s", name)
		return nil
	}
	field := func(lit *ast.CompositeLit, key string) ast.Expr {
		for _, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok && kv.Key.(*ast.Ident).Name == key {
				return kv.Value
			}
		}
		return nil
	}
	atoi := func(e ast.Expr) int {
		n, err := strconv.Atoi(e.(*ast.BasicLit).Value)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	var s demoSetup
	for _, w := range list("demoWorkplaces").Elts {
		nets, _ := field(w.(*ast.CompositeLit), "networks").(*ast.CompositeLit)
		if nets == nil {
			t.Fatal("a demo workplace without networks")
		}
		s.networks = append(s.networks, len(nets.Elts))
	}
	s.roles = map[[2]int]map[string]string{}
	roles := map[string]string{"RoleMember": "member", "RoleFacilitator": "facilitator", "RoleResearcher": "researcher", "RoleManager": "manager"}
	for _, a := range list("demoAccounts").Elts {
		lit := a.(*ast.CompositeLit)
		email, err := strconv.Unquote(field(lit, "email").(*ast.BasicLit).Value)
		if err != nil {
			t.Fatal(err)
		}
		ms, _ := field(lit, "memberships").(*ast.CompositeLit)
		if ms == nil {
			continue
		}
		for _, m := range ms.Elts {
			el := m.(*ast.CompositeLit).Elts
			key := [2]int{atoi(el[0]), atoi(el[1])}
			role := roles[el[2].(*ast.SelectorExpr).Sel.Name]
			if role == "" {
				t.Fatalf("%s: unknown role %s", email, el[2].(*ast.SelectorExpr).Sel.Name)
			}
			if s.roles[key] == nil {
				s.roles[key] = map[string]string{}
			}
			s.roles[key][email] = role
		}
	}
	return s
}

func TestEveryNetworkHasCases(t *testing.T) {
	setup := readDemoSetup(t)
	cs := loadCases(t)
	count := map[[2]int]int{}
	for i, c := range cs {
		if c.Workplace < 0 || c.Workplace >= len(setup.networks) || c.Network < 0 || c.Network >= setup.networks[c.Workplace] {
			t.Errorf("%s: no such demo network", label(i, c))
			continue
		}
		count[[2]int{c.Workplace, c.Network}]++
	}
	for w, n := range setup.networks {
		for k := range n {
			if got := count[[2]int{w, k}]; got < 4 {
				t.Errorf("network %d/%d has %d cases, want at least 4", w, k, got)
			}
		}
	}
}

func TestAuthorsMayWriteAndPublish(t *testing.T) {
	setup := readDemoSetup(t)
	memberAuthors := map[[2]int]bool{}
	for i, c := range loadCases(t) {
		key := [2]int{c.Workplace, c.Network}
		role := setup.roles[key][c.Author]
		if role != "member" && role != "facilitator" {
			t.Errorf("%s: author %s is no member or facilitator of the network (role %q)", label(i, c), c.Author, role)
			continue
		}
		if role == "member" {
			memberAuthors[key] = true
		}
		if c.Status == "draft" {
			continue
		}
		// Four eyes: a facilitator other than the author publishes.
		other := false
		for email, r := range setup.roles[key] {
			other = other || r == "facilitator" && email != c.Author
		}
		if !other {
			t.Errorf("%s: %s, but the network has no facilitator besides the author %s", label(i, c), c.Status, c.Author)
		}
	}
	for w, n := range setup.networks {
		for k := range n {
			if !memberAuthors[[2]int{w, k}] {
				t.Errorf("network %d/%d has no case written by a member", w, k)
			}
		}
	}
}

var tagPattern = regexp.MustCompile(`\[[A-Z]+-[0-9]+\]`)

// texts lists every free text of a case with a name for failure messages.
func texts(c Case) [][2]string {
	out := [][2]string{{"title", c.Title}, {"summary", c.Summary}}
	for k, e := range c.Episodes {
		out = append(out, [2]string{fmt.Sprintf("episode %d", k), e.WhatHappened})
	}
	return out
}

func TestTextsPassTheAnonymiser(t *testing.T) {
	scanner, err := anonymise.New()
	if err != nil {
		t.Fatal(err)
	}
	scanned, tagged := 0, 0
	for i, c := range loadCases(t) {
		hasTag := false
		for _, x := range texts(c) {
			scanned++
			for _, f := range scanner.Scan(x[1]) {
				kind := "quasi-identifier"
				if f.Type.Direct() {
					kind = "direct identifier"
				}
				t.Errorf("%s %s: %s %s %q in %q", label(i, c), x[0], kind, f.Type, f.Text, x[1])
			}
			// Numbers only in redaction tags: no ages, years or anything
			// that reads as an identifier.
			if rest := tagPattern.ReplaceAllString(x[1], ""); strings.IndexFunc(rest, unicode.IsDigit) >= 0 {
				t.Errorf("%s %s: a digit outside a tag in %q", label(i, c), x[0], x[1])
			}
			hasTag = hasTag || tagPattern.MatchString(x[1])
		}
		if hasTag {
			tagged++
		}
	}
	if scanned == 0 {
		t.Fatal("no text scanned")
	}
	if tagged > 10 {
		t.Errorf("%d cases hold redaction tags, want at most 10", tagged)
	}
}

var sentenceEnd = regexp.MustCompile(`[.!?](\s|$)`)

// Parents and young people read the cases: short summaries and episodes
// of a few sentences each.
func TestSentenceCounts(t *testing.T) {
	for i, c := range loadCases(t) {
		if n := len(sentenceEnd.FindAllString(c.Summary, -1)); n < 3 || n > 8 {
			t.Errorf("%s: summary of %d sentences, want 3–8: %q", label(i, c), n, c.Summary)
		}
		for k, e := range c.Episodes {
			if n := len(sentenceEnd.FindAllString(e.WhatHappened, -1)); n < 2 || n > 5 {
				t.Errorf("%s episode %d: %d sentences, want 2–5: %q", label(i, c), k, n, e.WhatHappened)
			}
		}
	}
}

func TestTextsAreNotDuplicated(t *testing.T) {
	seen := map[string]string{}
	for i, c := range loadCases(t) {
		for _, x := range texts(c) {
			where := label(i, c) + " " + x[0]
			if prev, ok := seen[x[1]]; ok {
				t.Errorf("%s repeats %s: %q", where, prev, x[1])
				continue
			}
			seen[x[1]] = where
		}
	}
}
