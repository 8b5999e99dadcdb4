package review

import "time"

// GroupStatus is whether a group counts as a recurring lesson.
type GroupStatus string

// A dismissed group keeps its lessons together (so the grouping does not
// offer it again) but is no recurring lesson.
const (
	GroupActive    GroupStatus = "active"
	GroupDismissed GroupStatus = "dismissed"
)

// LessonGroup is a group of lessons that say the same thing, as stored.
type LessonGroup struct {
	ID              string
	NetworkID       string
	AnchorLessonID  string
	Statement       string
	StatementEdited bool
	Status          GroupStatus
	DismissReason   string
	LessonCount     int
	CaseCount       int
	CreatedAt       time.Time
	UpdatedAt       time.Time
	Version         int
}

// TableName names the table.
func (LessonGroup) TableName() string { return "lesson_groups" }

// GroupMember places one lesson in one group.
type GroupMember struct {
	LessonID  string
	GroupID   string
	NetworkID string
}

// TableName names the table.
func (GroupMember) TableName() string { return "lesson_group_members" }

// ConstraintKind is what a facilitator taught about two lessons.
type ConstraintKind string

// Two lessons belong together (a merge, a placement) or apart (a split).
const (
	Together ConstraintKind = "together"
	Apart    ConstraintKind = "apart"
)

// GroupingConstraint is one pair a facilitator taught the grouping; the
// pair is stored with the smaller lesson id first.
type GroupingConstraint struct {
	ID            string
	NetworkID     string
	LessonID      string
	OtherLessonID string
	Kind          ConstraintKind
	CreatedBy     *string
	CreatedAt     time.Time
}

// TableName names the table.
func (GroupingConstraint) TableName() string { return "grouping_constraints" }
