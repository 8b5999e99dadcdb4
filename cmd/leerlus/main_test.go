package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"leerlus"
	"leerlus/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// dbArgs points a command at a fresh database of the run's engine.
func dbArgs(t *testing.T) []string {
	t.Helper()
	if dbtest.Postgres() {
		// The data directory still holds the seal key.
		return []string{"--database-url", dbtest.Address(t), "--data-dir", t.TempDir()}
	}
	return []string{"--data-dir", t.TempDir()}
}

func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), append([]string{"leerlus"}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestUnknownCommandAndUsage(t *testing.T) {
	if code, _, stderr := runCmd(t, "", "frobnicate"); code != 2 || !strings.Contains(stderr, "unknown command") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := runCmd(t, ""); code != 2 {
		t.Fatalf("no command: exit %d, want 2", code)
	}
	if code, _, stderr := runCmd(t, "", "migrate", "--no-such-flag"); code != 2 || !strings.Contains(stderr, "no-such-flag") {
		t.Fatalf("bad flag: exit %d, stderr %q", code, stderr)
	}
}

func TestDemoLoadsOnceAndPrintsAccounts(t *testing.T) {
	db := dbArgs(t)
	code, out, stderr := runCmd(t, "", append([]string{"demo", "--log-format", "text"}, db...)...)
	if code != 0 {
		t.Fatalf("demo exit %d: %s", code, stderr)
	}
	for _, want := range []string{"admin@leerlus.demo", "facilitator@leerlus.demo", "onderzoeker@leerlus.demo", "manager@leerlus.demo", DemoPassword} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
	if code, _, stderr := runCmd(t, "", append([]string{"demo"}, db...)...); code != 1 || !strings.Contains(stderr, "empty database") {
		t.Fatalf("second demo: exit %d, %s", code, stderr)
	}
}

func TestAdminCreate(t *testing.T) {
	db := dbArgs(t)
	code, out, stderr := runCmd(t, "", append([]string{"admin", "create", "--email", "Beheer@Example.org", "--name", "Beheer"}, db...)...)
	if code != 0 || !strings.Contains(out, "password (shown once): ") || !strings.Contains(out, "beheer@example.org") {
		t.Fatalf("exit %d, out %q, err %q", code, out, stderr)
	}
	code, out, _ = runCmd(t, "een lang genoeg wachtwoord\n", append([]string{"admin", "create", "--email", "b@example.org", "--name", "B", "--password-stdin"}, db...)...)
	if code != 0 || strings.Contains(out, "shown once") {
		t.Fatalf("stdin password: exit %d, out %q", code, out)
	}
	code, _, stderr = runCmd(t, "kort\n", append([]string{"admin", "create", "--email", "c@example.org", "--name", "C", "--password-stdin"}, db...)...)
	if code != 1 || !strings.Contains(stderr, "password") {
		t.Fatalf("short password: exit %d, err %q", code, stderr)
	}
}

// TestAuditVerifyDetectsAnEditedRow edits one audit row behind the
// application's back; `leerlus audit verify` names it.
func TestAuditVerifyDetectsAnEditedRow(t *testing.T) {
	db := dbArgs(t)
	if code, _, stderr := runCmd(t, "", append([]string{"demo"}, db...)...); code != 0 {
		t.Fatal(stderr)
	}
	code, out, _ := runCmd(t, "", append([]string{"audit", "verify"}, db...)...)
	if code != 0 || !strings.Contains(out, "intact") {
		t.Fatalf("fresh log: exit %d, %s", code, out)
	}
	address := db[1]
	if !dbtest.Postgres() {
		address = filepath.Join(db[1], "leerlus.db")
	}
	conn, err := leerlus.Open(context.Background(), address)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if conn.Dialect == leerlus.Postgres {
		err = conn.Gorm.Exec("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change").Error
	} else {
		err = conn.Gorm.Exec("DROP TRIGGER audit_log_no_update").Error
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := conn.Gorm.Exec("UPDATE audit_log SET actor_id = 'someone-else' WHERE seq = 7").Error; err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCmd(t, "", append([]string{"audit", "verify"}, db...)...)
	if code != 1 || !strings.Contains(out, "BROKEN at entry 7") {
		t.Fatalf("edited log: exit %d, %s", code, out)
	}
}

// TestServeAnswersAndShutsDown starts the real server on a free port with
// the demo, signs in over HTTP, and stops it with a cancelled context.
func TestServeAnswersAndShutsDown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var out, errOut bytes.Buffer
	go func() {
		done <- run(ctx, append([]string{"leerlus", "serve", "--addr", addr, "--demo", "--log-format", "json"}, dbArgs(t)...),
			strings.NewReader(""), &out, &errOut)
	}()
	base := "http://" + addr
	waitReady(t, base+"/readyz", done, &errOut)

	body := `{"email":"facilitator@leerlus.demo","password":"` + DemoPassword + `"}`
	res, err := http.Post(base+"/api/v1/session", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var sess struct {
		CSRFToken string `json:"csrf_token"`
		Person    struct {
			Memberships []struct {
				Role string `json:"role"`
			} `json:"memberships"`
		} `json:"person"`
	}
	json.NewDecoder(res.Body).Decode(&sess)
	res.Body.Close()
	if res.StatusCode != http.StatusCreated || sess.CSRFToken == "" || len(sess.Person.Memberships) == 0 {
		t.Fatalf("sign in: %d %+v", res.StatusCode, sess)
	}
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Request-Id"} {
		if res.Header.Get(h) == "" {
			t.Errorf("response lacks %s", h)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve exit %d: %s", code, errOut.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not shut down")
	}
	// One JSON log line per request, with the request id and route template.
	if !strings.Contains(errOut.String(), `"route":"/api/v1/session"`) || !strings.Contains(errOut.String(), `"request_id"`) {
		t.Errorf("request log lines missing:\n%s", errOut.String())
	}
}

func waitReady(t *testing.T, url string, done chan int, stderr io.Writer) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case code := <-done:
			t.Fatalf("serve exited early with %d: %s", code, fmt.Sprint(stderr))
		default:
		}
		res, err := http.Get(url)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("server not ready in time")
}
