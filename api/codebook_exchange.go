package api

import (
	"bytes"
	"net/http"

	"github.com/gin-gonic/gin"

	"leerlus/review"
)

func (s *Server) getCodebookQDC(c *gin.Context) error {
	// The document is small (a few hundred codes): written to a buffer
	// first, so that an error still answers a problem.
	var buf bytes.Buffer
	if err := s.Review.WriteCodebookQDC(c.Request.Context(), access(c), &buf); err != nil {
		return err
	}
	c.Header("Content-Disposition", `attachment; filename="codebook.qdc"`)
	c.Data(http.StatusOK, "application/xml", buf.Bytes())
	return nil
}

type codebookImportRequest struct {
	QDC     string `json:"qdc"`
	Apply   bool   `json:"apply"`
	Preview string `json:"preview"`
}

type codebookImportBody struct {
	Themes  []importThemeBody `json:"themes"`
	Known   int               `json:"known"`
	Preview string            `json:"preview"`
	Applied bool              `json:"applied"`
}

type importThemeBody struct {
	ID            *string          `json:"id"`
	Key           *string          `json:"key"`
	Label         string           `json:"label"`
	Description   string           `json:"description"`
	New           bool             `json:"new"`
	Codes         []importCodeBody `json:"codes"`
	ExistingCodes int              `json:"existing_codes"`
}

type importCodeBody struct {
	Label       string `json:"label"`
	Description string `json:"description"`
}

func codebookImport(p *review.CodebookImport) codebookImportBody {
	out := codebookImportBody{Themes: []importThemeBody{}, Known: p.Known, Preview: p.Token, Applied: p.Applied}
	for _, t := range p.Themes {
		b := importThemeBody{Label: t.Label, Description: t.Description, New: t.New, ExistingCodes: t.ExistingCodes, Codes: []importCodeBody{}}
		if t.ID != "" {
			id, key := t.ID, t.Key
			b.ID, b.Key = &id, &key
		}
		for _, c := range t.Codes {
			b.Codes = append(b.Codes, importCodeBody{Label: c.Label, Description: c.Description})
		}
		out.Themes = append(out.Themes, b)
	}
	return out
}

func (s *Server) importCodebook(c *gin.Context) error {
	var req codebookImportRequest
	if !s.decode(c, &req) {
		return nil
	}
	p, err := s.Review.ImportCodebook(c.Request.Context(), access(c), []byte(req.QDC), req.Apply, req.Preview)
	if err != nil {
		return err
	}
	writeJSON(c, http.StatusOK, codebookImport(p))
	return nil
}
