package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus/review"
)

func (s *Server) listLessons(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	f := review.LessonFilter{Status: c.Query("status"), Code: c.Query("code"), Case: c.Query("case"), Q: c.Query("q")}
	l, err := s.Review.Lessons(c.Request.Context(), access(c), f, p)
	if err != nil {
		return err
	}
	writeList(c, l.Items, l.NextCursor, lessonSummaryBody)
	return nil
}

func (s *Server) getLesson(c *gin.Context) error {
	v, err := s.Review.Lesson(c.Request.Context(), access(c), c.Param("lesson"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, lessonBody(v))
	return nil
}

// rewordLesson changes the wording or codes of a lesson.
func (s *Server) rewordLesson(c *gin.Context) error {
	var req lessonEditRequest
	if !s.decode(c, &req) {
		return nil
	}
	v, err := s.Review.Reword(c.Request.Context(), access(c), c.Param("lesson"), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, lessonBody(v))
	return nil
}

func (s *Server) acceptLesson(c *gin.Context) error {
	var req lessonEditRequest
	if !s.decode(c, &req) {
		return nil
	}
	v, err := s.Review.Accept(c.Request.Context(), access(c), c.Param("lesson"), req.input())
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, lessonBody(v))
	return nil
}

func (s *Server) rejectLesson(c *gin.Context) error {
	var req rejectLessonRequest
	if !s.decode(c, &req) {
		return nil
	}
	v, err := s.Review.Reject(c.Request.Context(), access(c), c.Param("lesson"),
		review.Rejection{Version: req.Version, Reason: req.Reason, Decisions: decisions(req.Dismissed, req.Confirmed)})
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, lessonBody(v))
	return nil
}

func (s *Server) reopenLesson(c *gin.Context) error {
	var req versionRequest
	if !s.decode(c, &req) {
		return nil
	}
	v, err := s.Review.Reopen(c.Request.Context(), access(c), c.Param("lesson"), req.Version)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, lessonBody(v))
	return nil
}

func (s *Server) mergeLessons(c *gin.Context) error {
	var req mergeLessonsRequest
	if !s.decode(c, &req) {
		return nil
	}
	in := review.LessonMergeInput{Into: req.Into}
	for _, l := range req.Lessons {
		in.Lessons = append(in.Lessons, review.VersionedID{ID: l.ID, Version: l.Version})
	}
	v, err := s.Review.Merge(c.Request.Context(), access(c), in)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, lessonBody(v))
	return nil
}

func (s *Server) getLessonHistory(c *gin.Context) error {
	p, err := page(c)
	if err != nil {
		return err
	}
	changes, next, err := s.Review.LessonHistory(c.Request.Context(), access(c), c.Param("lesson"), p)
	if err != nil {
		return err
	}
	writeList(c, changes, next, lessonChangeBody)
	return nil
}
