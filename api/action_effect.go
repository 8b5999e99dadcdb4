package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus/review"
	"leerlus/review/runchart"
)

func (s *Server) getActionEffect(c *gin.Context) error {
	v, err := s.Review.ActionEffect(c.Request.Context(), access(c), c.Param("action"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, actionEffectBody(v))
	return nil
}

// ActionEffectBody is an action's effect: absent until the action has a
// start date and follows up a recurring lesson.
type ActionEffectBody struct {
	ActionID  string         `json:"action_id"`
	StartedOn *string        `json:"started_on,omitempty"`
	Lessons   []GroupRefBody `json:"lessons"`
	Effect    *EffectBody    `json:"effect,omitempty"`
}

// EffectBody is the run chart of a lesson's recurrence per quarter.
type EffectBody struct {
	Verdict  string            `json:"verdict"`
	Quarters []QuarterRateBody `json:"quarters"`
	Chart    ChartBody         `json:"chart"`
	Before   EffectSideBody    `json:"before"`
	After    EffectSideBody    `json:"after"`
}

// QuarterRateBody is one quarter of the effect series.
type QuarterRateBody struct {
	Period     string   `json:"period"`
	Cases      int      `json:"cases"`
	WithLesson int      `json:"with_lesson"`
	Rate       *float64 `json:"rate,omitempty"`
	When       string   `json:"when"`
}

// EffectSideBody totals one side of the action's start.
type EffectSideBody struct {
	Cases      int      `json:"cases"`
	WithLesson int      `json:"with_lesson"`
	Rate       *float64 `json:"rate,omitempty"`
}

// ChartBody is a run chart: its points with the rules marked.
type ChartBody struct {
	Median float64          `json:"median"`
	Useful int              `json:"useful"`
	TooFew bool             `json:"too_few"`
	Points []ChartPointBody `json:"points"`
}

// ChartPointBody is one point of a run chart.
type ChartPointBody struct {
	Label string  `json:"label"`
	Value float64 `json:"value"`
	Side  int     `json:"side"`
	Shift bool    `json:"shift"`
	Trend bool    `json:"trend"`
}

func chartBody(c runchart.Chart) ChartBody {
	out := ChartBody{Median: c.Median, Useful: c.Useful, TooFew: c.TooFew, Points: make([]ChartPointBody, len(c.Points))}
	for i, p := range c.Points {
		out.Points[i] = ChartPointBody{Label: p.Label, Value: p.Value, Side: p.Side, Shift: p.Shift, Trend: p.Trend}
	}
	return out
}

func actionEffectBody(v *review.ActionEffectView) ActionEffectBody {
	out := ActionEffectBody{ActionID: v.ActionID, StartedOn: v.StartedOn, Lessons: make([]GroupRefBody, len(v.Lessons))}
	for i, g := range v.Lessons {
		out.Lessons[i] = GroupRefBody{ID: g.ID, Statement: g.Statement}
	}
	if e := v.Effect; e != nil {
		b := &EffectBody{Verdict: e.Verdict, Quarters: make([]QuarterRateBody, len(e.Quarters)), Chart: chartBody(e.Chart),
			Before: EffectSideBody{Cases: e.Before.Cases, WithLesson: e.Before.WithLesson, Rate: e.Before.Rate},
			After:  EffectSideBody{Cases: e.After.Cases, WithLesson: e.After.WithLesson, Rate: e.After.Rate}}
		for i, q := range e.Quarters {
			b.Quarters[i] = QuarterRateBody{Period: q.Period.String(), Cases: q.Cases, WithLesson: q.WithLesson, Rate: q.Rate, When: q.When}
		}
		out.Effect = b
	}
	return out
}
