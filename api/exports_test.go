package api_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"

	"leerlus/policy"
	"leerlus/review/qda"
	"leerlus/review/qda/qdatest"
)

// csvRows reads a CSV export into rows keyed by the header.
func csvRows(t *testing.T, body []byte, comma rune) []map[string]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\uFEFF"))))
	r.Comma = comma
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v\n%s", err, body)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		out = append(out, row)
	}
	return out
}

func TestExportsHoldPublishedMaterialOnly(t *testing.T) {
	e := newEnv(t)
	fx := e.exportFixture(e.own.ID, "ouder")
	as := e.people[researcher]

	res := e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/exports/codings.csv", as: as})
	if ct := res.header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Fatalf("content type %q", ct)
	}
	if cd := res.header.Get("Content-Disposition"); !strings.Contains(cd, "leerlus-codings.csv") {
		t.Fatalf("content disposition %q", cd)
	}
	rows := csvRows(t, res.body, ',')
	if len(rows) != 1 {
		t.Fatalf("%d coding rows, want 1 (the draft's coding stays out): %s", len(rows), res.body)
	}
	r := rows[0]
	if r["case_id"] != fx.caseID || r["reflection_id"] != fx.reflectionID || r["perspective"] != "ouder" || r["item_what"] != publishedWhat ||
		r["code_key"] != "T1.wachttijd" || r["theme_key"] != "T1" || r["effect"] != "hindered" || r["question"] != "did_not_work" ||
		r["network"] != e.own.Name || r["outcome"] == "" || r["start"] == "" {
		t.Fatalf("row %v", r)
	}
	for _, body := range [][]byte{res.body,
		e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/exports/codings.json", as: as}).body,
		e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/exports/lessons.csv", as: as}).body,
		e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/exports/lessons.json", as: as}).body} {
		for _, secret := range []string{draftWhat, proposedLesson, fx.draftID, e.people[member].ID, "author"} {
			if bytes.Contains(body, []byte(secret)) {
				t.Fatalf("an export holds %q: %s", secret, body)
			}
		}
	}
	var lessons []map[string]any
	res = e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/exports/lessons.json", as: as})
	res.json(t, &lessons)
	if len(lessons) != 1 || lessons[0]["statement"] != acceptedLesson || lessons[0]["perspective"] != "ouder" {
		t.Fatalf("lessons %v", lessons)
	}
	if keys, _ := lessons[0]["code_keys"].([]any); len(keys) != 1 || keys[0] != "T1.wachttijd" {
		t.Fatalf("code keys %v", lessons[0]["code_keys"])
	}
	var codings []map[string]any
	e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/exports/codings.json", as: as}).json(t, &codings)
	if len(codings) != 1 || codings[0]["item_what"] != publishedWhat || codings[0]["end"] != nil && codings[0]["end"] == "" {
		t.Fatalf("codings %v", codings)
	}

	// The project holds the same: validated against the schema, the
	// coding as a selection of exactly the item's text.
	res = e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/exports/project.qdpx", as: as})
	if ct := res.header.Get("Content-Type"); ct != "application/zip" {
		t.Fatalf("content type %q", ct)
	}
	files := qdatest.ValidateProject(t, res.body)
	src := files["sources/"+qda.GUID("reflection", fx.reflectionID)+".txt"]
	if !bytes.Contains(src, []byte(publishedWhat)) || !bytes.Contains(src, []byte(acceptedLesson)) {
		t.Fatalf("reflection source %q", src)
	}
	all := bytes.Join(func() [][]byte {
		var out [][]byte
		for _, b := range files {
			out = append(out, b)
		}
		return out
	}(), nil)
	for _, secret := range []string{draftWhat, proposedLesson, fx.draftID} {
		if bytes.Contains(all, []byte(secret)) {
			t.Fatalf("the project holds %q", secret)
		}
	}
	if !bytes.Contains(files["project.qde"], []byte(`targetGUID="`+qda.GUID("code", "T1.wachttijd")+`"`)) {
		t.Fatal("the coding does not refer to the code's stable GUID")
	}
}

func TestExportsExcelCSV(t *testing.T) {
	e := newEnv(t)
	e.exportFixture(e.own.ID, "professional")
	res := e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/exports/codings.csv?excel=true", as: e.people[researcher]})
	if !bytes.HasPrefix(res.body, []byte("\uFEFF")) || !bytes.Contains(res.body, []byte("network_id;network;case_id")) {
		t.Fatalf("not the Excel form: %q", res.body[:min(len(res.body), 80)])
	}
	if rows := csvRows(t, res.body, ';'); len(rows) != 1 || rows[0]["perspective"] != "professional" {
		t.Fatalf("rows %v", rows)
	}
	e.expect(http.StatusBadRequest, request{method: "GET", path: "/api/v1/exports/codings.json?excel=true", as: e.people[researcher]}).problem(t)
}

// TestExportScope: an export spans exactly the networks where the caller
// is a researcher; naming another network is an error, never a wider or
// silently narrowed export; a network where they hold another role does
// not count.
func TestExportScope(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	third := must(e.svc.CreateNetwork(ctx, policy.Actor{ClientAddr: "test"}, e.work.ID, policy.NetworkInput{Name: strp("Derde netwerk")}))
	e.exportFixture(e.own.ID, "ouder")
	e.exportFixture(e.other.ID, "jongere")
	e.exportFixture(third.ID, "professional")
	res := e.people[researcher]
	e.addMember(res, e.other.ID, policy.RoleResearcher)
	e.addMember(res, third.ID, policy.RoleFacilitator) // not a researcher there

	networksOf := func(path string) map[string]int {
		out := map[string]int{}
		for _, r := range csvRows(t, e.expect(http.StatusOK, request{method: "GET", path: path, as: res}).body, ',') {
			out[r["network_id"]]++
		}
		return out
	}
	got := networksOf("/api/v1/exports/codings.csv")
	if len(got) != 2 || got[e.own.ID] != 1 || got[e.other.ID] != 1 {
		t.Fatalf("networks %v, want own and other", got)
	}
	got = networksOf("/api/v1/exports/codings.csv?networks=" + e.other.ID)
	if len(got) != 1 || got[e.other.ID] != 1 {
		t.Fatalf("networks %v, want other only", got)
	}
	// Not a member there (or no such network): not found; a member
	// without the researcher role: forbidden (TestResearchScopeRule has
	// the whole rule).
	e.expect(http.StatusNotFound, request{method: "GET", path: "/api/v1/exports/codings.csv?networks=" + e.own.ID +
		"&networks=0190f3a0-0000-7000-8000-000000000000", as: res}).problem(t)
	e.expect(http.StatusForbidden, request{method: "GET", path: "/api/v1/exports/codings.csv?networks=" + e.own.ID + "&networks=" + third.ID, as: res}).problem(t)
	e.expect(http.StatusBadRequest, request{method: "GET", path: "/api/v1/exports/codings.csv?networks=nope", as: res}).problem(t)
	e.expect(http.StatusBadRequest, request{method: "GET", path: "/api/v1/exports/codings.csv?outcome=bad", as: res}).problem(t)
	// The facilitator of the third network is no researcher anywhere.
	e.expect(http.StatusForbidden, request{method: "GET", path: "/api/v1/exports/lessons.csv", as: e.people[facilitator]}).problem(t)

	// Every export is audited per network with its parameters.
	var details []string
	mustDo(e, e.db.Gorm.Table("audit_log").Where("action = ? AND network_id = ?", string(policy.ActionExportCreated), e.other.ID).
		Pluck("detail", &details).Error)
	if len(details) < 2 || !strings.Contains(strings.Join(details, "\n"), "codings.csv networks="+e.other.ID) {
		t.Fatalf("audit details %q", details)
	}
}

func TestExportFilters(t *testing.T) {
	e := newEnv(t)
	e.exportFixture(e.own.ID, "ouder")
	as := e.people[researcher]
	var outcome string
	mustDo(e, e.db.Gorm.Table("cases").Where("network_id = ?", e.own.ID).Limit(1).Pluck("outcome", &outcome).Error)
	other := "good"
	if outcome == "good" {
		other = "stuck"
	}
	if n := len(csvRows(t, e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/exports/codings.csv?outcome=" + outcome, as: as}).body, ',')); n != 1 {
		t.Fatalf("%d rows with the case's outcome", n)
	}
	if n := len(csvRows(t, e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/exports/codings.csv?outcome=" + other, as: as}).body, ',')); n != 0 {
		t.Fatalf("%d rows with another outcome", n)
	}
	if n := len(csvRows(t, e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/exports/codings.csv?from=2099-Q1&to=2099-Q4", as: as}).body, ',')); n != 0 {
		t.Fatalf("%d rows in 2099", n)
	}
	e.expect(http.StatusBadRequest, request{method: "GET", path: "/api/v1/exports/codings.csv?from=2025-Q3&to=2025-Q1", as: as}).problem(t)
}

func TestExportWithPersonalAccessToken(t *testing.T) {
	e := newEnv(t)
	e.exportFixture(e.own.ID, "ouder")
	_, secret, err := e.svc.CreateToken(context.Background(), policy.Actor{PersonID: e.people[researcher].ID}, policy.NewToken{Name: "R", ExpiresInDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	res := e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/exports/codings.csv", bearer: secret})
	if len(csvRows(t, res.body, ',')) != 1 {
		t.Fatalf("body %s", res.body)
	}
	e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/exports/project.qdpx", bearer: secret})
}

func TestCodebookExchange(t *testing.T) {
	e := newEnv(t)
	fac := e.people[facilitator]
	res := e.expect(http.StatusOK, request{method: "GET", path: "/api/v1/networks/" + e.own.ID + "/codebook.qdc", as: e.people[member]})
	qdatest.Validate(t, "Codebook.xsd", res.body)
	if !bytes.Contains(res.body, []byte(qda.GUID("code", "T1.wachttijd"))) {
		t.Fatal("the default code lacks its stable GUID")
	}
	// Importing the network's own codebook adds nothing.
	var plan struct {
		Themes []struct {
			ID    *string `json:"id"`
			New   bool    `json:"new"`
			Label string  `json:"label"`
			Codes []struct {
				Label string `json:"label"`
			} `json:"codes"`
		} `json:"themes"`
		Known   int    `json:"known"`
		Preview string `json:"preview"`
		Applied bool   `json:"applied"`
	}
	path := "/api/v1/networks/" + e.other.ID + "/codebook/import"
	e.addMember(fac, e.other.ID, policy.RoleFacilitator)
	e.expect(http.StatusOK, request{method: "POST", path: path, as: fac, body: map[string]any{"qdc": string(res.body)}}).json(t, &plan)
	for _, th := range plan.Themes {
		if th.New || len(th.Codes) > 0 {
			t.Fatalf("the own codebook would add %+v", th)
		}
	}
	if plan.Known < 50 {
		t.Fatalf("known %d", plan.Known)
	}
	// A new theme with a code, and a flat code: a preview, then apply.
	doc := `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
		<Code guid="` + qda.GUID("t", "a") + `" name="Vrije tijd" isCodable="false"><Code guid="` + qda.GUID("t", "b") + `" name="Sportclub" isCodable="true"><Description>Sport als steun.</Description></Code></Code>
		<Code guid="` + qda.GUID("t", "c") + `" name="Wachttijd" isCodable="true"/>
		<Code guid="` + qda.GUID("t", "d") + `" name="Losse code" isCodable="true"/></Codes></CodeBook>`
	e.expect(http.StatusOK, request{method: "POST", path: path, as: fac, body: map[string]any{"qdc": doc}}).json(t, &plan)
	if len(plan.Themes) != 2 || !plan.Themes[0].New || plan.Themes[0].Codes[0].Label != "Sportclub" || plan.Themes[1].Label != "Geïmporteerd" ||
		len(plan.Themes[1].Codes) != 2 || plan.Applied {
		t.Fatalf("plan %+v", plan)
	}
	e.expect(http.StatusConflict, request{method: "POST", path: path, as: fac, body: map[string]any{"qdc": doc, "apply": true, "preview": "stale"}}).problem(t)
	e.expect(http.StatusBadRequest, request{method: "POST", path: path, as: fac, body: map[string]any{"qdc": doc, "apply": true}}).problem(t)
	e.expect(http.StatusOK, request{method: "POST", path: path, as: fac, body: map[string]any{"qdc": doc, "apply": true, "preview": plan.Preview}}).json(t, &plan)
	if !plan.Applied || plan.Themes[0].ID == nil {
		t.Fatalf("applied %+v", plan)
	}
	var n int64
	mustDo(e, e.db.Gorm.Table("codebook_codes").Where("network_id = ? AND label_nl IN ?", e.other.ID, []string{"Sportclub", "Losse code", "Wachttijd"}).Count(&n).Error)
	if n != 4 { // Wachttijd: the default's and the imported one under Geïmporteerd
		t.Fatalf("%d codes", n)
	}
	// Applying again adds nothing.
	e.expect(http.StatusOK, request{method: "POST", path: path, as: fac, body: map[string]any{"qdc": doc}}).json(t, &plan)
	for _, th := range plan.Themes {
		if th.New || len(th.Codes) > 0 {
			t.Fatalf("a second import would add %+v", th)
		}
	}
	// Not a codebook: 400 naming qdc; a name in a label: 422, nothing stored.
	bad := e.expect(http.StatusBadRequest, request{method: "POST", path: path, as: fac, body: map[string]any{"qdc": "<Foo/>"}}).problem(t)
	if len(bad.Errors) == 0 || bad.Errors[0].Field != "qdc" {
		t.Fatalf("errors %+v", bad.Errors)
	}
	named := strings.Replace(doc, "Losse code", "Gesprek met "+identifyingName, 1)
	e.expect(http.StatusUnprocessableEntity, request{method: "POST", path: path, as: fac, body: map[string]any{"qdc": named}}).problem(t)
	if hits := e.searchTextColumns("Hoogvliet"); len(hits) > 0 {
		t.Fatalf("stored in %v", hits)
	}
}
