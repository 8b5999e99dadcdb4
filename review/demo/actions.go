package demo

import (
	"context"
	"fmt"
	"sort"
	"time"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review"
)

// ActionSetup says where the demo's improvement actions and goals go.
type ActionSetup struct {
	Setup
	// FollowUp is the network that gets the follow-up series, the action
	// whose lesson recurs less after it started, and the zero goal.
	FollowUp string
	// Audit and Cases are what the review services of the loader need:
	// the loader writes earlier steps with services whose clock stands at
	// the day of the step, so that logs, stalls and overdue dates are real.
	Audit *policy.AuditLog
	Cases *cases.Service
}

// ActionCounts say what LoadActions wrote.
type ActionCounts struct {
	Actions, Goals, Measurements, FollowUpCases int
}

// LoadActions writes improvement actions in every status and PDCA phase
// in each network with a manager — some overdue, some stalled — through
// the review service, and in the follow-up network a series of cases, an
// action whose lesson recurs less after it started and a zero goal with
// measurements. Call it after Load.
func LoadActions(ctx context.Context, db *leerlus.DB, setup ActionSetup, today time.Time) (ActionCounts, error) {
	var n ActionCounts
	at := func(days int) *review.Service {
		t := today.AddDate(0, 0, days)
		return review.NewService(db, func() time.Time { return t }, setup.Audit, setup.Cases)
	}
	for _, network := range sortedNetworks(setup.Roles) {
		people := rolesIn(setup.Roles[network])
		if people.manager == "" || people.facilitator == "" || people.member == "" {
			continue
		}
		for _, a := range demoActions {
			if err := a.write(ctx, at, today, network, people); err != nil {
				return n, fmt.Errorf("demo action %q: %w", a.title, err)
			}
			n.Actions++
		}
	}
	if setup.FollowUp == "" {
		return n, nil
	}
	people := rolesIn(setup.Roles[setup.FollowUp])
	parent := ""
	for person, role := range setup.Roles[setup.FollowUp] {
		if role == policy.RoleMember && person != people.member && (parent == "" || person < parent) {
			parent = person
		}
	}
	if people.manager == "" || parent == "" {
		return n, fmt.Errorf("the follow-up network needs a manager and two members")
	}
	now := cases.Period{Year: today.Year(), Quarter: (int(today.Month())-1)/3 + 1}
	signals, written, err := followUpSeries(ctx, setup.Cases, at(0), setup.FollowUp, people.member, parent, people.facilitator, now)
	if err != nil {
		return n, err
	}
	n.FollowUpCases = written
	if err := signalAction(ctx, db, at, today, setup.FollowUp, people, signals); err != nil {
		return n, fmt.Errorf("the follow-up action: %w", err)
	}
	n.Actions++
	measured, err := zeroGoal(ctx, at, today, setup.FollowUp, people)
	if err != nil {
		return n, fmt.Errorf("the zero goal: %w", err)
	}
	n.Goals, n.Measurements = 1, measured
	return n, nil
}

// networkPeople are the people a network's demo actions use.
type networkPeople struct{ manager, facilitator, member string }

// rolesIn picks, by smallest id for a stable demo, a manager, a
// facilitator and a member of a network.
func rolesIn(roles map[string]policy.Role) networkPeople {
	var p networkPeople
	pick := func(slot *string, person string) {
		if *slot == "" || person < *slot {
			*slot = person
		}
	}
	for person, role := range roles {
		switch role {
		case policy.RoleManager:
			pick(&p.manager, person)
		case policy.RoleFacilitator:
			pick(&p.facilitator, person)
		case policy.RoleMember:
			pick(&p.member, person)
		}
	}
	return p
}

func sortedNetworks(roles map[string]map[string]policy.Role) []string {
	out := make([]string, 0, len(roles))
	for id := range roles {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// demoAction is one action's story: who proposed it and when, and the
// steps after (days relative to today).
type demoAction struct {
	title, description, kind string
	proposedBy               string // member, facilitator or manager
	proposed                 int
	due                      int // days from today; 0 for none
	steps                    []actionStep
}

// actionStep is one thing the manager did on a day: a status, a phase or
// a progress entry.
type actionStep struct {
	day      int
	status   review.ActionStatus
	reason   string
	phase    review.Phase
	progress string
}

var demoActions = []demoAction{
	{title: "Plan elk eerste gesprek samen met de jongere", kind: "practice", proposedBy: "facilitator", proposed: -20, due: 90,
		description: "Jongeren zeggen vaak dat er over hen wordt beslist. We spreken af dat de jongere het eerste gesprek mee voorbereidt.",
		steps:       []actionStep{{day: -10, status: review.ActionAccepted}}},
	{title: "Training gesprekken voeren met ouders die wantrouwig zijn", kind: "training", proposedBy: "member", proposed: -200, due: -30,
		description: "Hulpverleners oefenen hoe je vertrouwen opbouwt met ouders die slechte ervaringen hebben met hulp.",
		steps: []actionStep{
			{day: -190, status: review.ActionAccepted},
			{day: -185, status: review.ActionInProgress, phase: review.PhaseDo},
			{day: -180, progress: "Twee trainers gevonden; de eerste groep van twaalf hulpverleners is ingedeeld."},
			{day: -120, progress: "De eerste training is gegeven. Deelnemers vonden de oefeningen met ervaringsdeskundigen het nuttigst."},
			{day: -60, phase: review.PhaseCheck, progress: "We vragen ouders in de evaluatie of ze zich serieus genomen voelden."},
		}},
	{title: "Eén vast aanspreekpunt voor gezinnen met meerdere hulpverleners", kind: "practice", proposedBy: "facilitator", proposed: -150, due: 60,
		description: "Bij elk gezin met hulp van meer dan twee organisaties wijzen we één vast aanspreekpunt aan.",
		steps: []actionStep{
			{day: -140, status: review.ActionAccepted},
			{day: -135, status: review.ActionInProgress, phase: review.PhaseDo},
			{day: -130, progress: "De werkgroep heeft een eerste opzet gemaakt voor wie het aanspreekpunt wordt."},
		}},
	{title: "Onderzoek naar wachttijden voor jeugd-ggz in de regio", kind: "research", proposedBy: "manager", proposed: -300, due: -40,
		description: "We zoeken uit hoe lang gezinnen echt wachten en wat er in de tussentijd gebeurt.",
		steps: []actionStep{
			{day: -290, status: review.ActionAccepted},
			{day: -280, status: review.ActionInProgress, phase: review.PhaseDo, progress: "Gegevens van vier aanbieders zijn opgevraagd."},
			{day: -150, phase: review.PhaseCheck, progress: "De gemiddelde wachttijd is veertien weken; in de tussentijd belt bijna niemand het gezin."},
			{day: -60, phase: review.PhaseAct, progress: "De uitkomst is besproken met de gemeenten; overbruggingshulp komt in het nieuwe contract."},
			{day: -40, status: review.ActionDone},
		}},
	{title: "Nieuw formulier voor de overdracht tussen teams", kind: "practice", proposedBy: "member", proposed: -100,
		description: "Een vast formulier zodat gezinnen hun verhaal niet opnieuw hoeven te vertellen.",
		steps: []actionStep{
			{day: -95, status: review.ActionAccepted},
			{day: -60, status: review.ActionStopped, reason: "Het landelijke overdrachtsformulier komt volgend jaar; we sluiten daarop aan."},
		}},
}

func (a demoAction) write(ctx context.Context, at func(int) *review.Service, today time.Time, network string, p networkPeople) error {
	by := map[string]string{"member": p.member, "facilitator": p.facilitator, "manager": p.manager}[a.proposedBy]
	role := map[string]policy.Role{"member": policy.RoleMember, "facilitator": policy.RoleFacilitator, "manager": policy.RoleManager}[a.proposedBy]
	in := review.ActionInput{Title: a.title, Description: a.description, Kind: a.kind}
	if a.due != 0 {
		in.DueOn = today.AddDate(0, 0, a.due).Format(time.DateOnly)
	}
	v, err := at(a.proposed).Propose(ctx, access(by, network, role), in)
	if err != nil {
		return err
	}
	return runSteps(ctx, at, network, p.manager, v, a.steps)
}

// runSteps lets the manager take the steps of an action, each on its day.
func runSteps(ctx context.Context, at func(int) *review.Service, network, manager string, v *review.ActionView, steps []actionStep) error {
	acc := access(manager, network, policy.RoleManager)
	for _, st := range steps {
		svc := at(st.day)
		var err error
		if st.status != "" {
			change := review.StatusChange{Version: v.Version, Status: string(st.status), Reason: st.reason}
			if st.status == review.ActionAccepted {
				change.OwnerID = manager
			}
			if v, err = svc.ChangeStatus(ctx, acc, v.ID, change); err != nil {
				return fmt.Errorf("to %s: %w", st.status, err)
			}
		}
		if st.phase != "" {
			phase := string(st.phase)
			if v, err = svc.UpdateAction(ctx, acc, v.ID, review.ActionEdit{Version: v.Version, Phase: &phase}); err != nil {
				return fmt.Errorf("to phase %s: %w", phase, err)
			}
		}
		if st.progress != "" {
			if _, err = svc.AddProgress(ctx, acc, v.ID, review.ProgressInput{Text: st.progress, Phase: string(v.Phase)}); err != nil {
				return fmt.Errorf("progress: %w", err)
			}
			if v, err = svc.GetAction(ctx, acc, v.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// signalAction is the follow-up network's action on passing on signals,
// started in the third quarter of 2024 and linked to the recurring
// lessons the grouping made of the signal lessons.
func signalAction(ctx context.Context, db *leerlus.DB, at func(int) *review.Service, today time.Time, network string, p networkPeople, signals []string) error {
	var groups []string
	if err := db.Gorm.WithContext(ctx).Table("lesson_group_members").Where("lesson_id IN ?", signals).
		Distinct().Order("group_id").Pluck("group_id", &groups).Error; err != nil {
		return err
	}
	if len(groups) == 0 {
		return fmt.Errorf("the grouping put none of the %d signal lessons in a group", len(signals))
	}
	days := func(y int, m time.Month, d int) int {
		return int(time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Sub(today).Hours() / 24)
	}
	in := review.ActionInput{Title: "Eén signaleringsoverleg van school, wijkteam en jongerenwerk", Kind: "practice",
		Description: "Elke maand leggen school, wijkteam en jongerenwerk hun zorgen over leerlingen naast elkaar, zodat niemand denkt dat een ander het al oppakt.",
		DueOn:       "2027-01-01", Lessons: groups}
	v, err := at(days(2024, 6, 10)).Propose(ctx, access(p.facilitator, network, policy.RoleFacilitator), in)
	if err != nil {
		return err
	}
	if err := runSteps(ctx, at, network, p.manager, v, []actionStep{{day: days(2024, 6, 20), status: review.ActionAccepted}}); err != nil {
		return err
	}
	acc := access(p.manager, network, policy.RoleManager)
	started, phase := "2024-07-01", string(review.PhaseDo)
	if v, err = at(days(2024, 7, 1)).GetAction(ctx, acc, v.ID); err != nil {
		return err
	}
	if v, err = at(days(2024, 7, 1)).UpdateAction(ctx, acc, v.ID, review.ActionEdit{Version: v.Version, Phase: &phase, StartedOn: &started}); err != nil {
		return err
	}
	return runSteps(ctx, at, network, p.manager, v, []actionStep{
		{day: days(2024, 7, 2), status: review.ActionInProgress},
		{day: days(2024, 9, 30), progress: "Het overleg loopt op drie scholen; jongerenwerk schuift elke maand aan."},
		{day: days(2025, 3, 31), phase: review.PhaseCheck, progress: "In de casusreviews komt de les over losse signalen bijna niet meer terug."},
		{day: -14, progress: "Alle scholen in de regio doen mee; we kijken of het overleg ook voor het basisonderwijs werkt."},
	})
}

// zeroGoal is C4Youth's countable goal: no young person at home without
// school, with a measurement each quarter.
func zeroGoal(ctx context.Context, at func(int) *review.Service, today time.Time, network string, p networkPeople) (int, error) {
	acc := access(p.manager, network, policy.RoleManager)
	baseline, target := 14.0, 0.0
	g, err := at(0).CreateGoal(ctx, acc, review.GoalInput{Name: "0 jongeren verzuimen op school", Unit: "thuiszitters", Baseline: &baseline, Target: &target})
	if err != nil {
		return 0, err
	}
	values := []float64{14, 13, 13, 11, 12, 10, 9, 9, 7, 6, 6, 4}
	day := time.Date(today.Year()-3, today.Month(), 1, 0, 0, 0, 0, time.UTC)
	for _, v := range values {
		on := day.Format(time.DateOnly)
		if g, err = at(0).AddMeasurement(ctx, acc, g.ID, review.MeasurementInput{Version: g.Version, MeasuredOn: &on, Value: &v}); err != nil {
			return 0, err
		}
		day = day.AddDate(0, 3, 0)
	}
	return len(values), nil
}
