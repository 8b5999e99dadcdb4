package api

import (
	"bufio"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus"
	"leerlus/cases"
	"leerlus/review"
)

// exportFilter reads an export's query: networks, outcome and age_band
// repeat (or hold comma-free single values); service, phase, from, to
// and excel are single.
func exportFilter(c *gin.Context) (review.ExportFilter, error) {
	q := c.Request.URL.Query()
	f := review.ExportFilter{Networks: q["networks"], Outcomes: q["outcome"], AgeBands: q["age_band"],
		Service: c.Query("service"), Phase: c.Query("phase")}
	var err error
	if f.From, err = cases.ParsePeriod("from", c.Query("from")); err != nil {
		return f, err
	}
	if f.To, err = cases.ParsePeriod("to", c.Query("to")); err != nil {
		return f, err
	}
	switch c.Query("excel") {
	case "", "false":
	case "true":
		f.Excel = true
	default:
		return f, leerlus.Invalid("excel", leerlus.FieldOneOf, leerlus.Params{"allowed": []string{"true", "false"}})
	}
	return f, nil
}

// startExport checks the request and starts the export (audited), then
// sets the headers of a download. After it, every error can only cut the
// connection: the status is sent.
func (s *Server) startExport(c *gin.Context, kind review.ExportKind, contentType string) (*review.Export, review.ExportFilter, error) {
	f, err := exportFilter(c)
	if err != nil {
		return nil, f, err
	}
	if f.Excel && kind != review.ExportCodingsCSV && kind != review.ExportLessonsCSV {
		return nil, f, leerlus.Invalid("excel", leerlus.FieldNotAllowed, leerlus.Params{"reason": "csv_only"})
	}
	exp, err := s.Review.StartExport(c.Request.Context(), access(c), kind, f)
	if err != nil {
		return nil, f, err
	}
	c.Header("Content-Type", contentType)
	c.Header("Content-Disposition", `attachment; filename="leerlus-`+string(kind)+`"`)
	c.Status(http.StatusOK)
	return exp, f, nil
}

// abortStream ends a download that failed after its status was sent:
// logged, and the connection cut, so that the client sees an incomplete
// transfer instead of a file that merely looks short.
func (s *Server) abortStream(c *gin.Context, err error) {
	s.Log.ErrorContext(c.Request.Context(), "export failed while streaming", slog.String("request_id", requestID(c)),
		slog.String("route", c.FullPath()), slog.Any("error", err))
	panic(http.ErrAbortHandler)
}

// flushEvery is how many rows go out between flushes: often enough that a
// large export shows progress, seldom enough to cost nothing.
const flushEvery = 2000

func (s *Server) exportCodingsCSV(c *gin.Context) error {
	exp, f, err := s.startExport(c, review.ExportCodingsCSV, csvContentType)
	if err != nil {
		return err
	}
	w := newCSVWriter(c.Writer, f.Excel)
	w.header(codingColumns())
	err = exp.EachCoding(c.Request.Context(), func(r review.CodingRow) error { return w.codingRow(&r) })
	if err == nil {
		err = w.close()
	}
	if err != nil {
		s.abortStream(c, err)
	}
	return nil
}

func (s *Server) exportLessonsCSV(c *gin.Context) error {
	exp, f, err := s.startExport(c, review.ExportLessonsCSV, csvContentType)
	if err != nil {
		return err
	}
	w := newCSVWriter(c.Writer, f.Excel)
	w.header(lessonColumns())
	err = exp.EachLesson(c.Request.Context(), func(r review.LessonRow) error { return w.lessonRow(&r) })
	if err == nil {
		err = w.close()
	}
	if err != nil {
		s.abortStream(c, err)
	}
	return nil
}

func (s *Server) exportCodingsJSON(c *gin.Context) error {
	exp, _, err := s.startExport(c, review.ExportCodingsJSON, "application/json")
	if err != nil {
		return err
	}
	w := newJSONArray(c.Writer)
	err = exp.EachCoding(c.Request.Context(), func(r review.CodingRow) error { return w.item(codingObject(r)) })
	if err == nil {
		err = w.close()
	}
	if err != nil {
		s.abortStream(c, err)
	}
	return nil
}

func (s *Server) exportLessonsJSON(c *gin.Context) error {
	exp, _, err := s.startExport(c, review.ExportLessonsJSON, "application/json")
	if err != nil {
		return err
	}
	w := newJSONArray(c.Writer)
	err = exp.EachLesson(c.Request.Context(), func(r review.LessonRow) error { return w.item(lessonObject(r)) })
	if err == nil {
		err = w.close()
	}
	if err != nil {
		s.abortStream(c, err)
	}
	return nil
}

func (s *Server) exportProject(c *gin.Context) error {
	exp, _, err := s.startExport(c, review.ExportProject, "application/zip")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(c.Writer, 64<<10)
	err = exp.WriteProject(c.Request.Context(), bw)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		s.abortStream(c, err)
	}
	return nil
}
