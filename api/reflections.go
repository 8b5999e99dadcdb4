package api

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/review"
)

func (s *Server) caseReflections(c *gin.Context) error {
	v, err := s.Review.ForCase(c.Request.Context(), access(c), c.Param("case"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, caseReflectionsBody(v))
	return nil
}

func (s *Server) createReflection(c *gin.Context) error {
	var req reflectionRequest
	if !s.decode(c, &req) {
		return nil
	}
	if req.Version != 0 {
		return leerlus.Invalid("version", leerlus.FieldNotAllowed, leerlus.Params{"reason": "new_reflection"})
	}
	v, err := s.Review.Create(c.Request.Context(), access(c), c.Param("case"), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusCreated, reflectionBody(v))
	return nil
}

func (s *Server) getReflection(c *gin.Context) error {
	v, err := s.Review.Get(c.Request.Context(), access(c), c.Param("reflection"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, reflectionBody(v))
	return nil
}

func (s *Server) patchReflection(c *gin.Context) error {
	var req reflectionRequest
	if !s.decode(c, &req) {
		return nil
	}
	v, err := s.Review.Update(c.Request.Context(), access(c), c.Param("reflection"), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, reflectionBody(v))
	return nil
}

func (s *Server) deleteReflection(c *gin.Context) error {
	version, err := versionQuery(c)
	if err != nil {
		return err
	}
	if err := s.Review.Delete(c.Request.Context(), access(c), c.Param("reflection"), version); err != nil {
		return err
	}
	c.Status(http.StatusNoContent)
	return nil
}

func (s *Server) scanReflectionText(c *gin.Context) error {
	var req caseScanRequest
	if !s.decode(c, &req) {
		return nil
	}
	fs, err := s.Review.Scan(c.Request.Context(), access(c), c.Param("reflection"), req.Text)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, CaseScanBody{Findings: findingBodies(fs)})
	return nil
}

type reflectionStepFunc = func(ctx context.Context, acc leerlus.Access, id string, version int) (*review.ReflectionView, error)

// The lifecycle steps that need only the version.
func submitReflection(rs *review.Service) reflectionStepFunc   { return rs.Submit }
func withdrawReflection(rs *review.Service) reflectionStepFunc { return rs.Withdraw }
func publishReflection(rs *review.Service) reflectionStepFunc  { return rs.Publish }

// reflectionStep adapts a lifecycle step that needs only the version.
func (s *Server) reflectionStep(step func(*review.Service) reflectionStepFunc) func(*gin.Context) error {
	return func(c *gin.Context) error {
		var req versionRequest
		if !s.decode(c, &req) {
			return nil
		}
		v, err := step(s.Review)(c.Request.Context(), access(c), c.Param("reflection"), req.Version)
		if err != nil {
			return err
		}
		writeJSON(c, http.StatusOK, reflectionBody(v))
		return nil
	}
}

func (s *Server) sendBackReflection(c *gin.Context) error {
	var req reflectionSendBackRequest
	if !s.decode(c, &req) {
		return nil
	}
	v, err := s.Review.SendBack(c.Request.Context(), access(c), c.Param("reflection"),
		review.SendBack{Version: req.Version, Comment: req.Comment, RealIdentifiers: req.RealIdentifiers, Missed: req.Missed, Decisions: decisions(req.Dismissed, req.Confirmed)})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, reflectionBody(v))
	return nil
}

func (s *Server) recodeItem(c *gin.Context) error {
	var req recodeRequest
	if !s.decode(c, &req) {
		return nil
	}
	v, err := s.Review.Recode(c.Request.Context(), access(c), c.Param("reflection"), c.Param("item"), req.Version, codings(req.Codes))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, reflectionBody(v))
	return nil
}

func (s *Server) listReflections(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	status := review.Status(c.Query("status"))
	switch status {
	case "", review.StatusDraft, review.StatusSubmitted, review.StatusPublished:
	default:
		return leerlus.Invalid("status", leerlus.FieldOneOf, leerlus.Params{"allowed": []string{"draft", "submitted", "published"}})
	}
	acc := access(c)
	rows, next, err := s.Review.Queue(c.Request.Context(), acc, status, p)
	if err != nil {
		return err
	}
	writeList(c, rows, next, func(r review.QueueEntry) ReflectionSummaryBody {
		return ReflectionSummaryBody{ID: r.ID, CaseID: r.CaseID, CaseTitle: r.CaseTitle, Perspective: r.Perspective, Status: r.Status,
			Mine: r.AuthorID == acc.PersonID(), UpdatedAt: r.UpdatedAt, SubmittedAt: r.SubmittedAt, Version: r.Version}
	})
	return nil
}
