package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"leerlus/dbtest"
	"leerlus/policy"
)

// BenchmarkScanEndpoint is one "check as you type" call of the web app:
// POST /api/v1/scan with a paragraph of about 600 bytes, through the whole
// router, the session lookup, the CSRF check, the scan, the redaction and
// the JSON answer.
func BenchmarkScanEndpoint(b *testing.B) {
	db := dbtest.Open(b)
	cfg := policy.DefaultConfig()
	cfg.Password = policy.PasswordParams{MemoryKiB: 1024, Time: 1, Threads: 1}
	svc := policy.NewService(db, nil, cfg)
	ctx := context.Background()
	if _, err := svc.CreatePerson(ctx, policy.Actor{}, policy.NewPerson{Email: "typist@example.org", Name: "Typist", Password: "benchmark password"}); err != nil {
		b.Fatal(err)
	}
	srv, in := signedInServer(b, db, svc, "typist@example.org")
	paragraph := "Wat ging goed? Toen Jayden (14) in de zomer vastliep, belde zijn mentor meneer De Vries meteen met moeder, " +
		"mevrouw Yılmaz. Het wijkteam in Leeuwarden kwam binnen een week langs op de Vlietstraat 12. Wat liep vast? " +
		"De wachtlijst bij de GGZ was 16 weken en niemand nam de regie. Moeder is bereikbaar op 06-12345678 of " +
		"f.yilmaz@gmail.com. Tip: spreek in het eerste gesprek af wie de vaste contactpersoon is, en houd daaraan vast, " +
		"ook als de hulp stopt. Dossiernummer JB-2024-0113, afspraak op dinsdag 12 maart."
	body, _ := json.Marshal(map[string]string{"text": paragraph})
	b.SetBytes(int64(len(paragraph)))
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/api/v1/scan", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(CSRFHeader, in.Session.CSRFToken)
		req.AddCookie(&http.Cookie{Name: SessionCookie, Value: in.Secret})
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body.String())
		}
	}
}
