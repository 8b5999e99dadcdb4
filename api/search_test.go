package api_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review"
	"leerlus/search"
)

type searchJSON struct {
	Items []struct {
		Kind        string `json:"kind"`
		ID          string `json:"id"`
		CaseID      string `json:"case_id"`
		NetworkID   string `json:"network_id"`
		Perspective string `json:"perspective"`
		Snippets    []struct {
			Field      string `json:"field"`
			Text       string `json:"text"`
			Highlights []struct {
				Start int `json:"start"`
				End   int `json:"end"`
			} `json:"highlights"`
		} `json:"snippets"`
	} `json:"items"`
	Total       int    `json:"total"`
	TotalCapped bool   `json:"total_capped"`
	NextCursor  string `json:"next_cursor"`
}

// searchCase makes a case in network with the given summary and status,
// written by the network's fixture author and checked by its facilitator.
func (e *env) searchCase(network, summary string, status cases.Status) *cases.View {
	e.t.Helper()
	ctx := context.Background()
	author, fac := e.casePeople(network)
	in := completeCase()
	in.Summary = &summary
	acc := caseAccess(author, network, policy.RoleMember)
	v := must(e.cases.Create(ctx, acc, in))
	if status == cases.StatusDraft {
		return v
	}
	v = must(e.cases.Submit(ctx, acc, v.ID, v.Version))
	if status == cases.StatusSubmitted {
		return v
	}
	return must(e.cases.Publish(ctx, caseAccess(fac, network, policy.RoleFacilitator), v.ID, v.Version))
}

// searchReflection writes a reflection on a case with one item and one
// lesson, and takes it to status.
func (e *env) searchReflection(network, caseID, item, lesson string, status review.Status) *review.ReflectionView {
	e.t.Helper()
	ctx := context.Background()
	_, fac := e.casePeople(network)
	author := e.newPerson("reflectant", false)
	e.addMember(author, network, policy.RoleMember)
	acc := caseAccess(author, network, policy.RoleMember)
	in := review.ReflectionInput{
		Items:   &[]review.ItemInput{{Question: "worked", What: "De mentor bleef contact houden."}, {Question: "did_not_work", What: item}},
		Lessons: &[]review.LessonInput{{Statement: lesson, Sources: []int{1}}},
	}
	v := must(e.review.Create(ctx, acc, caseID, in))
	if status == review.StatusDraft {
		return v
	}
	v = must(e.review.Submit(ctx, acc, v.ID, v.Version))
	if status == review.StatusSubmitted {
		return v
	}
	return must(e.review.Publish(ctx, caseAccess(fac, network, policy.RoleFacilitator), v.ID, v.Version))
}

func (e *env) search(as *person, want int, query string) searchJSON {
	e.t.Helper()
	var out searchJSON
	res := e.expect(want, request{method: "GET", path: "/api/v1/search?" + query, as: as})
	if want == 200 {
		res.json(e.t, &out)
	}
	return out
}

// highlighted returns the highlighted words of a snippet.
func highlighted(text string, spans []struct {
	Start int `json:"start"`
	End   int `json:"end"`
}) []string {
	units := utf16.Encode([]rune(text))
	var out []string
	for _, s := range spans {
		out = append(out, string(utf16.Decode(units[s.Start:s.End])))
	}
	return out
}

func TestSearchFindsInflectedFormsAndCompounds(t *testing.T) {
	e := newEnv(t)
	c := e.searchCase(e.own.ID, "Een thuiszitter van vijftien wachtte maanden op een plek.", cases.StatusPublished)
	r := e.searchReflection(e.own.ID, c.ID, "De wachtlijsten bij de jeugd-ggz waren lang.", "Zoek met de school naar onderwijs voor elke thuiszitter.", review.StatusPublished)
	res := researcherOf(e)

	got := e.search(res, 200, "q=thuiszitten")
	kinds := map[string]string{}
	for _, h := range got.Items {
		kinds[h.Kind] = h.ID
		if len(h.Snippets) == 0 {
			t.Errorf("hit %s %s without snippets", h.Kind, h.ID)
		}
		for _, s := range h.Snippets {
			words := highlighted(s.Text, s.Highlights)
			if len(words) == 0 || !strings.EqualFold(words[0], "thuiszitter") {
				t.Errorf("snippet %q marks %q, want thuiszitter", s.Text, words)
			}
		}
	}
	if kinds["case"] != c.ID || kinds["lesson"] == "" || got.Total != 2 {
		t.Errorf("thuiszitten found %+v (total %d), want the case and the lesson", kinds, got.Total)
	}
	got = e.search(res, 200, "q="+url.QueryEscape("wachtlijst jeugd"))
	if len(got.Items) != 1 || got.Items[0].Kind != "reflection" || got.Items[0].ID != r.ID || got.Items[0].Perspective == "" {
		t.Fatalf("wachtlijst jeugd found %+v, want the reflection with its perspective", got.Items)
	}
	if s := got.Items[0].Snippets; len(s) != 1 || s[0].Field != "what" {
		t.Errorf("snippets %+v, want the item's what", s)
	}
	// "thuis zitten" as two words meets the compound's parts.
	if got := e.search(res, 200, "q="+url.QueryEscape("thuis zitten")); got.Total != 2 {
		t.Errorf("thuis zitten found %d hits, want 2", got.Total)
	}
	// Filters narrow; a kind and a perspective that the case lacks drop it.
	if got := e.search(res, 200, "q=thuiszitten&kind=case&outcome=stuck&age_band=12-18&from=2024-Q1&to=2024-Q4&service=youth_mental_health&phase=access"); got.Total != 1 {
		t.Errorf("with the case's filters %d hits, want 1", got.Total)
	}
	if got := e.search(res, 200, "q=thuiszitten&outcome=good"); got.Total != 0 {
		t.Errorf("outcome good: %d hits", got.Total)
	}
	if got := e.search(res, 200, "q=thuiszitten&perspective=professional"); got.Total != 1 || got.Items[0].Kind != "lesson" {
		t.Errorf("perspective professional: %+v, want the lesson (a case has no perspective)", got.Items)
	}
	if got := e.search(res, 200, "q=thuiszitten&perspective=ouder"); got.Total != 0 {
		t.Errorf("perspective ouder: %d hits (the reflector is a professional)", got.Total)
	}
	// Paging.
	first := e.search(res, 200, "q=thuiszitten&limit=1")
	if len(first.Items) != 1 || first.NextCursor == "" {
		t.Fatalf("first page %+v", first)
	}
	second := e.search(res, 200, "q=thuiszitten&limit=1&cursor="+first.NextCursor)
	if len(second.Items) != 1 || second.NextCursor != "" || second.Items[0].ID == first.Items[0].ID {
		t.Errorf("second page %+v", second)
	}
	// Stop words alone are nothing to search for.
	e.search(res, 400, "q="+url.QueryEscape("de het een"))
}

// researcherOf is the fixture researcher of the own network.
func researcherOf(e *env) *person { return e.people[researcher] }

func TestSearchNeverFindsUnpublishedTexts(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	const word = "vlinderproject"
	e.searchCase(e.own.ID, "Het "+word+" in concept.", cases.StatusDraft)
	e.searchCase(e.own.ID, "Het "+word+" ingediend.", cases.StatusSubmitted)
	pub := e.searchCase(e.own.ID, "Een gewone casus zonder het woord.", cases.StatusPublished)
	e.searchReflection(e.own.ID, pub.ID, "Het "+word+" in een ingediende reflectie.", "Les over het "+word+".", review.StatusSubmitted)
	res := researcherOf(e)
	if got := e.search(res, 200, "q="+word); got.Total != 0 {
		t.Fatalf("found %d unpublished texts: %+v", got.Total, got.Items)
	}

	// A published case and lesson are found; corrected and rejected, no longer.
	c := e.searchCase(e.own.ID, "Het "+word+" liep goed.", cases.StatusPublished)
	e.searchReflection(e.own.ID, pub.ID, "Niets bijzonders.", "Het "+word+" verdient navolging.", review.StatusPublished)
	if got := e.search(res, 200, "q="+word); got.Total != 2 {
		t.Fatalf("published: %d hits, want the case and the lesson", got.Total)
	}
	author, fac := e.casePeople(e.own.ID)
	summary := "Het " + word + " is gecorrigeerd."
	must(e.cases.Update(ctx, caseAccess(author, e.own.ID, policy.RoleMember), c.ID, cases.CaseInput{Version: c.Version, Summary: &summary}))
	var lessonID string
	mustDo(e, e.db.Gorm.Table("lessons").Where("case_id = ? AND statement LIKE ?", pub.ID, "%"+word+"%").Pluck("id", &lessonID).Error)
	var version int
	mustDo(e, e.db.Gorm.Table("lessons").Where("id = ?", lessonID).Pluck("version", &version).Error)
	must(e.review.Reject(ctx, caseAccess(fac, e.own.ID, policy.RoleFacilitator), lessonID, review.Rejection{Version: version, Reason: "Hoort niet bij deze casus."}))
	if got := e.search(res, 200, "q="+word); got.Total != 0 {
		t.Fatalf("after correction and rejection: %d hits %+v", got.Total, got.Items)
	}
}

func TestSearchStaysInTheCallersNetworks(t *testing.T) {
	e := newEnv(t)
	const word = "regenboogtafel"
	mine := e.searchCase(e.own.ID, "Aan de "+word+" zaten alle partijen.", cases.StatusPublished)
	theirs := e.searchCase(e.other.ID, "Ook hier een "+word+".", cases.StatusPublished)
	res := researcherOf(e)
	got := e.search(res, 200, "q="+word)
	if got.Total != 1 || got.Items[0].CaseID != mine.ID {
		t.Fatalf("researcher of one network found %+v", got.Items)
	}
	// A network where the caller has no role does not exist for them;
	// one where they are a member is not theirs to search.
	e.search(res, 404, "q="+word+"&networks="+e.other.ID)
	e.addMember(res, e.other.ID, policy.RoleMember)
	e.search(res, 403, "q="+word+"&networks="+e.other.ID)
	e.search(res, 403, "q="+word+"&networks="+e.own.ID+","+e.other.ID)

	// A researcher of both finds both, or the one they name.
	both := e.newPerson("onderzoeker", false)
	e.addMember(both, e.own.ID, policy.RoleResearcher)
	e.addMember(both, e.other.ID, policy.RoleResearcher)
	if got := e.search(both, 200, "q="+word); got.Total != 2 {
		t.Errorf("researcher of both: %d hits", got.Total)
	}
	if got := e.search(both, 200, "q="+word+"&networks="+e.other.ID); got.Total != 1 || got.Items[0].CaseID != theirs.ID {
		t.Errorf("named network: %+v", got.Items)
	}
	// Facilitators and managers search their own network only; members
	// and administrators without such a role may not search.
	for _, role := range []string{facilitator, manager} {
		if got := e.search(e.people[role], 200, "q="+word); got.Total != 1 || got.Items[0].CaseID != mine.ID {
			t.Errorf("%s: %+v", role, got.Items)
		}
	}
	e.search(e.people[member], 403, "q="+word)
	e.search(e.admin, 403, "q="+word)
	e.search(e.people[facilitator], 404, "q="+word+"&networks="+e.other.ID)
}

func TestSearchShowsNoAuthorAndKeepsNoWords(t *testing.T) {
	e := newEnv(t)
	const word = "kompasgesprek"
	c := e.searchCase(e.own.ID, "Het "+word+" hielp iedereen.", cases.StatusPublished)
	r := e.searchReflection(e.own.ID, c.ID, "Het "+word+" gaf rust.", "Plan een "+word+" bij de start.", review.StatusPublished)
	res := e.expect(200, request{method: "GET", path: "/api/v1/search?q=" + word, as: researcherOf(e)})
	author, _ := e.casePeople(e.own.ID)
	var reflAuthor string
	mustDo(e, e.db.Gorm.Table("reflections").Where("id = ?", r.ID).Pluck("author_id", &reflAuthor).Error)
	body := string(res.body)
	for _, secret := range []string{author.ID, author.Name, author.Email, reflAuthor, "author", "organisation"} {
		if strings.Contains(body, secret) {
			t.Errorf("the answer holds %q: %s", secret, body)
		}
	}
	var got searchJSON
	res.json(t, &got)
	if got.Total != 3 {
		t.Errorf("%d hits, want case, reflection and lesson", got.Total)
	}
	var entries []policy.AuditEntry
	mustDo(e, e.db.Gorm.Where("action = ?", string(policy.ActionSearchQueried)).Find(&entries).Error)
	if len(entries) != 1 || !strings.Contains(entries[0].Detail, "words=1") || strings.Contains(entries[0].Detail, word) {
		t.Errorf("audit entries %+v: one, with the filters and without the words", entries)
	}
}

// TestSearchReadsAtMostAThousandTexts: a word in more than 1,000 texts
// counts 1,000 and says the count is capped; the ranking then covers the
// newest 1,000 texts. Filters that narrow below 1,000 count exactly.
func TestSearchReadsAtMostAThousandTexts(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	author, fac := e.casePeople(e.own.ID)
	var batch []cases.SeedCase
	at := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 1010 {
		outcome := "good"
		if i%10 == 0 {
			outcome = "stuck"
		}
		batch = append(batch, cases.SeedCase{NetworkID: e.own.ID, AuthorID: author.ID, PublishedBy: fac.ID, Title: "Casus",
			Outcome: outcome, AgeBand: "12-18", Summary: "De zandloperaanpak hielp.", Start: cases.Period{Year: 2024, Quarter: 1},
			At: at.Add(time.Duration(i) * time.Minute)})
	}
	mustDo(e, e.cases.Seed(ctx, batch))
	if _, err := search.Reindex(ctx, e.db.Gorm); err != nil {
		t.Fatal(err)
	}
	res := researcherOf(e)
	got := e.search(res, 200, "q=zandloperaanpak&limit=50")
	if got.Total != 1000 || !got.TotalCapped || len(got.Items) != 50 || got.NextCursor == "" {
		t.Errorf("1,010 matches: total %d, capped %v, %d items", got.Total, got.TotalCapped, len(got.Items))
	}
	last := e.search(res, 200, "q=zandloperaanpak&limit=50&cursor="+leerlus.Cursor("950"))
	if len(last.Items) != 50 || last.NextCursor != "" {
		t.Errorf("last page: %d items, next %q", len(last.Items), last.NextCursor)
	}
	narrow := e.search(res, 200, "q=zandloperaanpak&outcome=stuck")
	if narrow.Total != 101 || narrow.TotalCapped {
		t.Errorf("with a filter: total %d, capped %v; want 101 exactly", narrow.Total, narrow.TotalCapped)
	}
}

// TestSearchCodeFilter: code= keeps the cases where a published
// reflection carries the code; a code only in a reflection still waiting
// for its check does not count, and a code no network has finds nothing.
func TestSearchCodeFilter(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	const word = "zeldzameboom"
	a := e.searchCase(e.own.ID, "De "+word+" in het park.", cases.StatusPublished)
	b := e.searchCase(e.own.ID, "Ook hier een "+word+".", cases.StatusPublished)
	e.searchReflection(e.own.ID, a.ID, "Niets bijzonders.", "Blijf kijken.", review.StatusPublished) // the network's codebook
	_, fac := e.casePeople(e.own.ID)
	at := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	reflection := func(caseID, code string, published bool) review.SeedReflection {
		author := e.newPerson("reflectant", false)
		e.addMember(author, e.own.ID, policy.RoleMember)
		sr := review.SeedReflection{CaseID: caseID, NetworkID: e.own.ID, AuthorID: author.ID, Perspective: "ouder", At: at,
			Items: []review.SeedItem{{Question: "worked", What: "Het gesprek hielp.", Codes: map[string]review.Effect{code: review.EffectHelped}}}}
		if published {
			sr.PublishedBy = fac.ID
		}
		return sr
	}
	mustDo(e, e.review.Seed(ctx, []review.SeedReflection{
		reflection(a.ID, "T1.wachttijd", true),
		reflection(b.ID, "T1.wachttijd", false), // submitted, not yet checked
		reflection(b.ID, "T2.informatiedeling", true),
	}))
	if _, err := search.Reindex(ctx, e.db.Gorm); err != nil {
		t.Fatal(err)
	}
	res := researcherOf(e)
	casesOf := func(code string) map[string]bool {
		out := map[string]bool{}
		for _, h := range e.search(res, 200, "q="+word+"&code="+code).Items {
			out[h.CaseID] = true
		}
		return out
	}
	if got := casesOf("T1.wachttijd"); len(got) != 1 || !got[a.ID] {
		t.Errorf("T1.wachttijd found cases %v, want only the one with a published coding", got)
	}
	if got := casesOf("T2.informatiedeling"); len(got) != 1 || !got[b.ID] {
		t.Errorf("T2.informatiedeling found cases %v", got)
	}
	if got := casesOf("T9.bestaat_niet"); len(got) != 0 {
		t.Errorf("an unknown code found %v", got)
	}
}
