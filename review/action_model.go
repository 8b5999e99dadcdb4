package review

import "time"

// The tables of migrations/0005_recurring.sql.

// ActionKind is the agenda an action belongs to (SAMEN's change, training
// and research agendas).
type ActionKind string

// The kinds of improvement actions.
const (
	KindPractice ActionKind = "practice"
	KindTraining ActionKind = "training"
	KindResearch ActionKind = "research"
)

// ActionKinds lists the kinds in display order.
var ActionKinds = []ActionKind{KindPractice, KindTraining, KindResearch}

// Phase is where an action is in the plan-do-check-act cycle.
type Phase string

// The PDCA phases.
const (
	PhasePlan  Phase = "plan"
	PhaseDo    Phase = "do"
	PhaseCheck Phase = "check"
	PhaseAct   Phase = "act"
)

// Phases lists the PDCA phases in cycle order.
var Phases = []Phase{PhasePlan, PhaseDo, PhaseCheck, PhaseAct}

// ActionStatus is where an action is in its lifecycle.
type ActionStatus string

// The lifecycle of an improvement action (docs/actions.md).
const (
	ActionProposed   ActionStatus = "proposed"
	ActionAccepted   ActionStatus = "accepted"
	ActionInProgress ActionStatus = "in_progress"
	ActionDone       ActionStatus = "done"
	ActionStopped    ActionStatus = "stopped"
)

// ActionStatuses lists the states in lifecycle order.
var ActionStatuses = []ActionStatus{ActionProposed, ActionAccepted, ActionInProgress, ActionDone, ActionStopped}

// Open reports whether an action in this state still asks for work.
func (st ActionStatus) Open() bool { return st != ActionDone && st != ActionStopped }

// Action is an improvement action (verbeteractie).
type Action struct {
	ID                    string
	NetworkID             string
	Title                 string
	Description           string
	Kind                  ActionKind
	OwnerID               *string
	Phase                 Phase
	Status                ActionStatus
	StopReason            string
	DueOn                 *string // YYYY-MM-DD
	StartedOn             *string // YYYY-MM-DD
	GoalID                *string
	ProposedBy            *string
	ProposedAutomatically bool
	AutoGroupID           *string
	AcceptedAt            *time.Time
	LastProgressAt        *time.Time
	CreatedAt             time.Time
	UpdatedAt             time.Time
	Version               int
}

// TableName names the table.
func (Action) TableName() string { return "improvement_actions" }

// ActionLesson links an action to a recurring lesson.
type ActionLesson struct {
	ActionID string `gorm:"primaryKey"`
	GroupID  string `gorm:"primaryKey"`
}

// TableName names the table.
func (ActionLesson) TableName() string { return "action_lessons" }

// ActionCase links an action to a published case of its network.
type ActionCase struct {
	ActionID string `gorm:"primaryKey"`
	CaseID   string `gorm:"primaryKey"`
}

// TableName names the table.
func (ActionCase) TableName() string { return "action_cases" }

// ActionOrganisation names an organisation involved in an action.
type ActionOrganisation struct {
	ActionID       string `gorm:"primaryKey"`
	OrganisationID string `gorm:"primaryKey"`
}

// TableName names the table.
func (ActionOrganisation) TableName() string { return "action_organisations" }

// Progress is one dated entry of an action's progress log.
type Progress struct {
	ID        string
	ActionID  string
	NetworkID string
	WrittenBy *string
	WrittenAt time.Time
	Phase     Phase
	Text      string
}

// TableName names the table.
func (Progress) TableName() string { return "action_progress" }

// Goal is a countable network goal.
type Goal struct {
	ID        string
	NetworkID string
	Name      string
	Unit      string
	Baseline  *float64
	Target    float64
	CreatedAt time.Time
	UpdatedAt time.Time
	Version   int
}

// TableName names the table.
func (Goal) TableName() string { return "goals" }

// Measurement is a goal's value on one date.
type Measurement struct {
	ID         string
	GoalID     string
	MeasuredOn string // YYYY-MM-DD
	Value      float64
	EnteredBy  *string
	EnteredAt  time.Time
}

// TableName names the table.
func (Measurement) TableName() string { return "goal_measurements" }
