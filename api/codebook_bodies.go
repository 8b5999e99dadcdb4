package api

import (
	"time"

	"leerlus/review"
)

// CodebookBody is a network's codebook: its themes in order, each with
// its codes in order, retired and merged ones included and marked.
type CodebookBody struct {
	NetworkID string              `json:"network_id"`
	Themes    []CodebookThemeBody `json:"themes"`
}

// CodebookThemeBody is a theme with its codes.
type CodebookThemeBody struct {
	ID            string             `json:"id"`
	Key           string             `json:"key"`
	LabelNL       string             `json:"label_nl"`
	LabelEN       string             `json:"label_en"`
	DescriptionNL string             `json:"description_nl"`
	DescriptionEN string             `json:"description_en"`
	Position      int                `json:"position"`
	Codes         []CodebookCodeBody `json:"codes"`
	UpdatedAt     time.Time          `json:"updated_at"`
	Version       int                `json:"version"`
}

// CodebookCodeBody is a code. Offered says whether the code picker offers
// it (neither retired nor merged); usage is there for facilitators.
type CodebookCodeBody struct {
	ID            string         `json:"id"`
	ThemeID       string         `json:"theme_id"`
	Key           string         `json:"key"`
	LabelNL       string         `json:"label_nl"`
	LabelEN       string         `json:"label_en"`
	DescriptionNL string         `json:"description_nl"`
	DescriptionEN string         `json:"description_en"`
	Examples      []string       `json:"examples"`
	Position      int            `json:"position"`
	Offered       bool           `json:"offered"`
	Retired       bool           `json:"retired"`
	RetiredAt     *time.Time     `json:"retired_at,omitempty"`
	MergedInto    string         `json:"merged_into,omitempty"`
	Usage         *CodeUsageBody `json:"usage,omitempty"`
	UpdatedAt     time.Time      `json:"updated_at"`
	Version       int            `json:"version"`
}

// CodeUsageBody counts what carries a code.
type CodeUsageBody struct {
	Codings  int `json:"codings"`
	Helped   int `json:"helped"`
	Hindered int `json:"hindered"`
	Lessons  int `json:"lessons"`
}

func codebookBody(cb *review.CodebookView) CodebookBody {
	out := CodebookBody{NetworkID: cb.NetworkID, Themes: make([]CodebookThemeBody, len(cb.Themes))}
	for i, t := range cb.Themes {
		out.Themes[i] = codebookThemeBody(t)
	}
	return out
}

func codebookThemeBody(t review.ThemeView) CodebookThemeBody {
	out := CodebookThemeBody{ID: t.ID, Key: t.Key, LabelNL: t.LabelNL, LabelEN: t.LabelEN, DescriptionNL: t.DescriptionNL,
		DescriptionEN: t.DescriptionEN, Position: t.Position, Codes: make([]CodebookCodeBody, len(t.Codes)), UpdatedAt: t.UpdatedAt, Version: t.Version}
	for i, c := range t.Codes {
		out.Codes[i] = codebookCodeBody(c)
	}
	return out
}

func codebookCodeBody(c review.CodeView) CodebookCodeBody {
	out := CodebookCodeBody{ID: c.ID, ThemeID: c.ThemeID, Key: c.Key, LabelNL: c.LabelNL, LabelEN: c.LabelEN,
		DescriptionNL: c.DescriptionNL, DescriptionEN: c.DescriptionEN, Examples: c.ExampleList, Position: c.Position,
		Offered: c.Offered(), Retired: c.RetiredAt != nil, RetiredAt: c.RetiredAt, UpdatedAt: c.UpdatedAt, Version: c.Version}
	if c.MergedInto != nil {
		out.MergedInto = *c.MergedInto
	}
	if c.Usage != nil {
		out.Usage = &CodeUsageBody{Codings: c.Usage.Codings, Helped: c.Usage.Helped, Hindered: c.Usage.Hindered, Lessons: c.Usage.Lessons}
	}
	return out
}

// MergeCountsBody says what a merge moves, or moved.
type MergeCountsBody struct {
	Codings          int `json:"codings"`
	Collapsed        int `json:"collapsed"`
	EffectConflicts  int `json:"effect_conflicts"`
	Items            int `json:"items"`
	Cases            int `json:"cases"`
	Lessons          int `json:"lessons"`
	LessonsCollapsed int `json:"lessons_collapsed"`
	Repointed        int `json:"repointed"`
}

func mergeCountsBody(c review.MergeCounts) MergeCountsBody {
	return MergeCountsBody{Codings: c.Codings, Collapsed: c.Collapsed, EffectConflicts: c.EffectConflicts, Items: c.Items,
		Cases: c.Cases, Lessons: c.Lessons, LessonsCollapsed: c.LessonsCollapsed, Repointed: c.Repointed}
}

// CodeMergeBody is a merge of one code into another, previewed or done.
type CodeMergeBody struct {
	From   CodebookCodeBody `json:"from"`
	Into   CodebookCodeBody `json:"into"`
	Counts MergeCountsBody  `json:"counts"`
}

func codeMergeBody(m *review.Merge) CodeMergeBody {
	return CodeMergeBody{From: codebookCodeBody(m.From), Into: codebookCodeBody(m.Into), Counts: mergeCountsBody(m.Counts)}
}

// WordingBody holds the texts a codebook change touched.
type WordingBody struct {
	LabelNL       *string   `json:"label_nl,omitempty"`
	LabelEN       *string   `json:"label_en,omitempty"`
	DescriptionNL *string   `json:"description_nl,omitempty"`
	DescriptionEN *string   `json:"description_en,omitempty"`
	Examples      *[]string `json:"examples,omitempty"`
}

func wordingBody(w *review.Wording) *WordingBody {
	if w == nil {
		return nil
	}
	return &WordingBody{LabelNL: w.LabelNL, LabelEN: w.LabelEN, DescriptionNL: w.DescriptionNL, DescriptionEN: w.DescriptionEN, Examples: w.Examples}
}

// CollapsedCodingBody is a coding a merge removed because its item
// carried the surviving code too.
type CollapsedCodingBody struct {
	Item    string        `json:"item"`
	Coding  string        `json:"coding"`
	Effect  review.Effect `json:"effect"`
	Kept    review.Effect `json:"kept"`
	CodedBy string        `json:"coded_by,omitempty"`
}

// CodebookChangeDetailBody is what a change recorded beside its action.
type CodebookChangeDetailBody struct {
	Key          string                `json:"key,omitempty"`
	Before       *WordingBody          `json:"before,omitempty"`
	After        *WordingBody          `json:"after,omitempty"`
	FromTheme    string                `json:"from_theme,omitempty"`
	ToTheme      string                `json:"to_theme,omitempty"`
	FromPosition int                   `json:"from_position,omitempty"`
	ToPosition   int                   `json:"to_position,omitempty"`
	Into         string                `json:"into,omitempty"`
	Counts       *MergeCountsBody      `json:"counts,omitempty"`
	Collapsed    []CollapsedCodingBody `json:"collapsed,omitempty"`
	Item         string                `json:"item,omitempty"`
	FromCode     string                `json:"from_code,omitempty"`
	ToCode       string                `json:"to_code,omitempty"`
	FromEffect   review.Effect         `json:"from_effect,omitempty"`
	ToEffect     review.Effect         `json:"to_effect,omitempty"`
}

// CodebookChangeBody is one entry of a codebook's history.
type CodebookChangeBody struct {
	ID      string                   `json:"id"`
	Action  string                   `json:"action"`
	ThemeID *string                  `json:"theme_id,omitempty"`
	CodeID  *string                  `json:"code_id,omitempty"`
	Actor   *Ref                     `json:"actor,omitempty"`
	At      time.Time                `json:"at"`
	Detail  CodebookChangeDetailBody `json:"detail"`
}

func codebookChangeBody(c review.Change) CodebookChangeBody {
	d := c.Detail
	out := CodebookChangeBody{ID: c.ID, Action: c.Action, ThemeID: c.ThemeID, CodeID: c.CodeID, At: c.At,
		Detail: CodebookChangeDetailBody{Key: d.Key, Before: wordingBody(d.Before), After: wordingBody(d.After),
			FromTheme: d.FromTheme, ToTheme: d.ToTheme, FromPosition: d.FromPosition, ToPosition: d.ToPosition, Into: d.Into,
			Item: d.Item, FromCode: d.FromCode, ToCode: d.ToCode, FromEffect: d.FromEffect, ToEffect: d.ToEffect}}
	if c.ActorID != nil {
		out.Actor = &Ref{ID: *c.ActorID, Name: c.ActorName}
	}
	if d.Counts != nil {
		counts := mergeCountsBody(*d.Counts)
		out.Detail.Counts = &counts
	}
	for _, x := range d.Collapsed {
		out.Detail.Collapsed = append(out.Detail.Collapsed, CollapsedCodingBody{Item: x.Item, Coding: x.Coding, Effect: x.Effect, Kept: x.Kept, CodedBy: x.CodedBy})
	}
	return out
}

// themeRequest is a new theme or a change of one; dismissed and confirmed
// carry decisions on findings of this body.
type themeRequest struct {
	LabelNL       *string       `json:"label_nl"`
	LabelEN       *string       `json:"label_en"`
	DescriptionNL *string       `json:"description_nl"`
	DescriptionEN *string       `json:"description_en"`
	Position      *int          `json:"position"`
	Dismissed     []markRequest `json:"dismissed"`
	Confirmed     []markRequest `json:"confirmed"`
	Version       int           `json:"version"`
}

func (r themeRequest) input() review.ThemeInput {
	return review.ThemeInput{Wording: review.Wording{LabelNL: r.LabelNL, LabelEN: r.LabelEN, DescriptionNL: r.DescriptionNL, DescriptionEN: r.DescriptionEN},
		Position: r.Position, Decisions: decisions(r.Dismissed, r.Confirmed), Version: r.Version}
}

// codeRequest is a new code or a change of one: texts, a move (theme_id,
// position) and retiring or restoring (retired).
type codeRequest struct {
	ThemeID       *string       `json:"theme_id"`
	LabelNL       *string       `json:"label_nl"`
	LabelEN       *string       `json:"label_en"`
	DescriptionNL *string       `json:"description_nl"`
	DescriptionEN *string       `json:"description_en"`
	Examples      *[]string     `json:"examples"`
	Position      *int          `json:"position"`
	Retired       *bool         `json:"retired"`
	Dismissed     []markRequest `json:"dismissed"`
	Confirmed     []markRequest `json:"confirmed"`
	Version       int           `json:"version"`
}

func (r codeRequest) input() review.CodeInput {
	return review.CodeInput{Wording: review.Wording{LabelNL: r.LabelNL, LabelEN: r.LabelEN, DescriptionNL: r.DescriptionNL,
		DescriptionEN: r.DescriptionEN, Examples: r.Examples}, ThemeID: r.ThemeID, Position: r.Position, Retired: r.Retired,
		Decisions: decisions(r.Dismissed, r.Confirmed), Version: r.Version}
}

type mergeRequest struct {
	Into    string `json:"into"`
	Version int    `json:"version"`
}
