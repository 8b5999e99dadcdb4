package api

import (
	"time"

	"leerlus"
	"leerlus/review"
)

// ActionSummaryBody is an improvement action on the board.
type ActionSummaryBody struct {
	ID                    string              `json:"id"`
	NetworkID             string              `json:"network_id"`
	Title                 string              `json:"title"`
	Kind                  review.ActionKind   `json:"kind"`
	Status                review.ActionStatus `json:"status"`
	Phase                 review.Phase        `json:"phase"`
	Owner                 *Ref                `json:"owner,omitempty"`
	DueOn                 *string             `json:"due_on,omitempty"`
	StartedOn             *string             `json:"started_on,omitempty"`
	GoalID                *string             `json:"goal_id,omitempty"`
	ProposedAutomatically bool                `json:"proposed_automatically"`
	StopReason            string              `json:"stop_reason,omitempty"`
	AcceptedAt            *time.Time          `json:"accepted_at,omitempty"`
	LastProgressAt        *time.Time          `json:"last_progress_at,omitempty"`
	Overdue               bool                `json:"overdue"`
	Stalled               bool                `json:"stalled"`
	CreatedAt             time.Time           `json:"created_at"`
	UpdatedAt             time.Time           `json:"updated_at"`
	Version               int                 `json:"version"`
}

// ActionBody is one action with what it follows up.
type ActionBody struct {
	ActionSummaryBody
	Description      string         `json:"description"`
	ProposedBy       *Ref           `json:"proposed_by,omitempty"`
	Lessons          []GroupRefBody `json:"lessons"`
	Cases            []CaseRefBody  `json:"cases"`
	Organisations    []Ref          `json:"organisations"`
	Goal             *Ref           `json:"goal,omitempty"`
	StalledAfterDays int            `json:"stalled_after_days"`
	NextStatuses     []string       `json:"next_statuses"`
}

// GroupRefBody is a recurring lesson an action follows up.
type GroupRefBody struct {
	ID        string `json:"id"`
	Statement string `json:"statement"`
}

// ActionCountsBody are the numbers of the board's columns.
type ActionCountsBody struct {
	ByStatus map[review.ActionStatus]int `json:"by_status"`
	ByPhase  map[review.Phase]int        `json:"by_phase"`
	Total    int                         `json:"total"`
	Overdue  int                         `json:"overdue"`
	Stalled  int                         `json:"stalled"`
}

// ActionBoardBody is one page of the board with its counts.
type ActionBoardBody struct {
	Items            []ActionSummaryBody `json:"items"`
	NextCursor       string              `json:"next_cursor,omitempty"`
	Counts           ActionCountsBody    `json:"counts"`
	StalledAfterDays int                 `json:"stalled_after_days"`
}

// AttentionBody is an action that needs attention, with why.
type AttentionBody struct {
	ActionSummaryBody
	Reasons []string `json:"reasons"`
}

// DigestBody is a network's follow-up of the day.
type DigestBody struct {
	NetworkID        string              `json:"network_id"`
	Today            string              `json:"today"`
	StalledAfterDays int                 `json:"stalled_after_days"`
	Overdue          []ActionSummaryBody `json:"overdue"`
	Stalled          []ActionSummaryBody `json:"stalled"`
	Awaiting         []ActionSummaryBody `json:"awaiting"`
	OverdueCount     int                 `json:"overdue_count"`
	StalledCount     int                 `json:"stalled_count"`
	AwaitingCount    int                 `json:"awaiting_count"`
}

// ProgressBody is one entry of an action's progress log.
type ProgressBody struct {
	ID        string       `json:"id"`
	Phase     review.Phase `json:"phase"`
	Text      string       `json:"text"`
	WrittenAt time.Time    `json:"written_at"`
	Writer    *Ref         `json:"writer,omitempty"`
}

func personRef(p *review.PersonRef) *Ref {
	if p == nil {
		return nil
	}
	return &Ref{ID: p.ID, Name: p.Name}
}

func actionSummaryBody(a review.ActionSummary) ActionSummaryBody {
	return ActionSummaryBody{ID: a.ID, NetworkID: a.NetworkID, Title: a.Title, Kind: a.Kind, Status: a.Status, Phase: a.Phase,
		Owner: personRef(a.Owner), DueOn: a.DueOn, StartedOn: a.StartedOn, GoalID: a.GoalID, ProposedAutomatically: a.ProposedAutomatically,
		StopReason: a.StopReason, AcceptedAt: a.AcceptedAt, LastProgressAt: a.LastProgressAt, Overdue: a.Overdue, Stalled: a.Stalled,
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt, Version: a.Version}
}

func actionBody(v *review.ActionView) ActionBody {
	out := ActionBody{ActionSummaryBody: actionSummaryBody(v.ActionSummary), Description: v.Description, ProposedBy: personRef(v.ProposedBy),
		Lessons: make([]GroupRefBody, len(v.Lessons)), Cases: make([]CaseRefBody, len(v.Cases)), Organisations: make([]Ref, len(v.Organisations)),
		StalledAfterDays: v.StalledAfterDays, NextStatuses: review.NextStatuses(v.Status)}
	for i, g := range v.Lessons {
		out.Lessons[i] = GroupRefBody{ID: g.ID, Statement: g.Statement}
	}
	for i, c := range v.Cases {
		out.Cases[i] = CaseRefBody{ID: c.ID, Title: c.Title}
	}
	for i, o := range v.Organisations {
		out.Organisations[i] = Ref{ID: o.ID, Name: o.Name}
	}
	if v.Goal != nil {
		out.Goal = &Ref{ID: v.Goal.ID, Name: v.Goal.Name}
	}
	return out
}

func actionBoardBody(b *review.ActionBoard) ActionBoardBody {
	out := ActionBoardBody{Items: make([]ActionSummaryBody, len(b.Items)), NextCursor: leerlus.Cursor(b.NextCursor), StalledAfterDays: b.StalledAfterDays,
		Counts: ActionCountsBody{ByStatus: map[review.ActionStatus]int{}, ByPhase: map[review.Phase]int{}, Total: b.Total, Overdue: b.Overdue, Stalled: b.Stalled}}
	for i, a := range b.Items {
		out.Items[i] = actionSummaryBody(a)
	}
	// Every column, with 0 for the empty ones.
	for _, st := range review.ActionStatuses {
		out.Counts.ByStatus[st] = b.ByStatus[st]
	}
	for _, ph := range review.Phases {
		out.Counts.ByPhase[ph] = b.ByPhase[ph]
	}
	return out
}

func attentionBody(a review.AttentionItem) AttentionBody {
	return AttentionBody{ActionSummaryBody: actionSummaryBody(a.ActionSummary), Reasons: a.Reasons}
}

func summaryBodies(in []review.ActionSummary) []ActionSummaryBody {
	out := make([]ActionSummaryBody, len(in))
	for i, a := range in {
		out[i] = actionSummaryBody(a)
	}
	return out
}

func digestBody(d *review.Digest) DigestBody {
	return DigestBody{NetworkID: d.NetworkID, Today: d.Today, StalledAfterDays: d.StalledAfterDays,
		Overdue: summaryBodies(d.Overdue), Stalled: summaryBodies(d.Stalled), Awaiting: summaryBodies(d.Awaiting),
		OverdueCount: d.OverdueCount, StalledCount: d.StalledCount, AwaitingCount: d.AwaitingCount}
}

func progressBody(e review.ProgressEntry) ProgressBody {
	return ProgressBody{ID: e.ID, Phase: e.Phase, Text: e.Text, WrittenAt: e.WrittenAt, Writer: personRef(e.Writer)}
}

// proposeActionRequest proposes an action.
type proposeActionRequest struct {
	Title         string        `json:"title"`
	Description   string        `json:"description"`
	Kind          string        `json:"kind"`
	DueOn         string        `json:"due_on"`
	GoalID        string        `json:"goal_id"`
	Lessons       []string      `json:"lessons"`
	Cases         []string      `json:"cases"`
	Organisations []string      `json:"organisations"`
	Dismissed     []markRequest `json:"dismissed"`
	Confirmed     []markRequest `json:"confirmed"`
}

func (r proposeActionRequest) input() review.ActionInput {
	return review.ActionInput{Title: r.Title, Description: r.Description, Kind: r.Kind, DueOn: r.DueOn, GoalID: r.GoalID,
		Lessons: r.Lessons, Cases: r.Cases, Organisations: r.Organisations, Decisions: decisions(r.Dismissed, r.Confirmed)}
}

// actionEditRequest changes an action; absent fields stay as they are.
type actionEditRequest struct {
	Title         *string       `json:"title"`
	Description   *string       `json:"description"`
	Kind          *string       `json:"kind"`
	Phase         *string       `json:"phase"`
	DueOn         *string       `json:"due_on"`
	StartedOn     *string       `json:"started_on"`
	GoalID        *string       `json:"goal_id"`
	OwnerID       *string       `json:"owner_id"`
	Lessons       *[]string     `json:"lessons"`
	Cases         *[]string     `json:"cases"`
	Organisations *[]string     `json:"organisations"`
	Dismissed     []markRequest `json:"dismissed"`
	Confirmed     []markRequest `json:"confirmed"`
	Version       int           `json:"version"`
}

func (r actionEditRequest) input() review.ActionEdit {
	return review.ActionEdit{Version: r.Version, Title: r.Title, Description: r.Description, Kind: r.Kind, Phase: r.Phase,
		DueOn: r.DueOn, StartedOn: r.StartedOn, GoalID: r.GoalID, OwnerID: r.OwnerID, Lessons: r.Lessons, Cases: r.Cases,
		Organisations: r.Organisations, Decisions: decisions(r.Dismissed, r.Confirmed)}
}

type actionStatusRequest struct {
	Status    string        `json:"status"`
	OwnerID   string        `json:"owner_id"`
	Reason    string        `json:"reason"`
	Dismissed []markRequest `json:"dismissed"`
	Confirmed []markRequest `json:"confirmed"`
	Version   int           `json:"version"`
}

type progressRequest struct {
	Text      string        `json:"text"`
	Phase     string        `json:"phase"`
	Dismissed []markRequest `json:"dismissed"`
	Confirmed []markRequest `json:"confirmed"`
}
