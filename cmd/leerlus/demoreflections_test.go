package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"leerlus"
	"leerlus/dbtest"
	"leerlus/policy"
	"leerlus/review"
	reviewdemo "leerlus/review/demo"
	"leerlus/review/runchart"
)

// openLoaded opens the database a command wrote to.
func openLoaded(t *testing.T, db []string) *leerlus.DB {
	t.Helper()
	address := db[1]
	if !dbtest.Postgres() {
		address = filepath.Join(db[1], "leerlus.db")
	}
	conn, err := leerlus.Open(context.Background(), address)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// TestDemoReflectionsAreLoaded loads the demo into a fresh database and
// checks what the reflections issue promises of it, in the database: every
// published case has reflections from distinct perspectives checked by
// someone else, the recurring lessons recur, and the designed difference
// between stuck and good trajectories is there.
func TestDemoReflectionsAreLoaded(t *testing.T) {
	db := dbArgs(t)
	code, out, stderr := runCmd(t, "", append([]string{"demo"}, db...)...)
	if code != 0 {
		t.Fatalf("demo exit %d: %s", code, stderr)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "demo reflections") {
			t.Log(line) // with the time the reflections took
		}
	}
	conn := openLoaded(t, db)
	ctx := context.Background()
	q := conn.WithContext(ctx)

	type row struct {
		CaseID, CaseStatus, Outcome, Perspective, Status, AuthorID string
		PublishedBy                                                *string
	}
	var rows []row
	if err := q.Raw(`SELECT c.id AS case_id, c.status AS case_status, c.outcome, r.perspective, r.status, r.author_id, r.published_by
		FROM reflections r JOIN cases c ON c.id = r.case_id WHERE c.title NOT LIKE ?`, reviewdemo.FollowUpTitle+"%").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	data, err := reviewdemo.Reflections()
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, cr := range data {
		want += len(cr.Reflections)
	}
	if len(rows) != want {
		t.Fatalf("%d reflections in the database, the demo has %d", len(rows), want)
	}
	type caseInfo struct {
		status       string
		perspectives map[string]int
		published    int
	}
	byCase := map[string]*caseInfo{}
	for _, r := range rows {
		ci := byCase[r.CaseID]
		if ci == nil {
			ci = &caseInfo{status: r.CaseStatus, perspectives: map[string]int{}}
			byCase[r.CaseID] = ci
		}
		ci.perspectives[r.Perspective]++
		if r.Status == "published" {
			ci.published++
			if r.PublishedBy == nil || *r.PublishedBy == r.AuthorID {
				t.Errorf("case %s: a %s reflection published by its author or nobody (four eyes)", r.CaseID, r.Perspective)
			}
		}
	}
	var shown []string
	if err := q.Raw(`SELECT id FROM cases WHERE status IN ('published', 'archived') AND title NOT LIKE ?`, reviewdemo.FollowUpTitle+"%").Scan(&shown).Error; err != nil {
		t.Fatal(err)
	}
	if len(shown) != 51 {
		t.Errorf("%d published or archived cases, want 51", len(shown))
	}
	for _, id := range shown {
		ci := byCase[id]
		if ci == nil {
			t.Errorf("case %s: no reflections", id)
			continue
		}
		n := 0
		for p, k := range ci.perspectives {
			n += k
			if k > 1 {
				t.Errorf("case %s: %d reflections from perspective %s", id, k, p)
			}
		}
		if n < 2 || n > 5 || ci.published < 2 {
			t.Errorf("case %s (%s): %d reflections of which %d published, want 2–5 with at least 2 published", id, ci.status, n, ci.published)
		}
	}

	// The designed contrast, counted as the research queries will: distinct
	// cases per outcome with a published coding of the code and effect.
	var codings []struct{ Key, Effect, Outcome, CaseID string }
	if err := q.Raw(`SELECT DISTINCT k.key, g.effect, c.outcome, c.id AS case_id
		FROM codings g JOIN codebook_codes k ON k.id = g.code_id
		JOIN reflections r ON r.id = g.reflection_id JOIN cases c ON c.id = g.case_id
		WHERE r.status = 'published' AND c.title NOT LIKE ?`, reviewdemo.FollowUpTitle+"%").Scan(&codings).Error; err != nil {
		t.Fatal(err)
	}
	counts := map[[3]string]int{}
	for _, c := range codings {
		counts[[3]string{c.Key, c.Effect, c.Outcome}]++
	}
	for _, c := range reviewdemo.Contrasts() {
		stuck, good := counts[[3]string{c.Code, c.Effect, "stuck"}], counts[[3]string{c.Code, c.Effect, "good"}]
		if stuck != c.Stuck || good != c.Good {
			t.Errorf("%s %s: %d stuck and %d good cases in the database, designed %d and %d", c.Code, c.Effect, stuck, good, c.Stuck, c.Good)
		}
	}

	// Every recurring lesson of the ground truth spans three cases or more
	// among the published lessons in the database.
	labelled, err := reviewdemo.LabelledLessons()
	if err != nil {
		t.Fatal(err)
	}
	group := map[string]string{}
	for _, l := range labelled {
		group[l.Text] = l.Group
	}
	var lessons []struct{ Statement, CaseID string }
	if err := q.Raw(`SELECT l.statement, l.case_id FROM lessons l JOIN reflections r ON r.id = l.reflection_id
		JOIN cases c ON c.id = l.case_id WHERE r.status = 'published' AND c.title NOT LIKE ?`, reviewdemo.FollowUpTitle+"%").Scan(&lessons).Error; err != nil {
		t.Fatal(err)
	}
	casesOf := map[string]map[string]bool{}
	for _, l := range lessons {
		g, ok := group[l.Statement]
		if !ok {
			t.Errorf("lesson %q is not in the demo data", l.Statement)
			continue
		}
		if casesOf[g] == nil {
			casesOf[g] = map[string]bool{}
		}
		casesOf[g][l.CaseID] = true
	}
	recurring := 0
	for _, cs := range casesOf {
		if len(cs) >= 3 {
			recurring++
		}
	}
	if recurring < 15 {
		t.Errorf("%d lesson groups span three cases or more, want at least 15", recurring)
	}
	var archived []string
	if err := q.Raw(`SELECT DISTINCT c.id FROM cases c JOIN reflections r ON r.case_id = c.id
		WHERE c.status = 'archived' AND r.status = 'published'`).Scan(&archived).Error; err != nil {
		t.Fatal(err)
	}
	if len(archived) != 7 {
		t.Errorf("%d archived cases with published reflections, want all 7", len(archived))
	}
	checkDemoActions(t, conn)
	checkDemoDigests(t, conn)
}

// checkDemoDigests mails the demo's digests through a test SMTP server:
// every network with a manager and actions to follow up sends one message
// to its managers, naming an overdue action; a second round within the
// interval sends nothing.
func checkDemoDigests(t *testing.T, conn *leerlus.DB) {
	t.Helper()
	ctx := context.Background()
	server := startSMTP(t)
	cfg := config{SMTPAddr: server.addr, SMTPFrom: "leerlus@leerlus.demo"}
	svc := review.NewService(conn, nil, policy.NewAuditLog(nil), nil)
	link := func(network string) string { return "https://leerlus.example/netwerk/" + network + "/verbeteracties" }
	n, err := svc.SendDigests(ctx, cfg.mailer(), 24*time.Hour, link)
	if err != nil {
		t.Fatal(err)
	}
	got := server.messages()
	if n != 3 || len(got) != 3 {
		t.Fatalf("%d digests sent, %d received; want one for each of the 3 networks with a demo manager", n, len(got))
	}
	for _, m := range got {
		if len(m.To) != 1 || !strings.HasPrefix(m.To[0], "manager") || m.From != "leerlus@leerlus.demo" {
			t.Errorf("digest from %s to %v, want from the configured sender to the network's manager", m.From, m.To)
		}
		for _, want := range []string{"Subject: Leerlus: verbeteracties in", "Te laat: de einddatum is voorbij",
			"Training gesprekken voeren met ouders die wantrouwig zijn", "https://leerlus.example/netwerk/"} {
			if !strings.Contains(m.Data, want) {
				t.Errorf("digest to %v lacks %q", m.To, want)
			}
		}
	}
	if n, err := svc.SendDigests(ctx, cfg.mailer(), 24*time.Hour, link); err != nil || n != 0 {
		t.Errorf("a second round within a day sent %d digests (%v), want none", n, err)
	}
	if (&config{}).mailer() != nil {
		t.Error("without --smtp-addr there is a mailer: digests must be off by default")
	}
}

// checkDemoActions checks what the recurring-lessons issue promises of the
// demo: recurring lessons found by the grouping in every workplace, actions
// in every status and PDCA phase with some overdue and some stalled, an
// action whose lesson measurably recurs less after it started, and a zero
// goal with measurements.
func checkDemoActions(t *testing.T, conn *leerlus.DB) {
	t.Helper()
	ctx := context.Background()
	q := conn.WithContext(ctx)
	var perWorkplace []struct {
		Workplace string
		N         int
	}
	if err := q.Raw(`SELECT n.workplace_id AS workplace, COUNT(*) AS n FROM lesson_groups g JOIN networks n ON n.id = g.network_id
		WHERE g.case_count >= n.recurring_min_cases AND g.status = 'active' GROUP BY n.workplace_id`).Scan(&perWorkplace).Error; err != nil {
		t.Fatal(err)
	}
	if len(perWorkplace) != 3 {
		t.Errorf("recurring lessons in %d workplaces, want all 3", len(perWorkplace))
	}
	for _, w := range perWorkplace {
		if w.N < 2 {
			t.Errorf("workplace %s: %d recurring lessons, want several", w.Workplace, w.N)
		}
	}
	var actions []struct {
		Status, Phase  string
		DueOn          *string
		LastProgressAt *time.Time
		AcceptedAt     *time.Time
	}
	if err := q.Raw(`SELECT status, phase, due_on, last_progress_at, accepted_at FROM improvement_actions`).Scan(&actions).Error; err != nil {
		t.Fatal(err)
	}
	statuses, phases := map[string]bool{}, map[string]bool{}
	overdue, stalled := 0, 0
	today := time.Now().UTC().Format(time.DateOnly)
	for _, a := range actions {
		statuses[a.Status], phases[a.Phase] = true, true
		open := a.Status != "done" && a.Status != "stopped"
		if open && a.DueOn != nil && *a.DueOn < today {
			overdue++
		}
		last := a.LastProgressAt
		if last == nil {
			last = a.AcceptedAt
		}
		if (a.Status == "accepted" || a.Status == "in_progress") && last != nil && time.Since(*last) > 60*24*time.Hour {
			stalled++
		}
	}
	for _, s := range []string{"proposed", "accepted", "in_progress", "done", "stopped"} {
		if !statuses[s] {
			t.Errorf("no demo action in status %s", s)
		}
	}
	for _, p := range []string{"plan", "do", "check", "act"} {
		if !phases[p] {
			t.Errorf("no demo action in phase %s", p)
		}
	}
	if overdue == 0 || stalled == 0 {
		t.Errorf("%d overdue and %d stalled demo actions, want some of each", overdue, stalled)
	}
	var signal []struct{ ID, NetworkID string }
	if err := q.Raw(`SELECT id, network_id FROM improvement_actions WHERE started_on = '2024-07-01'`).Scan(&signal).Error; err != nil || len(signal) != 1 {
		t.Fatalf("the follow-up action: %v, %d found", err, len(signal))
	}
	svc := review.NewService(conn, nil, policy.NewAuditLog(nil), nil)
	acc := leerlus.Access{Actor: leerlus.Actor{ClientAddr: "test"}, NetworkID: signal[0].NetworkID, Role: string(policy.RoleResearcher), Scope: leerlus.ScopeAny}
	effect, err := svc.ActionEffect(ctx, acc, signal[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if effect.Effect == nil || effect.Effect.Verdict != runchart.VerdictLowerAfter {
		t.Errorf("the follow-up action's effect: %+v, want the lesson to recur less after the start", effect.Effect)
	}
	var goals []struct {
		Name string
		N    int
	}
	if err := q.Raw(`SELECT g.name, COUNT(m.id) AS n FROM goals g JOIN goal_measurements m ON m.goal_id = g.id GROUP BY g.name`).Scan(&goals).Error; err != nil {
		t.Fatal(err)
	}
	if len(goals) != 1 || goals[0].N < 10 {
		t.Errorf("demo goals with measurements: %+v, want the zero goal with ten or more", goals)
	}
}
