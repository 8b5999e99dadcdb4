package api

import (
	"github.com/gin-gonic/gin"

	"leerlus/review"
)

// RecurringAcrossBody is a recurring lesson seen from outside its network,
// with the network's name.
type RecurringAcrossBody struct {
	NetworkName string              `json:"network_name"`
	Lesson      RecurringLessonBody `json:"lesson"`
}

// listRecurringAcross lists the recurring lessons of every network the
// caller studies across (as researcher, or as a manager of the workplace),
// only those on five distinct cases or more. One page.
func (s *Server) listRecurringAcross(c *gin.Context) error {
	if err := unpaged(c); err != nil {
		return err
	}
	list, err := s.Review.RecurringAcross(c.Request.Context(), access(c))
	if err != nil {
		return err
	}
	writeList(c, list, "", func(r review.AcrossNetworks) RecurringAcrossBody {
		return RecurringAcrossBody{NetworkName: r.NetworkName, Lesson: recurringLessonBody(r.RecurringLesson)}
	})
	return nil
}
