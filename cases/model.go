package cases

import (
	"time"

	"leerlus"
)

// Status is where a case is in its lifecycle.
type Status string

// The lifecycle: a draft is its author's alone; a submitted case waits for
// a facilitator's four-eyes check; a published case is read by the
// network; an archived case stays readable but is no longer current.
const (
	StatusDraft     Status = "draft"
	StatusSubmitted Status = "submitted"
	StatusPublished Status = "published"
	StatusArchived  Status = "archived"
)

// Statuses lists every status, in lifecycle order.
var Statuses = []Status{StatusDraft, StatusSubmitted, StatusPublished, StatusArchived}

// Period is a year and quarter: cases never hold exact dates.
type Period struct {
	Year    int
	Quarter int
}

// code is the stored form, year*10 + quarter.
func (p Period) code() int { return p.Year*10 + p.Quarter }

func periodOf(code int) Period { return Period{Year: code / 10, Quarter: code % 10} }

// PeriodOfCode reads a period as the tables store it (year*10 + quarter),
// for packages that read cases' periods in their own queries.
func PeriodOfCode(code int) Period { return periodOf(code) }

// Next is the quarter after p.
func (p Period) Next() Period {
	if p.Quarter >= 4 {
		return Period{Year: p.Year + 1, Quarter: 1}
	}
	return Period{Year: p.Year, Quarter: p.Quarter + 1}
}

// Before reports whether p lies before q.
func (p Period) Before(q Period) bool { return p.code() < q.code() }

// Case is one anonymised care trajectory under review, as stored.
type Case struct {
	ID            string
	NetworkID     string
	AuthorID      string
	Status        Status
	Title         string
	Outcome       string
	StartPeriod   int
	EndPeriod     *int
	AgeBand       string
	Household     string
	Duration      string
	Summary       string
	Numbering     string
	ReviewComment string
	Correction    bool
	LastEditorID  string
	PublishedBy   *string
	ServiceMask   int
	PhaseMask     int
	EpisodeCount  int
	CreatedAt     time.Time
	UpdatedAt     time.Time
	SubmittedAt   *time.Time
	PublishedAt   *time.Time
	ArchivedAt    *time.Time
	Version       int
}

// TableName names the table.
func (Case) TableName() string { return "cases" }

// Start is the period the trajectory began.
func (c *Case) Start() Period { return periodOf(c.StartPeriod) }

// End is the period it ended, if it has.
func (c *Case) End() *Period {
	if c.EndPeriod == nil {
		return nil
	}
	p := periodOf(*c.EndPeriod)
	return &p
}

// Episode is one key episode (cruciaal moment) of a case's timeline.
type Episode struct {
	ID           string
	CaseID       string
	Position     int
	Phase        string
	WhatHappened string
	Duration     string
	Effect       string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	Version      int
}

// TableName names the table.
func (Episode) TableName() string { return "case_episodes" }

type caseService struct {
	CaseID  string
	Service string
}

func (caseService) TableName() string { return "case_services" }

type caseLifeDomain struct {
	CaseID     string
	LifeDomain string
}

func (caseLifeDomain) TableName() string { return "case_life_domains" }

// Author is who wrote a case, shown only to the author and the network's
// facilitators.
type Author struct {
	ID   string
	Name string
}

// View is a case as one reader may see it: with its episodes, lists and
// marks, and the author only when the reader may know who wrote it.
type View struct {
	Case
	Services    []string
	LifeDomains []string
	Episodes    []Episode
	// Marks are the author's decisions on findings, for the author and the
	// network's facilitators.
	Marks []Mark
	// Author is nil unless the reader is the author or a facilitator of
	// the network.
	Author *Author
	// Mine says the reader wrote the case.
	Mine bool
	// Missing lists, for the author of a draft, what submitting still
	// needs (the field errors a submit would answer).
	Missing []leerlus.FieldError
	// CanCheck says the reader may publish or send back the case now: a
	// facilitator of the network who neither wrote it nor changed it last,
	// while it waits for its check.
	CanCheck bool
}
