package api_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review"
	"leerlus/review/disclosure"
)

// patternGroup is n published cases alike, each with one published
// reflection whose one item names codes (hindering).
type patternGroup struct {
	outcome, age string
	n            int
	codes        []string
	start        cases.Period
	perspective  string
}

// seedPatterns stores groups of crafted cases in a network.
func (e *env) seedPatterns(network string, groups []patternGroup) {
	e.t.Helper()
	ctx := context.Background()
	author, fac := e.casePeople(network)
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, g := range groups {
		title := "Patroon " + e.unique()
		start := g.start
		if start.Year == 0 {
			start = cases.Period{Year: 2024, Quarter: 2}
		}
		var batch []cases.SeedCase
		for range g.n {
			batch = append(batch, cases.SeedCase{NetworkID: network, AuthorID: author.ID, PublishedBy: fac.ID, Title: title,
				Outcome: g.outcome, AgeBand: g.age, Household: "two_parents", Duration: "6_12m", Summary: "Een traject.",
				Start: start, Services: []string{"youth_care"}, At: at})
		}
		if err := e.cases.Seed(ctx, batch); err != nil {
			e.t.Fatal(err)
		}
		var ids []string
		if err := e.db.WithContext(ctx).Table("cases").Where("network_id = ? AND title = ?", network, title).Pluck("id", &ids).Error; err != nil {
			e.t.Fatal(err)
		}
		persp := g.perspective
		if persp == "" {
			persp = string(policy.PerspectiveParent)
		}
		var refl []review.SeedReflection
		for _, id := range ids {
			codes := map[string]review.Effect{}
			for _, k := range g.codes {
				codes[k] = review.EffectHindered
			}
			refl = append(refl, review.SeedReflection{CaseID: id, NetworkID: network, AuthorID: author.ID, Perspective: persp,
				PublishedBy: fac.ID, At: at, Items: []review.SeedItem{{Question: "did_not_work", What: "Lang wachten.", Codes: codes}}})
		}
		if err := e.review.Seed(ctx, refl); err != nil {
			e.t.Fatal(err)
		}
	}
}

type cellOut struct {
	Value      *int `json:"value"`
	Suppressed bool `json:"suppressed"`
}

type codesOut struct {
	Networks []struct{ ID string } `json:"networks"`
	K        int                   `json:"k"`
	Cases    cellOut               `json:"cases"`
	Codes    []struct {
		Key       string             `json:"key"`
		Cases     cellOut            `json:"cases"`
		ByOutcome map[string]cellOut `json:"by_outcome"`
		Contrast  *struct {
			OddsRatio float64 `json:"odds_ratio"`
			PValue    float64 `json:"p_value"`
		} `json:"contrast"`
	} `json:"codes"`
}

func (c codesOut) code(t *testing.T, key string) (cellOut, map[string]cellOut) {
	t.Helper()
	for _, x := range c.Codes {
		if x.Key == key {
			return x.Cases, x.ByOutcome
		}
	}
	t.Fatalf("no code %s", key)
	return cellOut{}, nil
}

// span is what an attacker knows a published count to be: the true counts
// that publish as it.
type span struct{ lo, hi int }

func (c cellOut) span(k int) span {
	if c.Suppressed {
		return span{0, k - 1}
	}
	rules := disclosure.New(k)
	lo, hi := -1, -1
	for n := 0; n <= *c.Value+disclosure.Base; n++ {
		if s := rules.Show(n); !s.Suppressed && s.Value == *c.Value {
			if lo < 0 {
				lo = n
			}
			hi = n
		}
	}
	return span{lo, hi}
}

// subtract is the subtraction attack on one cell of a partition: the
// total minus the other cells, each taken at the ends of what it can be.
// It reports whether the cell comes out as one exact value, and which.
func subtract(total span, others []span, own span) (int, bool) {
	lo, hi := total.lo, total.hi
	for _, o := range others {
		lo, hi = lo-o.hi, hi-o.lo
	}
	lo, hi = max(lo, own.lo), min(hi, own.hi)
	return lo, lo == hi
}

const (
	codeWait    = "T1.wachttijd"
	codeRound   = "T1.rondgepompt"
	codeMatch   = "T1.matching_plaatsing"
	codeNoOffer = "T1.geen_passend_aanbod"
)

var outcomeNames = []string{"good", "stuck", "mixed"}

// TestPatternSuppressionAndRounding checks the published counts on
// crafted data and carries out the subtraction attack: a code's total
// minus its shown outcome cells must never give a suppressed cell's
// exact value. The data hold the case rounding alone loses: a stuck count
// of 4 beside 7 good and 12 mixed under a total of 23.
func TestPatternSuppressionAndRounding(t *testing.T) {
	e := newEnv(t)
	e.seedPatterns(e.own.ID, []patternGroup{
		{outcome: "stuck", age: "12-18", n: 4, codes: []string{codeWait}},
		{outcome: "good", age: "12-18", n: 7, codes: []string{codeWait}},
		{outcome: "mixed", age: "12-18", n: 12, codes: []string{codeWait}},
		{outcome: "good", age: "12-18", n: 10, codes: []string{codeRound}},
		{outcome: "stuck", age: "12-18", n: 21, codes: []string{codeRound}},
		{outcome: "mixed", age: "12-18", n: 28, codes: []string{codeRound}},
	})
	truth := map[string]map[string]int{
		codeWait:  {"good": 7, "stuck": 4, "mixed": 12},
		codeRound: {"good": 10, "stuck": 21, "mixed": 28},
	}
	var res codesOut
	e.expect(200, request{method: "GET", path: "/api/v1/patterns/codes", as: e.people[researcher]}).json(t, &res)
	if res.K != 5 || res.Cases.Value == nil || *res.Cases.Value != 80 { // 82 cases with material
		t.Fatalf("k %d, cases %+v; want 5 and 80", res.K, res.Cases)
	}
	total, by := res.code(t, codeWait)
	if total.Value == nil || *total.Value != 25 {
		t.Errorf("%s total = %+v, want 25 (23 rounded)", codeWait, total)
	}
	for _, o := range outcomeNames {
		if !by[o].Suppressed || by[o].Value != nil {
			t.Errorf("%s %s = %+v, want suppressed: a partition with a small cell is hidden whole", codeWait, o, by[o])
		}
	}
	total, by = res.code(t, codeRound)
	want := map[string]int{"good": 10, "stuck": 20, "mixed": 30}
	for _, o := range outcomeNames {
		if by[o].Value == nil || *by[o].Value != want[o] {
			t.Errorf("%s %s = %+v, want %d", codeRound, o, by[o], want[o])
		}
	}
	if total.Value == nil || *total.Value != 60 {
		t.Errorf("%s total = %+v, want 60 (59 rounded)", codeRound, total)
	}
	for _, c := range res.Codes {
		if c.Key == codeRound && c.Contrast == nil {
			t.Errorf("%s has no contrast", codeRound)
		}
		if c.Key != codeRound && c.Key != codeWait && (!c.Cases.Suppressed || c.Contrast != nil) {
			t.Errorf("%s without cases: %+v, contrast %v", c.Key, c.Cases, c.Contrast)
		}
	}
	// The attack, on every code row and on the denominators.
	attack := func(label string, total cellOut, by map[string]cellOut, truth map[string]int) {
		for _, o := range outcomeNames {
			if !by[o].Suppressed {
				continue
			}
			var others []span
			for _, x := range outcomeNames {
				if x != o {
					others = append(others, by[x].span(res.K))
				}
			}
			if v, exact := subtract(total.span(res.K), others, by[o].span(res.K)); exact && v == truth[o] {
				t.Errorf("%s: the %s count %d follows from the total minus the others", label, o, v)
			}
		}
	}
	for key, tr := range truth {
		total, by := res.code(t, key)
		attack(key, total, by, tr)
	}
	// Rounding alone would have lost it: with the cells shown as Show
	// gives them, 25 − 5 − 10 pins the 4.
	rules := disclosure.New(5)
	naive := map[string]cellOut{}
	for o, n := range truth[codeWait] {
		c := rules.Show(n)
		naive[o] = cellOut{Suppressed: c.Suppressed}
		if !c.Suppressed {
			naive[o] = cellOut{Value: &c.Value}
		}
	}
	others := []span{naive["good"].span(5), naive["mixed"].span(5)}
	if v, exact := subtract(span{23, 27}, others, naive["stuck"].span(5)); !exact || v != 4 {
		t.Errorf("the crafted data no longer show the attack: %d %v", v, exact)
	}
}

// TestPatternFilterDifferencing carries out the second attack: the same
// query with and without one more filter (an age band, an outcome), cell
// by cell, and with the filtered counts put into the unfiltered
// partitions. No small count may come out exact.
func TestPatternFilterDifferencing(t *testing.T) {
	e := newEnv(t)
	e.seedPatterns(e.own.ID, []patternGroup{
		{outcome: "good", age: "12-18", n: 10, codes: []string{codeMatch}},
		{outcome: "stuck", age: "12-18", n: 6, codes: []string{codeMatch}},
		{outcome: "mixed", age: "12-18", n: 9, codes: []string{codeMatch}},
		{outcome: "stuck", age: "4-12", n: 3, codes: []string{codeMatch}},
		{outcome: "good", age: "4-12", n: 8, codes: []string{codeNoOffer}},
		{outcome: "stuck", age: "4-12", n: 9, codes: []string{codeNoOffer}},
		{outcome: "mixed", age: "4-12", n: 7, codes: []string{codeNoOffer}},
		{outcome: "good", age: "0-4", n: 8, codes: []string{codeNoOffer}},
		{outcome: "stuck", age: "0-4", n: 8, codes: []string{codeNoOffer}},
		{outcome: "mixed", age: "0-4", n: 8, codes: []string{codeNoOffer}},
		{outcome: "stuck", age: "18-23", n: 2, codes: []string{codeNoOffer}},
	})
	// truth[code][age][outcome]
	truth := map[string]map[string]map[string]int{
		codeMatch:   {"12-18": {"good": 10, "stuck": 6, "mixed": 9}, "4-12": {"stuck": 3}},
		codeNoOffer: {"4-12": {"good": 8, "stuck": 9, "mixed": 7}, "0-4": {"good": 8, "stuck": 8, "mixed": 8}, "18-23": {"stuck": 2}},
	}
	count := func(key, age, outcome string) int {
		n := 0
		for a, byO := range truth[key] {
			for o, v := range byO {
				if (age == "" || a == age) && (outcome == "" || o == outcome) {
					n += v
				}
			}
		}
		return n
	}
	query := func(q string) codesOut {
		var res codesOut
		e.expect(200, request{method: "GET", path: "/api/v1/patterns/codes" + q, as: e.people[researcher]}).json(t, &res)
		return res
	}
	all := query("")
	for _, age := range cases.AgeBands.Codes() {
		sub := query("?age_band=" + age)
		for key := range truth {
			totalA, byA := all.code(t, key)
			totalB, byB := sub.code(t, key)
			check := func(label string, a, b cellOut, truthA, truthB int) {
				sa, sb := a.span(5), b.span(5)
				lo, hi := max(sa.lo-sb.hi, 0), sa.hi-sb.lo
				if lo == hi && lo == truthA-truthB && lo < 5 {
					t.Errorf("%s %s, age %s: the difference %d follows from %+v and %+v", key, label, age, lo, a, b)
				}
				if sb.lo == sb.hi && sb.lo == truthB && truthB < 5 {
					t.Errorf("%s %s, age %s: %d is shown exactly", key, label, age, truthB)
				}
			}
			check("total", totalA, totalB, count(key, "", ""), count(key, age, ""))
			for _, o := range outcomeNames {
				check(o, byA[o], byB[o], count(key, "", o), count(key, age, o))
			}
			// The filtered total is a cell of the age-band partition of the
			// unfiltered total: with every age band's total at hand, no
			// small band may come out of the subtraction.
			var spans []span
			for _, other := range cases.AgeBands.Codes() {
				if other != age {
					t2, _ := query("?age_band="+other).code(t, key)
					spans = append(spans, t2.span(5))
				}
			}
			if v, exact := subtract(totalA.span(5), spans, totalB.span(5)); exact && v == count(key, age, "") && v < 5 {
				t.Errorf("%s, age %s: %d follows from the total minus the other age bands", key, age, v)
			}
		}
	}
	// An outcome filter shows a cell of the outcome partition, by the
	// same rule: the stuck count of codeMatch under 12-18 (6) sits in a
	// partition with 3 stuck in 4-12, so it is hidden whatever the query.
	_, by := query("?age_band=12-18").code(t, codeMatch)
	filtered, _ := query("?age_band=12-18&outcome=stuck").code(t, codeMatch)
	if !by["stuck"].Suppressed || !filtered.Suppressed {
		t.Errorf("stuck under 12-18: %+v as a column, %+v as a filter; want both suppressed", by["stuck"], filtered)
	}
}

// TestPatternScope: a researcher's query reads exactly the networks where
// they are researcher; a facilitator's their own network alone; others
// are refused. Every query is audited with the networks it read.
func TestPatternScope(t *testing.T) {
	e := newEnv(t)
	second := e.freshNetwork()
	res := e.people[researcher]
	e.addMember(res, second.ID, policy.RoleResearcher)
	e.seedPatterns(e.own.ID, []patternGroup{{outcome: "stuck", age: "12-18", n: 10, codes: []string{codeWait}}})
	e.seedPatterns(second.ID, []patternGroup{{outcome: "stuck", age: "12-18", n: 10, codes: []string{codeWait}}})
	// The other network, where the researcher has no role, holds many.
	e.seedPatterns(e.other.ID, []patternGroup{{outcome: "stuck", age: "12-18", n: 40, codes: []string{codeWait}}})

	var out codesOut
	e.expect(200, request{method: "GET", path: "/api/v1/patterns/codes", as: res}).json(t, &out)
	var ids []string
	for _, n := range out.Networks {
		ids = append(ids, n.ID)
	}
	slices.Sort(ids)
	want := []string{e.own.ID, second.ID}
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Errorf("networks %v, want %v", ids, want)
	}
	if total, _ := out.code(t, codeWait); total.Value == nil || *total.Value != 20 {
		t.Errorf("%s = %+v, want 20: only the researcher's networks", codeWait, total)
	}
	for _, path := range []string{"codes", "cooccurrence", "crosstab?by=network&", "trends", "perspectives?code=" + codeWait + "&"} {
		sep := "?"
		if path[len(path)-1] == '&' {
			sep = ""
		}
		e.expect(404, request{method: "GET", path: "/api/v1/patterns/" + path + sep + "networks=" + e.other.ID, as: res})
		e.expect(404, request{method: "GET", path: "/api/v1/patterns/" + path + sep + "networks=" + e.own.ID + "," + e.other.ID, as: res})
	}
	var one codesOut
	e.expect(200, request{method: "GET", path: "/api/v1/patterns/codes?networks=" + second.ID, as: res}).json(t, &one)
	if total, _ := one.code(t, codeWait); len(one.Networks) != 1 || total.Value == nil || *total.Value != 10 {
		t.Errorf("one network: %+v, %+v", one.Networks, total)
	}
	// A crosstab by network names the researcher's networks only.
	var x struct {
		Values []struct{ Value string } `json:"values"`
	}
	e.expect(200, request{method: "GET", path: "/api/v1/patterns/crosstab?by=network", as: res}).json(t, &x)
	for _, v := range x.Values {
		if v.Value == e.other.ID {
			t.Errorf("the crosstab names the other network")
		}
	}
	// A facilitator studies their own network, alone.
	fac := e.people[facilitator]
	e.expect(200, request{method: "GET", path: "/api/v1/patterns/codes", as: fac}).json(t, &one)
	if len(one.Networks) != 1 || one.Networks[0].ID != e.own.ID {
		t.Errorf("facilitator reads %+v", one.Networks)
	}
	e.expect(404, request{method: "GET", path: "/api/v1/patterns/codes?networks=" + second.ID, as: fac})
	e.addMember(fac, second.ID, policy.RoleFacilitator)
	e.expect(403, request{method: "GET", path: "/api/v1/patterns/codes?networks=" + e.own.ID + "," + second.ID, as: fac})
	e.expect(400, request{method: "GET", path: "/api/v1/patterns/codes", as: fac}) // two networks: name one
	e.expect(403, request{method: "GET", path: "/api/v1/patterns/codes", as: e.people[member]})
	e.expect(403, request{method: "GET", path: "/api/v1/patterns/codes", as: e.admin})

	var audited []string
	if err := e.db.WithContext(context.Background()).Table("audit_log").Where("action = ? AND actor_id = ?", policy.ActionPatternsQueried, res.ID).
		Pluck("detail", &audited).Error; err != nil {
		t.Fatal(err)
	}
	if len(audited) < 3 || !slices.ContainsFunc(audited, func(d string) bool {
		return d == fmt.Sprintf("patterns codes networks=%s read=%s source=items", second.ID, second.ID)
	}) {
		t.Errorf("audit details %q", audited)
	}
}

// TestPatternQueries checks the other queries' shapes and counts on data
// large enough to show.
func TestPatternQueries(t *testing.T) {
	e := newEnv(t)
	e.seedPatterns(e.own.ID, []patternGroup{
		{outcome: "stuck", age: "12-18", n: 10, codes: []string{codeWait, codeRound}, perspective: "ouder", start: cases.Period{Year: 2024, Quarter: 1}},
		{outcome: "good", age: "12-18", n: 15, codes: []string{codeWait}, perspective: "professional", start: cases.Period{Year: 2024, Quarter: 2}},
		{outcome: "good", age: "4-12", n: 12, codes: []string{codeRound}, perspective: "professional", start: cases.Period{Year: 2024, Quarter: 2}},
	})
	as := e.people[researcher]
	var co struct {
		Pairs []struct {
			A, B    string
			Cases   cellOut  `json:"cases"`
			Jaccard *float64 `json:"jaccard"`
		} `json:"pairs"`
	}
	e.expect(200, request{method: "GET", path: "/api/v1/patterns/cooccurrence?code=" + codeWait + "," + codeRound, as: as}).json(t, &co)
	if len(co.Pairs) != 1 || co.Pairs[0].Cases.Value == nil || *co.Pairs[0].Cases.Value != 10 || co.Pairs[0].Jaccard == nil ||
		*co.Pairs[0].Jaccard != 10.0/(25+20-10) {
		t.Errorf("pairs %+v", co.Pairs)
	}
	type xtab struct {
		Values []struct{ Value string } `json:"values"`
		Cases  struct {
			Total cellOut   `json:"total"`
			Cells []cellOut `json:"cells"`
		} `json:"cases"`
		Rows []struct {
			Key   string    `json:"key"`
			Total cellOut   `json:"total"`
			Cells []cellOut `json:"cells"`
		} `json:"rows"`
	}
	var tr xtab
	e.expect(200, request{method: "GET", path: "/api/v1/patterns/trends?from=2024-Q1&to=2024-Q4&code=" + codeWait, as: as}).json(t, &tr)
	// No case started in 2024-Q3 or Q4: zero is small, and the quarters
	// split the row's total, so the row shows its total only.
	if len(tr.Values) != 4 || len(tr.Rows) != 1 || *tr.Rows[0].Total.Value != 25 || *tr.Cases.Total.Value != 35 {
		t.Fatalf("trends %+v", tr)
	}
	for i, c := range append(tr.Rows[0].Cells, tr.Cases.Cells...) {
		if !c.Suppressed {
			t.Errorf("trend cell %d shown: %+v", i, c)
		}
	}
	e.expect(200, request{method: "GET", path: "/api/v1/patterns/trends?from=2024-Q1&to=2024-Q2&code=" + codeWait, as: as}).json(t, &tr)
	if len(tr.Values) != 2 || *tr.Rows[0].Cells[0].Value != 10 || *tr.Rows[0].Cells[1].Value != 15 || *tr.Cases.Cells[1].Value != 25 {
		t.Errorf("trends %+v", tr)
	}
	var ps xtab
	e.expect(200, request{method: "GET", path: "/api/v1/patterns/perspectives?code=" + codeWait, as: as}).json(t, &ps)
	idx := func(v string) int {
		return slices.IndexFunc(ps.Values, func(x struct{ Value string }) bool { return x.Value == v })
	}
	if r := ps.Rows[0]; *r.Cells[idx("ouder")].Value != 10 || *r.Cells[idx("professional")].Value != 15 || !r.Cells[idx("jongere")].Suppressed {
		t.Errorf("perspectives %+v", ps.Rows)
	}
	var ct xtab
	e.expect(200, request{method: "GET", path: "/api/v1/patterns/crosstab?by=age_band&code=" + codeRound, as: as}).json(t, &ct)
	if len(ct.Values) != 4 || !ct.Rows[0].Cells[0].Suppressed || *ct.Rows[0].Total.Value != 20 {
		t.Errorf("crosstab %+v", ct.Rows)
	}
	e.expect(400, request{method: "GET", path: "/api/v1/patterns/crosstab?by=colour", as: as})
	e.expect(400, request{method: "GET", path: "/api/v1/patterns/perspectives", as: as})
	e.expect(400, request{method: "GET", path: "/api/v1/patterns/codes?source=lessons&effect=helped", as: as})
	e.expect(400, request{method: "GET", path: "/api/v1/patterns/trends?from=2010-Q1&to=2024-Q1", as: as})
}
