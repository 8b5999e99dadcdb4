package grouping

// Lesson is one lesson to group.
type Lesson struct {
	// ID identifies the lesson; ids compare as strings, and ties between
	// equally similar choices go to the smaller id. In the product ids are
	// UUIDv7, so the smaller id is the older lesson.
	ID   string
	Text string
	// Codes are the stable keys of the codes on the lesson (T1.wachttijd).
	Codes []string
	// ItemCodes are the codes of the reflection items the lesson came
	// from: weaker evidence than the lesson's own codes.
	ItemCodes []string
}

// Kind is what a facilitator taught about a pair of lessons.
type Kind string

// The kinds of constraint: a merge of groups teaches that lessons belong
// together, a split that they must stay apart.
const (
	Together Kind = "together"
	Apart    Kind = "apart"
)

// Constraint is a facilitator's decision about two lessons. It binds every
// later grouping: a Together pair always shares a group (unless an Apart
// pair forbids it), an Apart pair never does.
type Constraint struct {
	A, B string
	Kind Kind
}

// Group is a set of at least two lessons that say the same thing, as their
// ids in ascending order. Members[0], the smallest id, is the group's
// anchor: with UUIDv7 ids the oldest lesson, which keeps a group's
// identity across recomputation.
type Group struct {
	Members []string
}

// Anchor is the group's smallest lesson id.
func (g Group) Anchor() string { return g.Members[0] }
