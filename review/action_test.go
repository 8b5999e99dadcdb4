package review_test

import (
	"strings"
	"testing"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
	"leerlus/review"
	"leerlus/worldtest"
)

func TestProposeByEveryProposingRole(t *testing.T) {
	w := newActionWorld(t)
	group := w.group(w.network, "Vraag de jongere eerst wat hij nodig heeft.")
	org := w.organisation("Zorgaanbieder Noord")
	for _, who := range []string{w.member, w.fac, w.mgr} {
		in := review.ActionInput{Title: "Eerst vragen wat de jongere wil", Description: "Een vaste vraag in het intakegesprek.",
			Kind: "training", DueOn: "2027-03-31", Lessons: []string{group}, Cases: []string{w.caseID}, Organisations: []string{org}}
		v, err := w.svc.Propose(w.ctx, w.as(who), in)
		w.must(err)
		if v.Status != review.ActionProposed || v.Phase != review.PhasePlan || v.Kind != review.KindTraining || v.OwnerID != nil {
			t.Errorf("proposal %+v", v.Action)
		}
		if v.ProposedBy == nil || v.ProposedBy.ID != who || v.ProposedAutomatically {
			t.Errorf("proposed by %+v", v.ProposedBy)
		}
		if len(v.Lessons) != 1 || v.Lessons[0].Statement != "Vraag de jongere eerst wat hij nodig heeft." ||
			len(v.Cases) != 1 || v.Cases[0].ID != w.caseID || len(v.Organisations) != 1 || v.Organisations[0].Name != "Zorgaanbieder Noord" {
			t.Errorf("links %+v %+v %+v", v.Lessons, v.Cases, v.Organisations)
		}
		if *v.DueOn != "2027-03-31" || v.Overdue || v.Stalled {
			t.Errorf("due %v overdue %v stalled %v", *v.DueOn, v.Overdue, v.Stalled)
		}
		if w.audits(policy.ActionActionCreated, v.ID) != 1 {
			t.Error("the proposal is not audited")
		}
	}
}

func TestProposeRefusesBadInput(t *testing.T) {
	w := newActionWorld(t)
	id := leerlus.NewID()
	many := make([]string, 21)
	for i := range many {
		many[i] = leerlus.NewID()
	}
	for _, tc := range []struct {
		name string
		in   review.ActionInput
		want map[string]leerlus.FieldCode
	}{
		{"empty", review.ActionInput{}, map[string]leerlus.FieldCode{"title": leerlus.FieldRequired, "kind": leerlus.FieldRequired}},
		{"short title", review.ActionInput{Title: " ab ", Kind: "practice"}, map[string]leerlus.FieldCode{"title": leerlus.FieldTooShort}},
		{"long title", review.ActionInput{Title: strings.Repeat("a", 301), Kind: "practice"}, map[string]leerlus.FieldCode{"title": leerlus.FieldTooLong}},
		{"kind", review.ActionInput{Title: "Een actie", Kind: "policy"}, map[string]leerlus.FieldCode{"kind": leerlus.FieldOneOf}},
		{"date", review.ActionInput{Title: "Een actie", Kind: "practice", DueOn: "31-03-2027"}, map[string]leerlus.FieldCode{"due_on": leerlus.FieldFormat}},
		{"impossible date", review.ActionInput{Title: "Een actie", Kind: "practice", DueOn: "2027-02-30"}, map[string]leerlus.FieldCode{"due_on": leerlus.FieldFormat}},
		{"goal id", review.ActionInput{Title: "Een actie", Kind: "practice", GoalID: "12"}, map[string]leerlus.FieldCode{"goal_id": leerlus.FieldFormat}},
		{"repeated case", review.ActionInput{Title: "Een actie", Kind: "practice", Cases: []string{id, id}}, map[string]leerlus.FieldCode{"/cases/1": leerlus.FieldDuplicate}},
		{"bad lesson id", review.ActionInput{Title: "Een actie", Kind: "practice", Lessons: []string{"x"}}, map[string]leerlus.FieldCode{"/lessons/0": leerlus.FieldFormat}},
		{"too many", review.ActionInput{Title: "Een actie", Kind: "practice", Organisations: many}, map[string]leerlus.FieldCode{"organisations": leerlus.FieldTooMany}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := w.svc.Propose(w.ctx, w.as(w.member), tc.in)
			got := fieldsOf(domainError(t, err, leerlus.CodeInvalid))
			for f, code := range tc.want {
				if got[f] != code {
					t.Errorf("field %s: %q, want %q (all: %v)", f, got[f], code, got)
				}
			}
		})
	}
	if n := w.Count("improvement_actions", ""); n != 0 {
		t.Errorf("%d actions written", n)
	}
}

func TestProposeRefusesLinksOutsideTheNetwork(t *testing.T) {
	w := newActionWorld(t)
	otherGroup := w.group(w.other, "Een les van elders.")
	otherCase := w.publishedCase(w.other)
	draft, err := w.Cases.Create(w.ctx, w.As(w.member, leerlus.ScopeOwn), worldtest.CompleteCase())
	w.must(err)
	// An organisation of another workplace.
	name, region := "Andere werkplaats", "Zuid"
	wp, err := w.Policy.CreateWorkplace(w.ctx, policy.Actor{}, policy.WorkplaceInput{Name: &name, Region: &region})
	w.must(err)
	org, err := w.Policy.CreateOrganisation(w.ctx, policy.Actor{}, wp.ID, policy.NewOrganisation{Name: "Elders", Kind: policy.KindSchool})
	w.must(err)
	goal, err := w.svc.CreateGoal(w.ctx, w.as(w.otherMgr), review.GoalInput{Name: "0 thuiszitters", Unit: "jongeren", Target: ptr(0.0)})
	w.must(err)
	for _, tc := range []struct {
		name  string
		in    review.ActionInput
		field string
	}{
		{"group of another network", review.ActionInput{Lessons: []string{otherGroup}}, "/lessons/0"},
		{"unknown group", review.ActionInput{Lessons: []string{leerlus.NewID()}}, "/lessons/0"},
		{"case of another network", review.ActionInput{Cases: []string{w.caseID, otherCase}}, "/cases/1"},
		{"draft case", review.ActionInput{Cases: []string{draft.ID}}, "/cases/0"},
		{"organisation of another workplace", review.ActionInput{Organisations: []string{org.ID}}, "/organisations/0"},
		{"goal of another network", review.ActionInput{GoalID: goal.ID}, "goal_id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.in.Title, tc.in.Kind = "Een actie", "research"
			_, err := w.svc.Propose(w.ctx, w.as(w.fac), tc.in)
			got := fieldsOf(domainError(t, err, leerlus.CodeInvalid))
			if got[tc.field] != leerlus.FieldNotAllowed {
				t.Errorf("fields %v, want %s not allowed", got, tc.field)
			}
		})
	}
	if n := w.Count("improvement_actions", ""); n != 0 {
		t.Errorf("%d actions written", n)
	}
}

func TestActionTextsAreScreened(t *testing.T) {
	w := newActionWorld(t)
	identifying := "Bel Jolanda Hoogvliet-Brakman, BSN 223456784."
	v := w.inStatus("Een actie die loopt", review.ActionInProgress)
	goal, err := w.svc.CreateGoal(w.ctx, w.as(w.mgr), review.GoalInput{Name: "0 thuiszitters", Unit: "jongeren", Target: ptr(0.0)})
	w.must(err)
	for _, tc := range []struct {
		name  string
		field string
		write func() error
	}{
		{"title", "/title", func() error {
			_, err := w.svc.Propose(w.ctx, w.as(w.member), review.ActionInput{Title: identifying, Kind: "practice"})
			return err
		}},
		{"description", "/description", func() error {
			_, err := w.svc.Propose(w.ctx, w.as(w.member), review.ActionInput{Title: "Een actie", Description: identifying, Kind: "practice"})
			return err
		}},
		{"edited title", "/title", func() error {
			_, err := w.svc.UpdateAction(w.ctx, w.as(w.mgr), v.ID, review.ActionEdit{Version: v.Version, Title: ptr(identifying)})
			return err
		}},
		{"progress", "/text", func() error {
			_, err := w.svc.AddProgress(w.ctx, w.as(w.mgr), v.ID, review.ProgressInput{Text: identifying})
			return err
		}},
		{"stop reason", "/reason", func() error {
			_, err := w.svc.ChangeStatus(w.ctx, w.as(w.mgr), v.ID, review.StatusChange{Version: v.Version, Status: "stopped", Reason: identifying})
			return err
		}},
		{"goal name", "/name", func() error {
			_, err := w.svc.CreateGoal(w.ctx, w.as(w.mgr), review.GoalInput{Name: identifying, Unit: "jongeren", Target: ptr(0.0)})
			return err
		}},
		{"goal unit", "/unit", func() error {
			_, err := w.svc.UpdateGoal(w.ctx, w.as(w.mgr), goal.ID, review.GoalEdit{Version: goal.Version, Unit: ptr(identifying)})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := domainError(t, tc.write(), leerlus.CodeIdentifying)
			types := map[string]bool{}
			for _, f := range e.Findings {
				if f.Field == tc.field && f.Direct {
					types[f.Type] = true
				}
			}
			if !types["person"] || !types["bsn"] {
				t.Errorf("findings %+v", e.Findings)
			}
		})
	}
	for _, table := range []string{"improvement_actions", "action_progress", "goals"} {
		var n int64
		w.must(w.DB.WithContext(w.ctx).Table(table).Where("CAST(id AS TEXT) <> '' AND ("+textColumns(table)+") LIKE ?", "%Hoogvliet%").Count(&n).Error)
		if n != 0 {
			t.Errorf("%s holds the name", table)
		}
	}
}

func textColumns(table string) string {
	switch table {
	case "improvement_actions":
		return "title || description || stop_reason"
	case "action_progress":
		return "text"
	}
	return "name || unit"
}

func TestStatusTransitions(t *testing.T) {
	all := []review.ActionStatus{review.ActionProposed, review.ActionAccepted, review.ActionInProgress, review.ActionDone, review.ActionStopped}
	allowed := map[[2]review.ActionStatus]bool{
		{review.ActionProposed, review.ActionAccepted}:   true,
		{review.ActionProposed, review.ActionStopped}:    true,
		{review.ActionAccepted, review.ActionInProgress}: true,
		{review.ActionAccepted, review.ActionStopped}:    true,
		{review.ActionInProgress, review.ActionDone}:     true,
		{review.ActionInProgress, review.ActionStopped}:  true,
		{review.ActionDone, review.ActionInProgress}:     true, // reopened: a new PDCA turn
		{review.ActionStopped, review.ActionAccepted}:    true, // picked up again
	}
	w := newActionWorld(t)
	for _, from := range all {
		for _, to := range all {
			t.Run(string(from)+" to "+string(to), func(t *testing.T) {
				v := w.inStatus("Van "+string(from)+" naar "+string(to), from)
				in := review.StatusChange{Version: v.Version, Status: string(to)}
				if to == review.ActionStopped {
					in.Reason = "Het doel is op een andere manier bereikt."
				}
				got, err := w.svc.ChangeStatus(w.ctx, w.as(w.mgr), v.ID, in)
				if !allowed[[2]review.ActionStatus{from, to}] {
					e := domainError(t, err, leerlus.CodeConflict)
					if fieldsOf(e)["status"] != leerlus.FieldOneOf {
						t.Errorf("fields %v", e.Fields)
					}
					return
				}
				w.must(err)
				if got.Status != to || got.Version != v.Version+1 {
					t.Errorf("status %s version %d", got.Status, got.Version)
				}
				switch to {
				case review.ActionAccepted:
					if got.OwnerID == nil || *got.OwnerID != w.mgr || got.AcceptedAt == nil || got.StopReason != "" {
						t.Errorf("accepted %+v", got.Action)
					}
				case review.ActionInProgress:
					if got.StartedOn == nil || *got.StartedOn != "2026-12-06" {
						t.Errorf("started on %v", got.StartedOn)
					}
				case review.ActionStopped:
					if got.StopReason != in.Reason {
						t.Errorf("stop reason %q", got.StopReason)
					}
				}
			})
		}
	}
}

func TestStatusChangeRules(t *testing.T) {
	w := newActionWorld(t)
	v := w.propose("Een voorstel")
	for _, tc := range []struct {
		name  string
		in    review.StatusChange
		code  leerlus.Code
		field string
		fcode leerlus.FieldCode
	}{
		{"stop without reason", review.StatusChange{Status: "stopped"}, leerlus.CodeInvalid, "reason", leerlus.FieldRequired},
		{"owner who is no manager", review.StatusChange{Status: "accepted", OwnerID: w.fac}, leerlus.CodeInvalid, "owner_id", leerlus.FieldNotAllowed},
		{"manager of another network", review.StatusChange{Status: "accepted", OwnerID: w.otherMgr}, leerlus.CodeInvalid, "owner_id", leerlus.FieldNotAllowed},
		{"owner when stopping", review.StatusChange{Status: "stopped", Reason: "Niet nodig.", OwnerID: w.mgr}, leerlus.CodeInvalid, "owner_id", leerlus.FieldNotAllowed},
		{"reason when accepting", review.StatusChange{Status: "accepted", Reason: "Omdat het moet."}, leerlus.CodeInvalid, "reason", leerlus.FieldNotAllowed},
		{"unknown status", review.StatusChange{Status: "paused"}, leerlus.CodeInvalid, "status", leerlus.FieldOneOf},
		{"stale version", review.StatusChange{Status: "accepted", Version: 7}, leerlus.CodeConflict, "version", leerlus.FieldStaleVersion},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.in.Version == 0 {
				tc.in.Version = v.Version
			}
			_, err := w.svc.ChangeStatus(w.ctx, w.as(w.mgr), v.ID, tc.in)
			if got := fieldsOf(domainError(t, err, tc.code)); got[tc.field] != tc.fcode {
				t.Errorf("fields %v", got)
			}
		})
	}
	// Another manager may own it.
	got, err := w.svc.ChangeStatus(w.ctx, w.as(w.mgr), v.ID, review.StatusChange{Version: v.Version, Status: "accepted", OwnerID: w.mgr2})
	w.must(err)
	if *got.OwnerID != w.mgr2 || got.Owner == nil || got.Owner.Name != "Persoon manager2" {
		t.Errorf("owner %+v", got.Owner)
	}
	// An action of another network is not found.
	_, err = w.svc.ChangeStatus(w.ctx, w.as(w.otherMgr), v.ID, review.StatusChange{Version: got.Version, Status: "in_progress"})
	domainError(t, err, leerlus.CodeNotFound)
}

func TestUpdateAction(t *testing.T) {
	w := newActionWorld(t)
	group := w.group(w.network, "Betrek school vroeg.")
	v := w.inStatus("Een actie", review.ActionAccepted)
	got, err := w.svc.UpdateAction(w.ctx, w.as(w.mgr2), v.ID, review.ActionEdit{Version: v.Version, Title: ptr("Een betere titel"),
		Phase: ptr("do"), DueOn: ptr("2027-01-31"), Lessons: &[]string{group}, OwnerID: ptr(w.mgr2)})
	w.must(err)
	if got.Title != "Een betere titel" || got.Phase != review.PhaseDo || *got.StartedOn != "2026-12-06" || *got.DueOn != "2027-01-31" ||
		*got.OwnerID != w.mgr2 || len(got.Lessons) != 1 || got.Version != v.Version+1 {
		t.Errorf("updated %+v lessons %+v", got.Action, got.Lessons)
	}
	// The stale version of the same edit changes nothing.
	_, err = w.svc.UpdateAction(w.ctx, w.as(w.mgr), v.ID, review.ActionEdit{Version: v.Version, Title: ptr("Verloren wijziging")})
	domainError(t, err, leerlus.CodeConflict)
	// Clearing the due date and the lessons; the start date stays once set.
	got, err = w.svc.UpdateAction(w.ctx, w.as(w.mgr), v.ID, review.ActionEdit{Version: got.Version, DueOn: ptr(""), Lessons: &[]string{}, Phase: ptr("check")})
	w.must(err)
	if got.DueOn != nil || len(got.Lessons) != 0 || got.Title != "Een betere titel" || *got.StartedOn != "2026-12-06" {
		t.Errorf("cleared %+v", got.Action)
	}
	if w.audits(policy.ActionActionChanged, v.ID) != 3 { // accepted, and two edits
		t.Errorf("%d change entries", w.audits(policy.ActionActionChanged, v.ID))
	}

	proposal := w.propose("Nog een voorstel")
	_, err = w.svc.UpdateAction(w.ctx, w.as(w.mgr), proposal.ID, review.ActionEdit{Version: proposal.Version, Phase: ptr("do")})
	if fieldsOf(domainError(t, err, leerlus.CodeInvalid))["phase"] != leerlus.FieldNotAllowed {
		t.Error("a proposal moved to do")
	}
	_, err = w.svc.UpdateAction(w.ctx, w.as(w.mgr), proposal.ID, review.ActionEdit{Version: proposal.Version, OwnerID: ptr(w.member)})
	if fieldsOf(domainError(t, err, leerlus.CodeInvalid))["owner_id"] != leerlus.FieldNotAllowed {
		t.Error("a member became owner")
	}
	done := w.inStatus("Klaar", review.ActionDone)
	_, err = w.svc.UpdateAction(w.ctx, w.as(w.mgr), done.ID, review.ActionEdit{Version: done.Version, Title: ptr("Nog eens")})
	domainError(t, err, leerlus.CodeConflict)
	_, err = w.svc.UpdateAction(w.ctx, w.as(w.mgr), v.ID, review.ActionEdit{})
	if fieldsOf(domainError(t, err, leerlus.CodeInvalid))["version"] != leerlus.FieldRequired {
		t.Error("an edit without version")
	}
}

func TestProgressLog(t *testing.T) {
	w := newActionWorld(t)
	v := w.inStatus("Een actie", review.ActionInProgress)
	e, err := w.svc.AddProgress(w.ctx, w.as(w.mgr), v.ID, review.ProgressInput{Text: "Eerste bijeenkomst gehouden."})
	w.must(err)
	if e.Phase != review.PhasePlan || e.Writer == nil || e.Writer.ID != w.mgr || !e.WrittenAt.Equal(worldtest.Now()) {
		t.Errorf("entry %+v", e)
	}
	_, err = w.svc.AddProgress(w.ctx, w.as(w.mgr2), v.ID, review.ProgressInput{Text: "Het werkt in twee teams.", Phase: "check"})
	w.must(err)
	log, _, err := w.svc.ProgressLog(w.ctx, w.as(w.researcher), v.ID, leerlus.Page{Limit: 10})
	w.must(err)
	if len(log) != 2 || log[0].Phase != review.PhaseCheck || log[0].Writer != nil {
		t.Errorf("log as a researcher %+v", log)
	}
	got, err := w.svc.GetAction(w.ctx, w.as(w.member), v.ID)
	w.must(err)
	if got.LastProgressAt == nil || got.Version != v.Version {
		t.Errorf("after progress: last %v version %d (progress needs no version)", got.LastProgressAt, got.Version)
	}
	for _, st := range []review.ActionStatus{review.ActionProposed, review.ActionDone, review.ActionStopped} {
		a := w.inStatus("Niet lopend", st)
		_, err := w.svc.AddProgress(w.ctx, w.as(w.mgr), a.ID, review.ProgressInput{Text: "Toch iets gedaan."})
		domainError(t, err, leerlus.CodeConflict)
	}
	_, err = w.svc.AddProgress(w.ctx, w.as(w.mgr), v.ID, review.ProgressInput{Text: "ok", Phase: "later"})
	if f := fieldsOf(domainError(t, err, leerlus.CodeInvalid)); f["text"] != leerlus.FieldTooShort || f["phase"] != leerlus.FieldOneOf {
		t.Errorf("fields %v", f)
	}
}

func TestReadsHideAuthorsFromResearchers(t *testing.T) {
	w := newActionWorld(t)
	v := w.propose("Een voorstel")
	got, err := w.svc.GetAction(w.ctx, w.as(w.researcher), v.ID)
	w.must(err)
	if got.ProposedBy != nil {
		t.Errorf("a researcher sees the proposer %+v", got.ProposedBy)
	}
	got, err = w.svc.GetAction(w.ctx, w.as(w.fac), v.ID)
	w.must(err)
	if got.ProposedBy == nil || got.ProposedBy.ID != w.member {
		t.Errorf("proposer %+v", got.ProposedBy)
	}
	if w.audits(policy.ActionActionRead, v.ID) != 2 {
		t.Error("reads are not audited")
	}
	_, err = w.svc.GetAction(w.ctx, w.as(w.otherMgr), v.ID)
	domainError(t, err, leerlus.CodeNotFound)
}

func TestProposeForGroupIsIdempotent(t *testing.T) {
	w := newActionWorld(t)
	group := w.group(w.network, "Zorg voor een vaste contactpersoon tijdens het wachten.")
	a, created, err := w.svc.ProposeForGroup(w.ctx, nil, w.network, group)
	w.must(err)
	if !created || !a.ProposedAutomatically || a.ProposedBy != nil || a.Status != review.ActionProposed ||
		a.Title != "Zorg voor een vaste contactpersoon tijdens het wachten." {
		t.Errorf("proposal %+v", a)
	}
	again, created, err := w.svc.ProposeForGroup(w.ctx, nil, w.network, group)
	w.must(err)
	if created || again.ID != a.ID {
		t.Errorf("second call made %s (created %v)", again.ID, created)
	}
	// In the caller's transaction, too.
	w.must(w.DB.InTx(w.ctx, func(tx *gorm.DB) error {
		b, created, err := w.svc.ProposeForGroup(w.ctx, tx, w.network, group)
		if err == nil && (created || b.ID != a.ID) {
			t.Errorf("in a transaction: %s created %v", b.ID, created)
		}
		return err
	}))
	v, err := w.svc.GetAction(w.ctx, w.as(w.mgr), a.ID)
	w.must(err)
	if len(v.Lessons) != 1 || v.Lessons[0].ID != group {
		t.Errorf("lessons %+v", v.Lessons)
	}
	if n := w.Count("improvement_actions", ""); n != 1 {
		t.Errorf("%d actions", n)
	}
	_, _, err = w.svc.ProposeForGroup(w.ctx, nil, w.other, group)
	domainError(t, err, leerlus.CodeNotFound)
}

// A full recompute proposes for many groups at once: each gets one action,
// linked and audited, groups with a proposal keep it, and groups of other
// networks or that do not exist are left out.
func TestProposeForManyGroups(t *testing.T) {
	w := newActionWorld(t)
	before := w.group(w.network, "Houd gezinnen in beeld zolang ze op de wachtlijst staan.")
	_, _, err := w.svc.ProposeForGroup(w.ctx, nil, w.network, before)
	w.must(err)
	fresh := []string{
		w.group(w.network, "Spreek bij elke overdracht af wie het gezin informeert."),
		w.group(w.network, "Laat de jongere zelf aan tafel zitten bij het overleg over zijn plan."),
	}
	elsewhere := w.group(w.other, "Plan het overleg 18-/18+ ruim voor de achttiende verjaardag.")
	ids := append([]string{before, elsewhere, "01a24c77-530b-7655-a919-662c609c04ad"}, fresh...)
	created, err := w.svc.ProposeForGroups(w.ctx, w.network, ids)
	w.must(err)
	want := map[string]bool{before: false, fresh[0]: true, fresh[1]: true}
	if len(created) != len(want) {
		t.Errorf("answer %v, want %v", created, want)
	}
	for id, c := range want {
		if got, ok := created[id]; !ok || got != c {
			t.Errorf("group %s: created %v (in answer %v), want %v", id, got, ok, c)
		}
	}
	if n := w.Count("improvement_actions", ""); n != 3 {
		t.Errorf("%d actions, want 3", n)
	}
	if n := w.Count("action_lessons", ""); n != 3 {
		t.Errorf("%d links, want 3", n)
	}
	if n := w.Count("audit_log", "action = 'action.created'"); n != 3 {
		t.Errorf("%d audit entries, want 3", n)
	}
	// Again: nothing new.
	created, err = w.svc.ProposeForGroups(w.ctx, w.network, ids)
	w.must(err)
	for id, c := range created {
		if c {
			t.Errorf("group %s proposed twice", id)
		}
	}
	if n := w.Count("improvement_actions", ""); n != 3 {
		t.Errorf("%d actions after a second round, want 3", n)
	}
}
