package api_test

import (
	"net/http"
	"strings"
	"testing"

	"leerlus/api"
)

func TestScanFindsAndRedactsPersonalData(t *testing.T) {
	e := newEnv(t)
	text := "Mijn zoon Daan Visser (BSN 111222333) woont op Kerkstraat 12 in Sneek. Bel 06-12345678."
	var body api.ScanBody
	e.expect(http.StatusOK, request{method: "POST", path: "/api/v1/scan", as: e.people[member], body: map[string]any{"text": text}}).json(t, &body)
	types := map[string]bool{}
	for _, f := range body.Findings {
		types[string(f.Type)] = true
		if text[f.Start:f.End] != f.Text {
			t.Errorf("finding %+v does not match its offsets", f)
		}
	}
	for _, want := range []string{"person", "bsn", "address", "phone"} {
		if !types[want] {
			t.Errorf("no %s found in %+v", want, body.Findings)
		}
	}
	for _, secret := range []string{"Daan", "111222333", "06-12345678", "Kerkstraat 12"} {
		if strings.Contains(body.Redacted, secret) {
			t.Errorf("redacted text still has %q: %s", secret, body.Redacted)
		}
	}

	var empty api.ScanBody
	e.expect(http.StatusOK, request{method: "POST", path: "/api/v1/scan", as: e.people[member], body: map[string]any{"text": "De mentor belde het wijkteam."}}).json(t, &empty)
	if len(empty.Findings) != 0 || empty.Redacted != "De mentor belde het wijkteam." {
		t.Fatalf("generic text flagged: %+v", empty)
	}
}
