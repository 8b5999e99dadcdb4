package api

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/review"
)

// closestDefault is how many closest groups a lesson gets unless the
// request asks for another number (at most closestLimit).
const (
	closestDefault = 3
	closestLimit   = 10
)

// listRecurringLessons lists a network's recurring lessons in one answer:
// a network has tens of them, not thousands, so the list has no pages and
// a cursor is refused rather than ignored.
func (s *Server) listRecurringLessons(c *gin.Context) error {
	if err := unpaged(c); err != nil {
		return err
	}
	var f review.GroupFilter
	switch c.Query("all") {
	case "", "false":
	case "true":
		f.All = true
	default:
		return leerlus.Invalid("all", leerlus.FieldOneOf, leerlus.Params{"allowed": []string{"true", "false"}})
	}
	list, err := s.Review.RecurringLessons(c.Request.Context(), access(c), f)
	if err != nil {
		return err
	}
	writeList(c, list, "", recurringLessonBody)
	return nil
}

// unpaged refuses the cursor of a list that comes in one page.
func unpaged(c *gin.Context) error {
	if _, ok := c.GetQuery("cursor"); ok {
		return leerlus.Invalid("cursor", leerlus.FieldNotAllowed, leerlus.Params{"reason": "unpaged"})
	}
	return nil
}

func (s *Server) getRecurringLesson(c *gin.Context) error {
	r, err := s.Review.RecurringLesson(c.Request.Context(), access(c), c.Param("group"))
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, recurringLessonDetailBody(r))
	return nil
}

// patchRecurringLesson renames, dismisses or restores a recurring lesson.
func (s *Server) patchRecurringLesson(c *gin.Context) error {
	var req groupUpdateRequest
	if !s.decode(c, &req) {
		return nil
	}
	r, err := s.Review.UpdateGroup(c.Request.Context(), access(c), c.Param("group"), req.input())
	return s.writeRecurring(c, r, err)
}

func (s *Server) splitRecurringLesson(c *gin.Context) error {
	var req groupSplitRequest
	if !s.decode(c, &req) {
		return nil
	}
	r, err := s.Review.SplitGroup(c.Request.Context(), access(c), c.Param("group"), req.Version, req.Lessons)
	return s.writeRecurring(c, r, err)
}

func (s *Server) mergeRecurringLessons(c *gin.Context) error {
	var req groupMergeRequest
	if !s.decode(c, &req) {
		return nil
	}
	r, err := s.Review.MergeGroups(c.Request.Context(), access(c), c.Param("group"), req.Version, req.Groups)
	return s.writeRecurring(c, r, err)
}

func (s *Server) placeInRecurringLesson(c *gin.Context) error {
	var req groupPlaceRequest
	if !s.decode(c, &req) {
		return nil
	}
	r, err := s.Review.PlaceLesson(c.Request.Context(), access(c), c.Param("group"), req.Version, req.Lesson)
	return s.writeRecurring(c, r, err)
}

func (s *Server) writeRecurring(c *gin.Context, r *review.RecurringLesson, err error) error {
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, recurringLessonDetailBody(r))
	return nil
}

// closestGroups lists the groups a lesson could be placed in, best first.
func (s *Server) closestGroups(c *gin.Context) error {
	if err := unpaged(c); err != nil {
		return err
	}
	k := closestDefault
	if v := c.Query("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > closestLimit {
			return leerlus.Invalid("limit", leerlus.FieldOutOfRange, leerlus.Params{"min": 1, "max": closestLimit})
		}
		k = n
	}
	list, err := s.Review.ClosestGroups(c.Request.Context(), access(c), c.Param("lesson"), k)
	if err != nil {
		return err
	}
	writeList(c, list, "", groupMatchBody)
	return nil
}
