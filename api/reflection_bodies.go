package api

import (
	"time"

	"leerlus/review"
)

// CodeRefBody names a code of the codebook in material that uses it.
type CodeRefBody struct {
	ID      string `json:"id"`
	Key     string `json:"key"`
	LabelNL string `json:"label_nl"`
	LabelEN string `json:"label_en"`
	// Retired or merged codes still show in old material.
	Retired    bool    `json:"retired"`
	MergedInto *string `json:"merged_into,omitempty"`
}

func codeRefBody(c review.Code) CodeRefBody {
	return CodeRefBody{ID: c.ID, Key: c.Key, LabelNL: c.LabelNL, LabelEN: c.LabelEN, Retired: c.RetiredAt != nil, MergedInto: c.MergedInto}
}

// CodingBody is a code on an item, and whether that helped or hindered.
type CodingBody struct {
	Code   CodeRefBody   `json:"code"`
	Effect review.Effect `json:"effect"`
}

// ReflectionItemBody is one entry of what worked or what did not.
type ReflectionItemBody struct {
	ID        string       `json:"id"`
	Question  string       `json:"question"`
	Position  int          `json:"position"`
	What      string       `json:"what"`
	Why       string       `json:"why"`
	EpisodeID *string      `json:"episode_id,omitempty"`
	Codes     []CodingBody `json:"codes"`
}

// TextAnswerBody answers a text question.
type TextAnswerBody struct {
	Question string `json:"question"`
	Text     string `json:"text"`
}

// RatingAnswerBody answers a rating question.
type RatingAnswerBody struct {
	Question string `json:"question"`
	Rating   int    `json:"rating"`
}

// ReflectionLessonBody is a lesson in its reflection: sources are the
// ids of the items it came from.
type ReflectionLessonBody struct {
	ID        string              `json:"id"`
	Statement string              `json:"statement"`
	Status    review.LessonStatus `json:"status"`
	Codes     []CodeRefBody       `json:"codes"`
	Sources   []string            `json:"sources"`
}

// ReflectionBody is a reflection as the caller may see it. Author, marks,
// organisation and the review comment are there only for its author and
// the network's facilitators.
type ReflectionBody struct {
	ID              string                 `json:"id"`
	CaseID          string                 `json:"case_id"`
	NetworkID       string                 `json:"network_id"`
	Perspective     string                 `json:"perspective"`
	Status          review.Status          `json:"status"`
	TemplateVersion int                    `json:"template_version"`
	Items           []ReflectionItemBody   `json:"items"`
	Texts           []TextAnswerBody       `json:"texts"`
	Ratings         []RatingAnswerBody     `json:"ratings"`
	Lessons         []ReflectionLessonBody `json:"lessons"`
	Mine            bool                   `json:"mine"`
	CanCheck        bool                   `json:"can_check"`
	Author          *Ref                   `json:"author,omitempty"`
	Marks           []MarkBody             `json:"marks,omitempty"`
	ReviewComment   string                 `json:"review_comment,omitempty"`
	CreatedAt       time.Time              `json:"created_at"`
	UpdatedAt       time.Time              `json:"updated_at"`
	SubmittedAt     *time.Time             `json:"submitted_at,omitempty"`
	PublishedAt     *time.Time             `json:"published_at,omitempty"`
	Version         int                    `json:"version"`
}

func reflectionBody(v *review.ReflectionView) ReflectionBody {
	out := ReflectionBody{ID: v.ID, CaseID: v.CaseID, NetworkID: v.NetworkID, Perspective: v.Perspective, Status: v.Status,
		TemplateVersion: v.TemplateVersion, Items: []ReflectionItemBody{}, Texts: []TextAnswerBody{}, Ratings: []RatingAnswerBody{},
		Lessons: []ReflectionLessonBody{}, Mine: v.Mine, CanCheck: v.CanCheck, ReviewComment: v.ReviewComment,
		CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt, SubmittedAt: v.SubmittedAt, PublishedAt: v.PublishedAt, Version: v.Version}
	if v.Author != nil {
		out.Author = &Ref{ID: v.Author.ID, Name: v.Author.Name}
	}
	for _, it := range v.Items {
		b := ReflectionItemBody{ID: it.ID, Question: it.QuestionKey, Position: it.Position, What: it.What, Why: it.Why,
			EpisodeID: it.EpisodeID, Codes: []CodingBody{}}
		for _, c := range it.Codes {
			b.Codes = append(b.Codes, CodingBody{Code: codeRefBody(c.Code), Effect: c.Effect})
		}
		out.Items = append(out.Items, b)
	}
	for _, a := range v.Answers {
		if a.Rating != nil {
			out.Ratings = append(out.Ratings, RatingAnswerBody{Question: a.QuestionKey, Rating: *a.Rating})
		} else {
			out.Texts = append(out.Texts, TextAnswerBody{Question: a.QuestionKey, Text: a.Text})
		}
	}
	for _, l := range v.Lessons {
		b := ReflectionLessonBody{ID: l.ID, Statement: l.Statement, Status: l.Status, Codes: []CodeRefBody{}, Sources: l.ItemIDs}
		if b.Sources == nil {
			b.Sources = []string{}
		}
		for _, c := range l.Codes {
			b.Codes = append(b.Codes, codeRefBody(c))
		}
		out.Lessons = append(out.Lessons, b)
	}
	for _, m := range v.Marks {
		out.Marks = append(out.Marks, MarkBody{ID: m.ID, Field: m.Field, Kind: string(m.Kind), Type: m.FindingType, Start: m.StartAt, End: m.EndAt, Verdict: m.Verdict})
	}
	return out
}

// PerspectiveEffectBody is how often one perspective coded a code as
// helping and as hindering.
type PerspectiveEffectBody struct {
	Perspective string `json:"perspective"`
	Helped      int    `json:"helped"`
	Hindered    int    `json:"hindered"`
}

// CodeComparisonBody is one code across the perspectives on a case.
type CodeComparisonBody struct {
	Code      CodeRefBody             `json:"code"`
	Views     []PerspectiveEffectBody `json:"views"`
	Agreement review.Agreement        `json:"agreement"`
}

// PerspectiveScoreBody is one perspective's score on a rating question.
type PerspectiveScoreBody struct {
	Perspective string  `json:"perspective"`
	Score       float64 `json:"score"`
}

// RatingComparisonBody is one rating question across the perspectives.
type RatingComparisonBody struct {
	Question  string                 `json:"question"`
	Scores    []PerspectiveScoreBody `json:"scores"`
	Agreement review.Agreement       `json:"agreement"`
}

// CaseReflectionsBody is what a case page shows of its reflections.
type CaseReflectionsBody struct {
	Reflections []ReflectionBody       `json:"reflections"`
	Codes       []CodeComparisonBody   `json:"codes"`
	Ratings     []RatingComparisonBody `json:"ratings"`
	MineID      string                 `json:"mine_id,omitempty"`
}

func caseReflectionsBody(v *review.CaseReflections) CaseReflectionsBody {
	out := CaseReflectionsBody{Reflections: []ReflectionBody{}, Codes: []CodeComparisonBody{}, Ratings: []RatingComparisonBody{}, MineID: v.MineID}
	for i := range v.Reflections {
		out.Reflections = append(out.Reflections, reflectionBody(&v.Reflections[i]))
	}
	for _, c := range v.Comparison.Codes {
		b := CodeComparisonBody{Code: codeRefBody(c.Code), Agreement: c.Agreement}
		for _, e := range c.Views {
			b.Views = append(b.Views, PerspectiveEffectBody{Perspective: e.Perspective, Helped: e.Helped, Hindered: e.Hindered})
		}
		out.Codes = append(out.Codes, b)
	}
	for _, r := range v.Comparison.Ratings {
		b := RatingComparisonBody{Question: r.Question, Agreement: r.Agreement}
		for _, s := range r.Scores {
			b.Scores = append(b.Scores, PerspectiveScoreBody{Perspective: s.Perspective, Score: s.Score})
		}
		out.Ratings = append(out.Ratings, b)
	}
	return out
}

// ReflectionSummaryBody is a reflection in a list (the review queue, or a
// member's own reflections).
type ReflectionSummaryBody struct {
	ID          string        `json:"id"`
	CaseID      string        `json:"case_id"`
	CaseTitle   string        `json:"case_title"`
	Perspective string        `json:"perspective"`
	Status      review.Status `json:"status"`
	Mine        bool          `json:"mine"`
	UpdatedAt   time.Time     `json:"updated_at"`
	SubmittedAt *time.Time    `json:"submitted_at,omitempty"`
	Version     int           `json:"version"`
}

type codingRequest struct {
	CodeID string `json:"code_id"`
	Effect string `json:"effect"`
}

type reflectionItemRequest struct {
	ID        string          `json:"id"`
	Question  string          `json:"question"`
	What      string          `json:"what"`
	Why       string          `json:"why"`
	EpisodeID string          `json:"episode_id"`
	Codes     []codingRequest `json:"codes"`
}

type textAnswerRequest struct {
	Question string `json:"question"`
	Text     string `json:"text"`
}

type ratingAnswerRequest struct {
	Question string `json:"question"`
	Rating   *int   `json:"rating"`
}

type reflectionLessonRequest struct {
	Statement string   `json:"statement"`
	Codes     []string `json:"codes"`
	Sources   []int    `json:"sources"`
}

type reflectionRequest struct {
	Items     *[]reflectionItemRequest   `json:"items"`
	Texts     *[]textAnswerRequest       `json:"texts"`
	Ratings   *[]ratingAnswerRequest     `json:"ratings"`
	Lessons   *[]reflectionLessonRequest `json:"lessons"`
	Dismissed []markRequest              `json:"dismissed"`
	Confirmed []markRequest              `json:"confirmed"`
	Version   int                        `json:"version"`
}

func codings(in []codingRequest) []review.CodingInput {
	out := make([]review.CodingInput, len(in))
	for i, c := range in {
		out[i] = review.CodingInput{CodeID: c.CodeID, Effect: review.Effect(c.Effect)}
	}
	return out
}

func (r reflectionRequest) input() review.ReflectionInput {
	in := review.ReflectionInput{Version: r.Version, Decisions: decisions(r.Dismissed, r.Confirmed)}
	if r.Items != nil {
		items := make([]review.ItemInput, len(*r.Items))
		for i, it := range *r.Items {
			items[i] = review.ItemInput{ID: it.ID, Question: it.Question, What: it.What, Why: it.Why, EpisodeID: it.EpisodeID, Codes: codings(it.Codes)}
		}
		in.Items = &items
	}
	if r.Texts != nil {
		texts := make([]review.TextInput, len(*r.Texts))
		for i, t := range *r.Texts {
			texts[i] = review.TextInput{Question: t.Question, Text: t.Text}
		}
		in.Texts = &texts
	}
	if r.Ratings != nil {
		ratings := make([]review.RatingInput, len(*r.Ratings))
		for i, t := range *r.Ratings {
			ratings[i] = review.RatingInput{Question: t.Question, Rating: t.Rating}
		}
		in.Ratings = &ratings
	}
	if r.Lessons != nil {
		lessons := make([]review.LessonInput, len(*r.Lessons))
		for i, l := range *r.Lessons {
			lessons[i] = review.LessonInput{Statement: l.Statement, Codes: l.Codes, Sources: l.Sources}
		}
		in.Lessons = &lessons
	}
	return in
}

type recodeRequest struct {
	Codes   []codingRequest `json:"codes"`
	Version int             `json:"version"`
}

type reflectionSendBackRequest struct {
	Comment         string        `json:"comment"`
	RealIdentifiers []string      `json:"real_identifiers"`
	Missed          []string      `json:"missed"`
	Dismissed       []markRequest `json:"dismissed"`
	Confirmed       []markRequest `json:"confirmed"`
	Version         int           `json:"version"`
}
