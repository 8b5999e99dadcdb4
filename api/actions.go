package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/review"
)

// listActions answers the action board: one page with the counts of its
// columns.
func (s *Server) listActions(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	f := review.ActionFilter{Status: c.Query("status"), Phase: c.Query("phase"), Owner: c.Query("owner"), Lesson: c.Query("lesson")}
	if f.Overdue, err = boolQuery(c, "overdue"); err != nil {
		return err
	}
	if f.Stalled, err = boolQuery(c, "stalled"); err != nil {
		return err
	}
	b, err := s.Review.Actions(c.Request.Context(), access(c), f, p)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, actionBoardBody(b))
	return nil
}

// boolQuery reads an optional true/false query parameter.
func boolQuery(c *gin.Context, name string) (bool, error) {
	switch c.Query(name) {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	}
	return false, leerlus.Invalid(name, leerlus.FieldOneOf, leerlus.Params{"allowed": []string{"true", "false"}})
}

func (s *Server) proposeAction(c *gin.Context) error {
	var req proposeActionRequest
	if !s.decode(c, &req) {
		return nil
	}
	v, err := s.Review.Propose(c.Request.Context(), access(c), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, actionBody(v))
	return nil
}

func (s *Server) getAction(c *gin.Context) error {
	v, err := s.Review.GetAction(c.Request.Context(), access(c), c.Param("action"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, actionBody(v))
	return nil
}

func (s *Server) patchAction(c *gin.Context) error {
	var req actionEditRequest
	if !s.decode(c, &req) {
		return nil
	}
	v, err := s.Review.UpdateAction(c.Request.Context(), access(c), c.Param("action"), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, actionBody(v))
	return nil
}

func (s *Server) changeActionStatus(c *gin.Context) error {
	var req actionStatusRequest
	if !s.decode(c, &req) {
		return nil
	}
	v, err := s.Review.ChangeStatus(c.Request.Context(), access(c), c.Param("action"), review.StatusChange{
		Version: req.Version, Status: req.Status, OwnerID: req.OwnerID, Reason: req.Reason, Decisions: decisions(req.Dismissed, req.Confirmed)})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, actionBody(v))
	return nil
}

func (s *Server) listProgress(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	entries, next, err := s.Review.ProgressLog(c.Request.Context(), access(c), c.Param("action"), p)
	if err != nil {
		return err
	}
	writeList(c, entries, next, progressBody)
	return nil
}

func (s *Server) addProgress(c *gin.Context) error {
	var req progressRequest
	if !s.decode(c, &req) {
		return nil
	}
	e, err := s.Review.AddProgress(c.Request.Context(), access(c), c.Param("action"),
		review.ProgressInput{Text: req.Text, Phase: req.Phase, Decisions: decisions(req.Dismissed, req.Confirmed)})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, progressBody(*e))
	return nil
}

// getAttention lists what needs the caller's attention in the network.
func (s *Server) getAttention(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	items, next, err := s.Review.Attention(c.Request.Context(), access(c), p)
	if err != nil {
		return err
	}
	writeList(c, items, next, attentionBody)
	return nil
}

func (s *Server) getDigest(c *gin.Context) error {
	d, err := s.Review.Digest(c.Request.Context(), access(c))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, digestBody(d))
	return nil
}
