package api

import (
	"time"

	"leerlus"
	"leerlus/cases"
)

// PeriodBody is a year and quarter.
type PeriodBody struct {
	Year    int `json:"year"`
	Quarter int `json:"quarter"`
}

func periodBody(p *cases.Period) *PeriodBody {
	if p == nil || p.Year == 0 {
		return nil
	}
	return &PeriodBody{Year: p.Year, Quarter: p.Quarter}
}

func (p *PeriodBody) period() *cases.Period {
	if p == nil {
		return nil
	}
	return &cases.Period{Year: p.Year, Quarter: p.Quarter}
}

// MarkBody is an author's decision on a finding: where (a JSON pointer
// into the case or episode, and UTF-16 offsets), what type, which
// decision, and the facilitator's verdict once given.
type MarkBody struct {
	ID      string `json:"id"`
	Field   string `json:"field"`
	Kind    string `json:"kind"`
	Type    string `json:"type"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Verdict string `json:"verdict,omitempty"`
}

// EpisodeBody is one key episode.
type EpisodeBody struct {
	ID           string     `json:"id"`
	Position     int        `json:"position"`
	Phase        string     `json:"phase,omitempty"`
	WhatHappened string     `json:"what_happened"`
	Duration     string     `json:"duration,omitempty"`
	Effect       string     `json:"effect,omitempty"`
	Marks        []MarkBody `json:"marks,omitempty"`
	UpdatedAt    time.Time  `json:"updated_at"`
	Version      int        `json:"version"`
}

// CaseBody is a case as the caller may see it. Author, marks and the
// review comment are there only for its author and the network's
// facilitators.
type CaseBody struct {
	ID            string           `json:"id"`
	NetworkID     string           `json:"network_id"`
	Status        cases.Status     `json:"status"`
	Title         string           `json:"title"`
	Outcome       string           `json:"outcome,omitempty"`
	Start         *PeriodBody      `json:"start,omitempty"`
	End           *PeriodBody      `json:"end,omitempty"`
	AgeBand       string           `json:"age_band,omitempty"`
	Household     string           `json:"household,omitempty"`
	LifeDomains   []string         `json:"life_domains"`
	Services      []string         `json:"services"`
	Duration      string           `json:"duration,omitempty"`
	Summary       string           `json:"summary"`
	Episodes      []EpisodeBody    `json:"episodes"`
	Mine          bool             `json:"mine"`
	CanCheck      bool             `json:"can_check"`
	Author        *Ref             `json:"author,omitempty"`
	Marks         []MarkBody       `json:"marks,omitempty"`
	ReviewComment string           `json:"review_comment,omitempty"`
	Missing       []FieldErrorBody `json:"missing,omitempty"`
	Correction    bool             `json:"correction"`
	CreatedAt     time.Time        `json:"created_at"`
	UpdatedAt     time.Time        `json:"updated_at"`
	SubmittedAt   *time.Time       `json:"submitted_at,omitempty"`
	PublishedAt   *time.Time       `json:"published_at,omitempty"`
	ArchivedAt    *time.Time       `json:"archived_at,omitempty"`
	Version       int              `json:"version"`
}

func caseBody(v *cases.View) CaseBody {
	start := v.Start()
	out := CaseBody{
		ID: v.ID, NetworkID: v.NetworkID, Status: v.Status, Title: v.Title, Outcome: v.Outcome,
		Start: periodBody(&start), End: periodBody(v.End()), AgeBand: v.AgeBand, Household: v.Household,
		LifeDomains: v.LifeDomains, Services: v.Services, Duration: v.Duration, Summary: v.Summary,
		Episodes: make([]EpisodeBody, len(v.Episodes)), Mine: v.Mine, CanCheck: v.CanCheck, ReviewComment: v.ReviewComment,
		Correction: v.Correction, CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt, SubmittedAt: v.SubmittedAt,
		PublishedAt: v.PublishedAt, ArchivedAt: v.ArchivedAt, Version: v.Version, Missing: fieldErrorBodies(v.Missing),
	}
	if v.Author != nil {
		out.Author = &Ref{ID: v.Author.ID, Name: v.Author.Name}
	}
	byObject := map[string][]MarkBody{}
	for _, m := range v.Marks {
		byObject[m.ObjectID] = append(byObject[m.ObjectID], MarkBody{ID: m.ID, Field: m.Field, Kind: string(m.Kind),
			Type: m.FindingType, Start: m.StartAt, End: m.EndAt, Verdict: m.Verdict})
	}
	out.Marks = byObject[v.ID]
	for i, e := range v.Episodes {
		out.Episodes[i] = episodeBody(e, byObject[e.ID])
	}
	return out
}

func episodeBody(e cases.Episode, marks []MarkBody) EpisodeBody {
	return EpisodeBody{ID: e.ID, Position: e.Position, Phase: e.Phase, WhatHappened: e.WhatHappened,
		Duration: e.Duration, Effect: e.Effect, Marks: marks, UpdatedAt: e.UpdatedAt, Version: e.Version}
}

// CaseSummaryBody is a case in a list.
type CaseSummaryBody struct {
	ID           string       `json:"id"`
	NetworkID    string       `json:"network_id"`
	Status       cases.Status `json:"status"`
	Title        string       `json:"title"`
	Outcome      string       `json:"outcome,omitempty"`
	Start        *PeriodBody  `json:"start,omitempty"`
	End          *PeriodBody  `json:"end,omitempty"`
	AgeBand      string       `json:"age_band,omitempty"`
	Services     []string     `json:"services"`
	Duration     string       `json:"duration,omitempty"`
	EpisodeCount int          `json:"episode_count"`
	Mine         bool         `json:"mine"`
	Correction   bool         `json:"correction"`
	// ReviewComment is there for the author and the network's facilitators.
	ReviewComment string     `json:"review_comment,omitempty"`
	UpdatedAt     time.Time  `json:"updated_at"`
	SubmittedAt   *time.Time `json:"submitted_at,omitempty"`
	PublishedAt   *time.Time `json:"published_at,omitempty"`
	Version       int        `json:"version"`
}

// CaseListBody is one page of cases with the counts per outcome.
type CaseListBody struct {
	Items      []CaseSummaryBody `json:"items"`
	NextCursor string            `json:"next_cursor,omitempty"`
	ByOutcome  map[string]int    `json:"by_outcome"`
}

func caseListBody(l *cases.Listing) CaseListBody {
	out := CaseListBody{Items: make([]CaseSummaryBody, len(l.Items)), NextCursor: leerlus.Cursor(l.NextCursor), ByOutcome: l.ByOutcome}
	for i, c := range l.Items {
		start := c.Start()
		out.Items[i] = CaseSummaryBody{ID: c.ID, NetworkID: c.NetworkID, Status: c.Status, Title: c.Title, Outcome: c.Outcome,
			Start: periodBody(&start), End: periodBody(c.End()), AgeBand: c.AgeBand, Services: c.Services, Duration: c.Duration,
			EpisodeCount: c.EpisodeCount, Mine: c.Mine, Correction: c.Correction, ReviewComment: c.ReviewComment, UpdatedAt: c.UpdatedAt, SubmittedAt: c.SubmittedAt, PublishedAt: c.PublishedAt, Version: c.Version}
	}
	return out
}

// FindingBody is one identifying detail of a refused write (422) or of a
// scanned text: where (a JSON pointer and UTF-16 offsets), what type,
// whether it is direct, and the tag the case gives it.
type FindingBody struct {
	Field  string `json:"field"`
	Type   string `json:"type"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Direct bool   `json:"direct"`
	Tag    string `json:"tag,omitempty"`
	// MustChange: a dismissal cannot let this finding through here.
	MustChange bool `json:"must_change,omitempty"`
}

func findingBodies(fs []leerlus.Finding) []FindingBody {
	if fs == nil {
		return nil
	}
	out := make([]FindingBody, len(fs))
	for i, f := range fs {
		out[i] = FindingBody{Field: f.Field, Type: f.Type, Start: f.Start, End: f.End, Direct: f.Direct, Tag: f.Tag, MustChange: f.MustChange}
	}
	return out
}

// CaseScanBody is what the anonymiser found in a text typed in a case.
type CaseScanBody struct {
	Findings []FindingBody `json:"findings"`
}

type markRequest struct {
	Field string `json:"field"`
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// decisions are the author's decisions on findings, sent with a write
// (fields `dismissed` and `confirmed`): fields are JSON pointers into that
// write's body. Request types spell them out rather than embed a struct,
// so that a decoding error names the JSON field alone.
func decisions(dismissed, confirmed []markRequest) cases.Decisions {
	conv := func(in []markRequest) []cases.MarkInput {
		out := make([]cases.MarkInput, len(in))
		for i, m := range in {
			out[i] = cases.MarkInput{Field: m.Field, Type: m.Type, Start: m.Start, End: m.End}
		}
		return out
	}
	return cases.Decisions{Dismissed: conv(dismissed), Confirmed: conv(confirmed)}
}

type newEpisodeRequest struct {
	Phase        *string `json:"phase"`
	WhatHappened *string `json:"what_happened"`
	Duration     *string `json:"duration"`
	Effect       *string `json:"effect"`
}

type caseRequest struct {
	Title       *string             `json:"title"`
	Outcome     *string             `json:"outcome"`
	Start       *PeriodBody         `json:"start"`
	End         *PeriodBody         `json:"end"`
	Ongoing     *bool               `json:"ongoing"`
	AgeBand     *string             `json:"age_band"`
	Household   *string             `json:"household"`
	LifeDomains *[]string           `json:"life_domains"`
	Services    *[]string           `json:"services"`
	Duration    *string             `json:"duration"`
	Summary     *string             `json:"summary"`
	Episodes    []newEpisodeRequest `json:"episodes"`
	Dismissed   []markRequest       `json:"dismissed"`
	Confirmed   []markRequest       `json:"confirmed"`
	Version     int                 `json:"version"`
}

func (r caseRequest) input() cases.CaseInput {
	in := cases.CaseInput{Title: r.Title, Outcome: r.Outcome, Start: r.Start.period(), End: r.End.period(), Ongoing: r.Ongoing,
		AgeBand: r.AgeBand, Household: r.Household, LifeDomains: r.LifeDomains, Services: r.Services, Duration: r.Duration,
		Summary: r.Summary, Decisions: decisions(r.Dismissed, r.Confirmed), Version: r.Version}
	for _, e := range r.Episodes {
		in.Episodes = append(in.Episodes, cases.EpisodeInput{Phase: e.Phase, WhatHappened: e.WhatHappened, Duration: e.Duration, Effect: e.Effect})
	}
	return in
}

type episodeRequest struct {
	Phase        *string       `json:"phase"`
	WhatHappened *string       `json:"what_happened"`
	Duration     *string       `json:"duration"`
	Effect       *string       `json:"effect"`
	Position     *int          `json:"position"`
	Dismissed    []markRequest `json:"dismissed"`
	Confirmed    []markRequest `json:"confirmed"`
	Version      int           `json:"version"`
}

func (r episodeRequest) input() cases.EpisodeInput {
	return cases.EpisodeInput{Phase: r.Phase, WhatHappened: r.WhatHappened, Duration: r.Duration, Effect: r.Effect,
		Position: r.Position, Decisions: decisions(r.Dismissed, r.Confirmed), Version: r.Version}
}

type versionRequest struct {
	Version int `json:"version"`
}

type episodeOrderRequest struct {
	Episodes []string `json:"episodes"`
	Version  int      `json:"version"`
}

type sendBackRequest struct {
	Comment         string        `json:"comment"`
	RealIdentifiers []string      `json:"real_identifiers"`
	Missed          []string      `json:"missed"`
	Dismissed       []markRequest `json:"dismissed"`
	Confirmed       []markRequest `json:"confirmed"`
	Version         int           `json:"version"`
}

type caseScanRequest struct {
	Text string `json:"text"`
}
