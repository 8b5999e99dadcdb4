package api_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"leerlus/api"
)

// suggestPath is the suggestions route of a network.
func suggestPath(network string) string { return "/api/v1/networks/" + network + "/code-suggestions" }

func TestCodeSuggestions(t *testing.T) {
	e := newEnv(t)
	m := e.people[member]
	var got api.CodeSuggestionListBody
	e.expect(200, request{method: "POST", path: suggestPath(e.own.ID), as: m,
		body: map[string]any{"text": "We stonden maanden op de wachtlijst voor de jeugd-ggz"}}).json(t, &got)
	if len(got.Suggestions) == 0 || len(got.Suggestions) > 5 {
		t.Fatalf("%d suggestions, want 1 to 5 (the default limit)", len(got.Suggestions))
	}
	first := got.Suggestions[0]
	if first.Key != "T1.wachttijd" || first.Theme.Key != "T1" || first.LabelNL == "" || first.Theme.LabelEN == "" {
		t.Errorf("first suggestion %+v, want T1.wachttijd with its labels and theme", first)
	}
	if !slices.Contains(first.Reason.Words, "wachtlijst") || !first.Reason.Codebook || first.Reason.Codings != 0 {
		t.Errorf("reason %+v, want the word wachtlijst from the codebook and no codings", first.Reason)
	}

	e.expect(200, request{method: "POST", path: suggestPath(e.own.ID), as: e.people[facilitator],
		body: map[string]any{"text": "Niemand luisterde naar mijn dochter, ze werd niet gehoord", "limit": 2}}).json(t, &got)
	if len(got.Suggestions) != 2 {
		t.Errorf("limit 2 gave %d suggestions", len(got.Suggestions))
	}

	for _, text := range []string{"", "   ", "en de het"} {
		res := e.expect(200, request{method: "POST", path: suggestPath(e.own.ID), as: m, body: map[string]any{"text": text}})
		if !bytes.Equal(bytes.TrimSpace(res.body), []byte(`{"suggestions":[]}`)) {
			t.Errorf("text %q: %s, want an empty list", text, res.body)
		}
	}
}

func TestCodeSuggestionsRefuseBadInput(t *testing.T) {
	e := newEnv(t)
	m := e.people[member]
	cases := []struct {
		name  string
		body  map[string]any
		field string
		code  string
	}{
		{"text too long", map[string]any{"text": strings.Repeat("a", 2001)}, "text", "too_long"},
		{"limit zero", map[string]any{"text": "wachtlijst", "limit": 0}, "limit", "out_of_range"},
		{"limit too high", map[string]any{"text": "wachtlijst", "limit": 21}, "limit", "out_of_range"},
		{"text missing", map[string]any{"limit": 3}, "text", "required"},
		{"limit not a number", map[string]any{"text": "wachtlijst", "limit": "5"}, "limit", "wrong_type"},
		{"unknown field", map[string]any{"text": "wachtlijst", "network": "x"}, "network", "unknown_field"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e.t = t
			p := e.expect(400, request{method: "POST", path: suggestPath(e.own.ID), as: m, body: c.body}).problem(t)
			found := false
			for _, f := range p.Errors {
				found = found || (f.Field == c.field && string(f.Code) == c.code)
			}
			if !found {
				t.Errorf("errors %+v, want %s on %s", p.Errors, c.code, c.field)
			}
		})
	}
}

// TestCodeSuggestionTextIsTransient sends a text with a word found nowhere
// else and checks that no table and no log line holds it afterwards.
func TestCodeSuggestionTextIsTransient(t *testing.T) {
	e := newEnv(t)
	var logs bytes.Buffer
	deps := withCases(api.Deps{DB: e.db, Policy: e.svc, Scanner: testScanner(t),
		Log: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	srv, err := api.New(deps)
	if err != nil {
		t.Fatal(err)
	}
	const marker = "Zwiebelkuchenwachtlijst"
	m := e.people[member]
	body := `{"text": "De ` + marker + ` duurde maanden, de wachtlijst was lang."}`
	req := httptest.NewRequest("POST", suggestPath(e.own.ID), strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.AddCookie(&http.Cookie{Name: api.SessionCookie, Value: m.cookie})
	req.Header.Set(api.CSRFHeader, m.csrf)
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if !strings.Contains(rec.Body.String(), `"key":"T1.wachttijd"`) {
		t.Fatalf("the answer does not suggest T1.wachttijd: %s", rec.Body)
	}
	if logs.Len() == 0 {
		t.Fatal("the request logged nothing; the check below would prove nothing")
	}
	for _, needle := range []string{marker, "zwiebelkuchen", "duurde maanden"} {
		if strings.Contains(strings.ToLower(logs.String()), strings.ToLower(needle)) {
			t.Errorf("the log holds %q: %s", needle, logs.String())
		}
		for _, hit := range e.searchTextColumns(needle) {
			t.Errorf("%q is stored in %s", needle, hit)
		}
	}
}
