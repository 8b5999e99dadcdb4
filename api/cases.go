package api

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/cases"
)

func (s *Server) listCases(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	f, err := caseFilter(c)
	if err != nil {
		return err
	}
	l, err := s.Cases.List(c.Request.Context(), access(c), f, p)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, caseListBody(l))
	return nil
}

// caseFilter reads the list's query parameters.
func caseFilter(c *gin.Context) (cases.Filter, error) {
	f := cases.Filter{Outcome: c.Query("outcome"), Status: c.Query("status"), AgeBand: c.Query("age_band"),
		Service: c.Query("service"), Phase: c.Query("phase")}
	var err error
	if f.From, err = cases.ParsePeriod("from", c.Query("from")); err != nil {
		return f, err
	}
	if f.To, err = cases.ParsePeriod("to", c.Query("to")); err != nil {
		return f, err
	}
	switch c.Query("mine") {
	case "", "false":
	case "true":
		f.Mine = true
	default:
		return f, leerlus.Invalid("mine", leerlus.FieldOneOf, leerlus.Params{"allowed": []string{"true", "false"}})
	}
	return f, nil
}

func (s *Server) createCase(c *gin.Context) error {
	var req caseRequest
	if !s.decode(c, &req) {
		return nil
	}
	if req.Version != 0 || req.Ongoing != nil {
		field := "version"
		if req.Ongoing != nil {
			field = "ongoing"
		}
		return leerlus.Invalid(field, leerlus.FieldNotAllowed, leerlus.Params{"reason": "new_case"})
	}
	v, err := s.Cases.Create(c.Request.Context(), access(c), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, caseBody(v))
	return nil
}

func (s *Server) getCase(c *gin.Context) error {
	v, err := s.Cases.Get(c.Request.Context(), access(c), c.Param("case"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, caseBody(v))
	return nil
}

func (s *Server) patchCase(c *gin.Context) error {
	var req caseRequest
	if !s.decode(c, &req) {
		return nil
	}
	if req.Episodes != nil {
		return leerlus.Invalid("episodes", leerlus.FieldNotAllowed, leerlus.Params{"reason": "use_episode_routes"})
	}
	v, err := s.Cases.Update(c.Request.Context(), access(c), c.Param("case"), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, caseBody(v))
	return nil
}

func (s *Server) deleteCase(c *gin.Context) error {
	version, err := versionQuery(c)
	if err != nil {
		return err
	}
	if err := s.Cases.Delete(c.Request.Context(), access(c), c.Param("case"), version); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}

// versionQuery reads ?version= of a DELETE, which has no body.
func versionQuery(c *gin.Context) (int, error) {
	v, err := strconv.Atoi(c.Query("version"))
	if err != nil || v < 1 {
		return 0, leerlus.Invalid("version", leerlus.FieldRequired, nil)
	}
	return v, nil
}

func (s *Server) scanCaseText(c *gin.Context) error {
	var req caseScanRequest
	if !s.decode(c, &req) {
		return nil
	}
	fs, err := s.Cases.Scan(c.Request.Context(), access(c), c.Param("case"), req.Text)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, CaseScanBody{Findings: findingBodies(fs)})
	return nil
}

func (s *Server) addEpisode(c *gin.Context) error {
	var req episodeRequest
	if !s.decode(c, &req) {
		return nil
	}
	if req.Version != 0 {
		return leerlus.Invalid("version", leerlus.FieldNotAllowed, leerlus.Params{"reason": "new_episode"})
	}
	e, err := s.Cases.AddEpisode(c.Request.Context(), access(c), c.Param("case"), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, episodeBody(*e, nil))
	return nil
}

func (s *Server) patchEpisode(c *gin.Context) error {
	var req episodeRequest
	if !s.decode(c, &req) {
		return nil
	}
	e, err := s.Cases.UpdateEpisode(c.Request.Context(), access(c), c.Param("case"), c.Param("episode"), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, episodeBody(*e, nil))
	return nil
}

func (s *Server) deleteEpisode(c *gin.Context) error {
	version, err := versionQuery(c)
	if err != nil {
		return err
	}
	if err := s.Cases.DeleteEpisode(c.Request.Context(), access(c), c.Param("case"), c.Param("episode"), version); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}

func (s *Server) orderEpisodes(c *gin.Context) error {
	var req episodeOrderRequest
	if !s.decode(c, &req) {
		return nil
	}
	v, err := s.Cases.ReorderEpisodes(c.Request.Context(), access(c), c.Param("case"), req.Version, req.Episodes)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, caseBody(v))
	return nil
}

// The lifecycle steps that need only the version.
func submitCase(cs *cases.Service) caseStepFunc   { return cs.Submit }
func withdrawCase(cs *cases.Service) caseStepFunc { return cs.Withdraw }
func publishCase(cs *cases.Service) caseStepFunc  { return cs.Publish }
func archiveCase(cs *cases.Service) caseStepFunc  { return cs.Archive }

type caseStepFunc = func(ctx context.Context, acc leerlus.Access, id string, version int) (*cases.View, error)

// caseStep adapts a lifecycle step that needs only the version.
func (s *Server) caseStep(step func(*cases.Service) caseStepFunc) func(*gin.Context) error {
	return func(c *gin.Context) error {
		var req versionRequest
		if !s.decode(c, &req) {
			return nil
		}
		v, err := step(s.Cases)(c.Request.Context(), access(c), c.Param("case"), req.Version)
		if err != nil {
			return err
		}
		writeJSON(c, http.StatusOK, caseBody(v))
		return nil
	}
}

func (s *Server) sendBackCase(c *gin.Context) error {
	var req sendBackRequest
	if !s.decode(c, &req) {
		return nil
	}
	v, err := s.Cases.SendBack(c.Request.Context(), access(c), c.Param("case"),
		cases.Review{Version: req.Version, Comment: req.Comment, RealIdentifiers: req.RealIdentifiers, Missed: req.Missed,
			Decisions: decisions(req.Dismissed, req.Confirmed)})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, caseBody(v))
	return nil
}

// QualityRowBody is how the anonymiser fared with one type of identifier.
type QualityRowBody struct {
	Type               string  `json:"type"`
	Findings           int     `json:"findings"`
	Replaced           int     `json:"replaced"`
	DismissalsAccepted int     `json:"dismissals_accepted"`
	RealIdentifiers    int     `json:"real_identifiers"`
	Confirmed          int     `json:"confirmed"`
	Missed             int     `json:"missed"`
	DismissalRate      float64 `json:"dismissal_rate"`
}

// QualityBody is the anonymiser's quality report.
type QualityBody struct {
	Since *time.Time       `json:"since,omitempty"`
	Types []QualityRowBody `json:"types"`
}

func (s *Server) getAnonymiserQuality(c *gin.Context) error {
	var since time.Time
	if v := c.Query("since"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return leerlus.Invalid("since", leerlus.FieldFormat, leerlus.Params{"format": "date_time"})
		}
		since = t
	}
	rows, err := s.Cases.Quality(c.Request.Context(), since)
	if err != nil {
		return err
	}
	out := QualityBody{Types: make([]QualityRowBody, len(rows))}
	if !since.IsZero() {
		out.Since = &since
	}
	for i, q := range rows {
		out.Types[i] = QualityRowBody{Type: q.Type, Findings: q.Findings(), Replaced: q.Replaced, DismissalsAccepted: q.DismissalsAccepted,
			RealIdentifiers: q.RealIdentifiers, Confirmed: q.Confirmed, Missed: q.Missed, DismissalRate: q.DismissalRate()}
	}
	writeJSON(c, http.StatusOK, out)
	return nil
}
