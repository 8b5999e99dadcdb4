package review

import (
	"fmt"
	"time"

	"leerlus"
	"leerlus/cases"
)

// Limits of an action's texts and links.
const (
	actionTitleMin       = 3
	actionTitleMax       = 300 // an automatic proposal takes a group's statement (up to 300) as its title
	actionDescriptionMax = 4000
	progressTextMax      = 2000
	stopReasonMax        = 500
	actionLinksMax       = 20
)

// dateLayout is how dates travel and are stored: YYYY-MM-DD, which sorts
// as text.
const dateLayout = "2006-01-02"

// ActionInput is a proposal for an improvement action. Lessons are ids of
// recurring lessons (lesson groups), Cases of published cases and
// Organisations of the workplace's organisations, all of the network.
type ActionInput struct {
	Title         string
	Description   string
	Kind          string
	DueOn         string // YYYY-MM-DD or empty
	GoalID        string // empty for none
	Lessons       []string
	Cases         []string
	Organisations []string
	// Decisions on findings in /title and /description.
	cases.Decisions
}

func (in *ActionInput) check(v *leerlus.Validation) {
	leerlus.CheckText(v, "title", &in.Title, true, actionTitleMin, actionTitleMax)
	leerlus.CheckText(v, "description", &in.Description, false, 0, actionDescriptionMax)
	checkOneOf(v, "kind", in.Kind, ActionKinds, true)
	checkDate(v, "due_on", in.DueOn)
	leerlus.CheckID(v, "goal_id", in.GoalID)
	checkIDList(v, "lessons", &in.Lessons)
	checkIDList(v, "cases", &in.Cases)
	checkIDList(v, "organisations", &in.Organisations)
}

func (in *ActionInput) texts() []cases.Text {
	return freeTexts(map[string]*string{"/title": &in.Title, "/description": &in.Description})
}

// ActionEdit is a manager's change of an action, based on the version
// they saw. Nil fields stay as they are; an empty due_on, started_on or
// goal_id clears it; a list replaces the action's links.
type ActionEdit struct {
	Version       int
	Title         *string
	Description   *string
	Kind          *string
	Phase         *string
	DueOn         *string
	StartedOn     *string
	GoalID        *string
	OwnerID       *string
	Lessons       *[]string
	Cases         *[]string
	Organisations *[]string
	cases.Decisions
}

func (in *ActionEdit) check(v *leerlus.Validation) {
	leerlus.CheckVersion(v, in.Version)
	leerlus.CheckText(v, "title", in.Title, false, actionTitleMin, actionTitleMax)
	leerlus.CheckText(v, "description", in.Description, false, 0, actionDescriptionMax)
	if in.Kind != nil {
		checkOneOf(v, "kind", *in.Kind, ActionKinds, true)
	}
	if in.Phase != nil {
		checkOneOf(v, "phase", *in.Phase, Phases, true)
	}
	if in.DueOn != nil {
		checkDate(v, "due_on", *in.DueOn)
	}
	if in.StartedOn != nil {
		checkDate(v, "started_on", *in.StartedOn)
	}
	if in.GoalID != nil {
		leerlus.CheckID(v, "goal_id", *in.GoalID)
	}
	if in.OwnerID != nil {
		v.Check(leerlus.ValidID(*in.OwnerID), "owner_id", leerlus.FieldFormat, leerlus.Params{"format": "id"})
	}
	lists := map[string]*[]string{"lessons": in.Lessons, "cases": in.Cases, "organisations": in.Organisations}
	for _, field := range sortedKeys(lists) {
		if lists[field] != nil {
			checkIDList(v, field, lists[field])
		}
	}
}

func (in *ActionEdit) texts() []cases.Text {
	return freeTexts(map[string]*string{"/title": in.Title, "/description": in.Description})
}

// StatusChange moves an action to another status. Accepting names the
// owner (a manager of the network; the caller when empty); stopping needs
// a reason.
type StatusChange struct {
	Version int
	Status  string
	OwnerID string
	Reason  string
	// Decisions on findings in /reason.
	cases.Decisions
}

func (in *StatusChange) check(v *leerlus.Validation) {
	leerlus.CheckVersion(v, in.Version)
	checkOneOf(v, "status", in.Status, ActionStatuses, true)
	leerlus.CheckID(v, "owner_id", in.OwnerID)
	required := ActionStatus(in.Status) == ActionStopped
	leerlus.CheckText(v, "reason", &in.Reason, required, 0, stopReasonMax)
	if required {
		leerlus.CheckLength(v, "reason", in.Reason, 3, stopReasonMax)
	}
}

// ProgressInput is one entry of an action's progress log; Phase defaults
// to the action's phase.
type ProgressInput struct {
	Text  string
	Phase string
	// Decisions on findings in /text.
	cases.Decisions
}

func (in *ProgressInput) check(v *leerlus.Validation) {
	leerlus.CheckText(v, "text", &in.Text, true, 3, progressTextMax)
	checkOneOf(v, "phase", in.Phase, Phases, false)
}

// checkOneOf refuses a value outside the allowed ones; an empty value is
// refused only when required.
func checkOneOf[T ~string](v *leerlus.Validation, field, value string, allowed []T, required bool) {
	if value == "" {
		v.Check(!required, field, leerlus.FieldRequired, nil)
		return
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
		if string(a) == value {
			return
		}
	}
	v.Add(field, leerlus.FieldOneOf, leerlus.Params{"allowed": names})
}

// checkDate refuses a date that is set but not YYYY-MM-DD.
func checkDate(v *leerlus.Validation, field, value string) {
	if value == "" {
		return
	}
	_, err := time.Parse(dateLayout, value)
	v.Check(err == nil, field, leerlus.FieldFormat, leerlus.Params{"format": "date"})
}

// checkIDList checks a list of ids (at most actionLinksMax, no repeats)
// and leaves it non-nil.
func checkIDList(v *leerlus.Validation, field string, ids *[]string) {
	if *ids == nil {
		*ids = []string{}
	}
	if len(*ids) > actionLinksMax {
		v.Add(field, leerlus.FieldTooMany, leerlus.Params{"max": actionLinksMax})
		return
	}
	seen := map[string]bool{}
	for i, id := range *ids {
		at := fmt.Sprintf("/%s/%d", field, i)
		switch {
		case !leerlus.ValidID(id):
			v.Add(at, leerlus.FieldFormat, leerlus.Params{"format": "id"})
		case seen[id]:
			v.Add(at, leerlus.FieldDuplicate, nil)
		}
		seen[id] = true
	}
}

// freeTexts lists the set, non-empty texts for the anonymiser, in pointer
// order so that findings come back in a stable order.
func freeTexts(byPointer map[string]*string) []cases.Text {
	var out []cases.Text
	for _, p := range sortedKeys(byPointer) {
		if s := byPointer[p]; s != nil && *s != "" {
			out = append(out, cases.Text{Pointer: p, Field: p, Value: *s})
		}
	}
	return out
}
