package api_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"leerlus"
	"leerlus/api"
	"leerlus/policy"
	"leerlus/review"
)

// codebookAccess is a facilitator's access to a network, for fixtures made
// through the review service.
func (e *env) codebookAccess(network string) leerlus.Access {
	return leerlus.Access{Actor: policy.Actor{PersonID: e.admin.ID, ClientAddr: "test"}, NetworkID: network,
		Role: string(policy.RoleFacilitator), Scope: leerlus.ScopeAny}
}

// codebookTheme adds a fresh theme to a network's codebook.
func (e *env) codebookTheme(network string) *review.ThemeView {
	e.t.Helper()
	nl, en := "Thema "+e.unique(), "Theme "+e.unique()
	return must(e.review.AddTheme(context.Background(), e.codebookAccess(network), review.ThemeInput{Wording: review.Wording{LabelNL: &nl, LabelEN: &en}}))
}

// codebookCode adds a fresh code under the first theme of a network's
// codebook.
func (e *env) codebookCode(network string) *review.CodeView {
	e.t.Helper()
	ctx, acc := context.Background(), e.codebookAccess(network)
	cb := must(e.review.Codebook(ctx, acc, false))
	nl, en := "Code "+e.unique(), "Code "+e.unique()
	return must(e.review.AddCode(ctx, acc, review.CodeInput{ThemeID: &cb.Themes[0].ID, Wording: review.Wording{LabelNL: &nl, LabelEN: &en}}))
}

// codebookPath is a path under the own network's codebook.
func (e *env) codebookPath(format string, args ...any) string {
	return "/api/v1/networks/" + e.own.ID + "/codebook" + fmt.Sprintf(format, args...)
}

func TestCodebookRoutes(t *testing.T) {
	e := newEnv(t)
	fac, mem := e.people[facilitator], e.people[member]

	// Everyone with a role reads the codebook; usage is the facilitators',
	// when they ask for it.
	var asMember, asFac api.CodebookBody
	e.expect(200, request{method: "GET", path: e.codebookPath(""), as: mem}).json(t, &asMember)
	e.expect(200, request{method: "GET", path: e.codebookPath("?usage=true"), as: fac}).json(t, &asFac)
	e.expect(403, request{method: "GET", path: e.codebookPath("?usage=true"), as: mem}).problem(t)
	e.expect(400, request{method: "GET", path: e.codebookPath("?usage=yes"), as: fac}).problem(t)
	if len(asMember.Themes) != 11 || asMember.Themes[0].Key != "T1" || asMember.Themes[0].Codes[0].Key != "T1.wachttijd" ||
		len(asMember.Themes[0].Codes[0].Examples) == 0 || !asMember.Themes[0].Codes[0].Offered {
		t.Fatalf("codebook as a member: %+v", asMember.Themes[0])
	}
	if asMember.Themes[0].Codes[0].Usage != nil || asFac.Themes[0].Codes[0].Usage == nil {
		t.Fatal("usage is not the facilitators' alone")
	}
	t1, t2 := asFac.Themes[0], asFac.Themes[1]

	// A theme and a code are added with keys that stay.
	var theme api.CodebookThemeBody
	e.expect(201, request{method: "POST", path: e.codebookPath("/themes"), as: fac,
		body: map[string]any{"label_nl": "Vrije tijd", "label_en": "Leisure", "description_nl": "Sport, clubs en hobby's."}}).json(t, &theme)
	if theme.Key != "N1" || theme.Position != 12 || len(theme.Codes) != 0 {
		t.Fatalf("new theme %+v", theme)
	}
	var code api.CodebookCodeBody
	e.expect(201, request{method: "POST", path: e.codebookPath("/codes"), as: fac, body: map[string]any{
		"theme_id": theme.ID, "label_nl": "Sportclub", "label_en": "Sports club", "examples": []string{"Op de voetbalclub vond hij rust."}}}).json(t, &code)
	if code.Key != "N1.sportclub" || code.ThemeID != theme.ID || code.Usage == nil || code.Examples[0] != "Op de voetbalclub vond hij rust." {
		t.Fatalf("new code %+v", code)
	}
	// Renamed, moved to T2 at the top: the key stays.
	var moved api.CodebookCodeBody
	e.expect(200, request{method: "PATCH", path: e.codebookPath("/codes/%s", code.ID), as: fac, body: map[string]any{
		"label_nl": "Sportvereniging", "theme_id": t2.ID, "position": 1, "version": code.Version}}).json(t, &moved)
	if moved.Key != code.Key || moved.LabelNL != "Sportvereniging" || moved.ThemeID != t2.ID || moved.Position != 1 || moved.Version != 2 {
		t.Fatalf("moved code %+v", moved)
	}
	// The same version again is stale.
	e.expect(409, request{method: "PATCH", path: e.codebookPath("/codes/%s", code.ID), as: fac, body: map[string]any{
		"label_en": "Club", "version": code.Version}}).problem(t)
	// A label taken in the theme is a conflict naming the field.
	p := e.expect(409, request{method: "PATCH", path: e.codebookPath("/codes/%s", moved.ID), as: fac, body: map[string]any{
		"label_en": t2.Codes[0].LabelEN, "version": moved.Version}}).problem(t)
	if len(p.Errors) != 1 || p.Errors[0].Field != "label_en" || p.Errors[0].Code != leerlus.FieldInUse {
		t.Fatalf("errors %+v", p.Errors)
	}
	// A theme of another network is no theme here.
	other := must(e.review.Codebook(context.Background(), e.codebookAccess(e.other.ID), false))
	p = e.expect(400, request{method: "PATCH", path: e.codebookPath("/codes/%s", moved.ID), as: fac, body: map[string]any{
		"theme_id": other.Themes[0].ID, "version": moved.Version}}).problem(t)
	if p.Errors[0].Field != "theme_id" || p.Errors[0].Params["reason"] != "unknown_theme" {
		t.Fatalf("errors %+v", p.Errors)
	}
	// Retired: still in the codebook, no longer offered.
	var retired api.CodebookCodeBody
	e.expect(200, request{method: "PATCH", path: e.codebookPath("/codes/%s", moved.ID), as: fac, body: map[string]any{
		"retired": true, "version": moved.Version}}).json(t, &retired)
	if !retired.Retired || retired.Offered || retired.RetiredAt == nil {
		t.Fatalf("retired code %+v", retired)
	}

	// Merge: preview, then merge; both name what moves.
	from, into := t1.Codes[0], t1.Codes[1]
	var preview, merged api.CodeMergeBody
	e.expect(200, request{method: "GET", path: e.codebookPath("/codes/%s/merge-preview?into=%s", from.ID, into.ID), as: fac}).json(t, &preview)
	if preview.From.ID != from.ID || preview.Into.ID != into.ID || preview.Counts != (api.MergeCountsBody{}) {
		t.Fatalf("preview %+v", preview)
	}
	e.expect(400, request{method: "GET", path: e.codebookPath("/codes/%s/merge-preview", from.ID), as: fac}).problem(t)
	e.expect(400, request{method: "GET", path: e.codebookPath("/codes/%s/merge-preview?into=%s", from.ID, from.ID), as: fac}).problem(t)
	e.expect(400, request{method: "POST", path: e.codebookPath("/codes/%s/merge", from.ID), as: fac,
		body: map[string]any{"into": retired.ID, "version": from.Version}}).problem(t)
	e.expect(200, request{method: "POST", path: e.codebookPath("/codes/%s/merge", from.ID), as: fac,
		body: map[string]any{"into": into.ID, "version": from.Version}}).json(t, &merged)
	if merged.From.MergedInto != into.ID || merged.From.Offered {
		t.Fatalf("merged %+v", merged.From)
	}
	e.expect(409, request{method: "POST", path: e.codebookPath("/codes/%s/merge", from.ID), as: fac,
		body: map[string]any{"into": t1.Codes[2].ID, "version": merged.From.Version}}).problem(t)

	// The history holds every change, newest first, for facilitators.
	var hist api.List[api.CodebookChangeBody]
	e.expect(200, request{method: "GET", path: e.codebookPath("/history?limit=3"), as: fac}).json(t, &hist)
	if len(hist.Items) != 3 || hist.NextCursor == "" || hist.Items[0].Action != "merged" || hist.Items[0].Detail.Into != into.ID ||
		hist.Items[0].Detail.Counts == nil || hist.Items[1].Action != "retired" || hist.Items[0].Actor == nil || hist.Items[0].Actor.ID != fac.ID {
		t.Fatalf("history %+v", hist)
	}
	var rest api.List[api.CodebookChangeBody]
	e.expect(200, request{method: "GET", path: e.codebookPath("/history?cursor=%s", hist.NextCursor), as: fac}).json(t, &rest)
	var ofCode api.List[api.CodebookChangeBody]
	e.expect(200, request{method: "GET", path: e.codebookPath("/history?code=%s", code.ID), as: fac}).json(t, &ofCode)
	actions := map[string]bool{}
	for _, h := range ofCode.Items {
		actions[h.Action] = true
	}
	// code_added, renamed, moved, retired.
	if len(ofCode.Items) != 4 || !actions["code_added"] || !actions["renamed"] || !actions["moved"] || !actions["retired"] {
		t.Fatalf("the code's history: %+v", ofCode.Items)
	}
	if len(hist.Items)+len(rest.Items) != 6 { // theme added, and five code changes
		t.Fatalf("%d entries in all", len(hist.Items)+len(rest.Items))
	}
	e.expect(403, request{method: "GET", path: e.codebookPath("/history"), as: mem}).problem(t)
}

// TestCodebookObjectsOfAnotherNetwork uses a theme and a code of the other
// network under the own network's path: they do not exist there, and
// they stay as they were.
func TestCodebookObjectsOfAnotherNetwork(t *testing.T) {
	e := newEnv(t)
	fac := e.people[facilitator]
	th, c := e.codebookTheme(e.other.ID), e.codebookCode(e.other.ID)
	own := e.codebookCode(e.own.ID)
	for _, req := range []request{
		{method: "PATCH", path: e.codebookPath("/themes/%s", th.ID), body: map[string]any{"label_nl": "Overgenomen", "version": th.Version}},
		{method: "PATCH", path: e.codebookPath("/codes/%s", c.ID), body: map[string]any{"label_nl": "Overgenomen", "version": c.Version}},
		{method: "POST", path: e.codebookPath("/codes/%s/merge", c.ID), body: map[string]any{"into": own.ID, "version": c.Version}},
		{method: "GET", path: e.codebookPath("/codes/%s/merge-preview?into=%s", c.ID, own.ID)},
	} {
		req.as = fac
		e.expect(http.StatusNotFound, req).problem(t)
	}
	// Into another network's code is a field error, not a merge.
	p := e.expect(400, request{method: "POST", path: e.codebookPath("/codes/%s/merge", own.ID), as: fac,
		body: map[string]any{"into": c.ID, "version": own.Version}}).problem(t)
	if p.Errors[0].Field != "into" {
		t.Fatalf("errors %+v", p.Errors)
	}
	cb := must(e.review.Codebook(context.Background(), e.codebookAccess(e.other.ID), false))
	for _, x := range cb.Themes {
		if x.ID == th.ID && (x.LabelNL != th.LabelNL || x.Version != th.Version) {
			t.Fatal("the other network's theme changed")
		}
		for _, y := range x.Codes {
			if y.ID == c.ID && (y.LabelNL != c.LabelNL || y.MergedInto != nil) {
				t.Fatal("the other network's code changed")
			}
		}
	}
}
