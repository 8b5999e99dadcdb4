package review

import "time"

// Theme is the upper level of a network's codebook.
type Theme struct {
	ID            string
	NetworkID     string
	Key           string // never changes: T1, or a generated key
	LabelNL       string
	LabelEN       string
	DescriptionNL string
	DescriptionEN string
	Position      int
	RetiredAt     *time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
	Version       int
}

// TableName names the table.
func (Theme) TableName() string { return "codebook_themes" }

// Code is a code under a theme. A merged code keeps its row (MergedInto
// says where its codings went); a retired one stays readable.
type Code struct {
	ID            string
	NetworkID     string
	ThemeID       string
	Key           string // never changes: T1.wachttijd, or a generated key
	LabelNL       string
	LabelEN       string
	DescriptionNL string
	DescriptionEN string
	Examples      string // JSON array of strings
	Position      int
	MergedInto    *string
	RetiredAt     *time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
	Version       int
}

// TableName names the table.
func (Code) TableName() string { return "codebook_codes" }

// CodebookChange is one entry of a codebook's history.
type CodebookChange struct {
	ID        string
	NetworkID string
	ThemeID   *string
	CodeID    *string
	Action    string
	Detail    string // JSON
	ActorID   *string
	At        time.Time
}

// TableName names the table.
func (CodebookChange) TableName() string { return "codebook_changes" }

// TemplateVersion is one immutable version of a network's reflection form.
type TemplateVersion struct {
	ID         string
	NetworkID  string
	Version    int
	Definition string // JSON of defaults.Template
	CreatedBy  *string
	CreatedAt  time.Time
}

// TableName names the table.
func (TemplateVersion) TableName() string { return "reflection_templates" }

// Status is where a reflection is in its lifecycle.
type Status string

// The lifecycle of a reflection: like a case's, without archiving.
const (
	StatusDraft     Status = "draft"
	StatusSubmitted Status = "submitted"
	StatusPublished Status = "published"
)

// Reflection is one person's look back at a case.
type Reflection struct {
	ID             string
	CaseID         string
	NetworkID      string
	AuthorID       string
	Perspective    string
	OrganisationID *string
	TemplateID     string
	Status         Status
	ReviewComment  string
	Correction     bool
	LastEditorID   string
	PublishedBy    *string
	CreatedAt      time.Time
	UpdatedAt      time.Time
	SubmittedAt    *time.Time
	PublishedAt    *time.Time
	Version        int
}

// TableName names the table.
func (Reflection) TableName() string { return "reflections" }

// Answer is the answer to a text or rating question.
type Answer struct {
	ReflectionID string `gorm:"primaryKey"`
	QuestionKey  string `gorm:"primaryKey"`
	Text         string
	Rating       *int
}

// TableName names the table.
func (Answer) TableName() string { return "reflection_answers" }

// Item is one entry of an items question: what worked, or what did not.
type Item struct {
	ID           string
	ReflectionID string
	CaseID       string
	NetworkID    string
	QuestionKey  string
	Position     int
	What         string
	Why          string
	EpisodeID    *string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// TableName names the table.
func (Item) TableName() string { return "reflection_items" }

// Effect says whether a coded factor helped or hindered.
type Effect string

// The effects of a coding.
const (
	EffectHelped   Effect = "helped"
	EffectHindered Effect = "hindered"
)

// Valid reports whether e is one of the effects.
func (e Effect) Valid() bool { return e == EffectHelped || e == EffectHindered }

// Coding is a code on an item.
type Coding struct {
	ID           string
	ItemID       string
	ReflectionID string
	CaseID       string
	NetworkID    string
	CodeID       string
	Effect       Effect
	CodedBy      *string
	CreatedAt    time.Time
}

// TableName names the table.
func (Coding) TableName() string { return "codings" }

// LessonStatus is where a lesson is in its curation.
type LessonStatus string

// The curation states of a lesson.
const (
	LessonProposed LessonStatus = "proposed"
	LessonAccepted LessonStatus = "accepted"
	LessonRejected LessonStatus = "rejected"
	LessonMerged   LessonStatus = "merged"
)

// Lesson is a short statement of what to keep doing or do differently.
type Lesson struct {
	ID           string
	NetworkID    string
	CaseID       string
	ReflectionID *string
	Perspective  string
	Position     int
	Statement    string
	Status       LessonStatus
	RejectReason string
	MergedInto   *string
	CuratedBy    *string
	CuratedAt    *time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
	Version      int
}

// TableName names the table.
func (Lesson) TableName() string { return "lessons" }

// LessonCode is a code on a lesson.
type LessonCode struct {
	LessonID string `gorm:"primaryKey"`
	CodeID   string `gorm:"primaryKey"`
}

// TableName names the table.
func (LessonCode) TableName() string { return "lesson_codes" }

// LessonSource links a lesson to a reflection item it came from, or a
// merged lesson to a lesson merged into it.
type LessonSource struct {
	ID             string
	LessonID       string
	SourceLessonID *string
	ItemID         *string
}

// TableName names the table.
func (LessonSource) TableName() string { return "lesson_sources" }

// LessonChange is one entry of a lesson's curation history.
type LessonChange struct {
	ID        string
	NetworkID string
	LessonID  string
	Action    string
	Detail    string // JSON
	ActorID   *string
	At        time.Time
}

// TableName names the table.
func (LessonChange) TableName() string { return "lesson_changes" }
