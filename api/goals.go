package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"leerlus/review"
)

func (s *Server) listGoals(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	goals, next, err := s.Review.Goals(c.Request.Context(), access(c), p)
	if err != nil {
		return err
	}
	writeList(c, goals, next, goalBody)
	return nil
}

func (s *Server) createGoal(c *gin.Context) error {
	var req goalRequest
	if !s.decode(c, &req) {
		return nil
	}
	g, err := s.Review.CreateGoal(c.Request.Context(), access(c), review.GoalInput{Name: req.Name, Unit: req.Unit,
		Baseline: req.Baseline, Target: req.Target, Decisions: decisions(req.Dismissed, req.Confirmed)})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, goalBody(*g))
	return nil
}

func (s *Server) getGoal(c *gin.Context) error {
	g, err := s.Review.GetGoal(c.Request.Context(), access(c), c.Param("goal"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, goalBody(*g))
	return nil
}

func (s *Server) patchGoal(c *gin.Context) error {
	var req goalEditRequest
	if !s.decode(c, &req) {
		return nil
	}
	g, err := s.Review.UpdateGoal(c.Request.Context(), access(c), c.Param("goal"), review.GoalEdit{Version: req.Version,
		Name: req.Name, Unit: req.Unit, Baseline: req.Baseline, Target: req.Target, Decisions: decisions(req.Dismissed, req.Confirmed)})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, goalBody(*g))
	return nil
}

func (s *Server) addMeasurement(c *gin.Context) error {
	var req measurementRequest
	if !s.decode(c, &req) {
		return nil
	}
	g, err := s.Review.AddMeasurement(c.Request.Context(), access(c), c.Param("goal"), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, goalBody(*g))
	return nil
}

func (s *Server) patchMeasurement(c *gin.Context) error {
	var req measurementRequest
	if !s.decode(c, &req) {
		return nil
	}
	g, err := s.Review.UpdateMeasurement(c.Request.Context(), access(c), c.Param("goal"), c.Param("measurement"), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, goalBody(*g))
	return nil
}

// deleteMeasurement answers with the goal, whose version the removal
// changed.
func (s *Server) deleteMeasurement(c *gin.Context) error {
	version, err := versionQuery(c)
	if err != nil {
		return err
	}
	g, err := s.Review.DeleteMeasurement(c.Request.Context(), access(c), c.Param("goal"), c.Param("measurement"), version)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, goalBody(*g))
	return nil
}

// GoalBody is a network goal with its measurements, oldest first.
type GoalBody struct {
	ID           string            `json:"id"`
	NetworkID    string            `json:"network_id"`
	Name         string            `json:"name"`
	Unit         string            `json:"unit"`
	Baseline     *float64          `json:"baseline,omitempty"`
	Target       float64           `json:"target"`
	Measurements []MeasurementBody `json:"measurements"`
	CreatedAt    time.Time         `json:"created_at"`
	UpdatedAt    time.Time         `json:"updated_at"`
	Version      int               `json:"version"`
}

// MeasurementBody is a goal's value on one date.
type MeasurementBody struct {
	ID         string    `json:"id"`
	MeasuredOn string    `json:"measured_on"`
	Value      float64   `json:"value"`
	EnteredAt  time.Time `json:"entered_at"`
}

func goalBody(g review.GoalView) GoalBody {
	out := GoalBody{ID: g.ID, NetworkID: g.NetworkID, Name: g.Name, Unit: g.Unit, Baseline: g.Baseline, Target: g.Target,
		Measurements: make([]MeasurementBody, len(g.Measurements)), CreatedAt: g.CreatedAt, UpdatedAt: g.UpdatedAt, Version: g.Version}
	for i, m := range g.Measurements {
		out.Measurements[i] = MeasurementBody{ID: m.ID, MeasuredOn: m.MeasuredOn, Value: m.Value, EnteredAt: m.EnteredAt}
	}
	return out
}

type goalRequest struct {
	Name      string        `json:"name"`
	Unit      string        `json:"unit"`
	Baseline  *float64      `json:"baseline"`
	Target    *float64      `json:"target"`
	Dismissed []markRequest `json:"dismissed"`
	Confirmed []markRequest `json:"confirmed"`
}

type goalEditRequest struct {
	Name      *string       `json:"name"`
	Unit      *string       `json:"unit"`
	Baseline  *float64      `json:"baseline"`
	Target    *float64      `json:"target"`
	Dismissed []markRequest `json:"dismissed"`
	Confirmed []markRequest `json:"confirmed"`
	Version   int           `json:"version"`
}

type measurementRequest struct {
	MeasuredOn *string  `json:"measured_on"`
	Value      *float64 `json:"value"`
	Version    int      `json:"version"`
}

func (r measurementRequest) input() review.MeasurementInput {
	return review.MeasurementInput{Version: r.Version, MeasuredOn: r.MeasuredOn, Value: r.Value}
}
