package review

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"leerlus"
	"leerlus/cases"
	"leerlus/review/qda"
)

// WriteCodebookQDC writes the caller's network's codebook as a REFI-QDA
// codebook (.qdc): its themes as non-codable codes with their codes below
// them, Dutch labels and descriptions, the codes in use only (retired and
// merged codes are not offered for new codings, so another tool should
// not offer them either). GUIDs are those of the project exports.
func (s *Service) WriteCodebookQDC(ctx context.Context, acc leerlus.Access, w io.Writer) error {
	cb, err := s.Codebook(ctx, acc, false)
	if err != nil {
		return err
	}
	g, err := newQDAGUIDs()
	if err != nil {
		return err
	}
	var codes []qda.Code
	for _, t := range cb.Themes {
		if t.RetiredAt != nil {
			continue
		}
		theme := qda.Code{GUID: g.theme(t.NetworkID, t.Key), Name: t.LabelNL, Description: t.DescriptionNL}
		for _, c := range t.Codes {
			if c.Offered() {
				theme.Children = append(theme.Children, qda.Code{GUID: g.code(c.NetworkID, c.Key), Name: c.LabelNL,
					Description: c.DescriptionNL, Codable: true})
			}
		}
		codes = append(codes, theme)
	}
	if len(codes) == 0 {
		return leerlus.Errorf(leerlus.CodeConflict, "This codebook has no themes to export.")
	}
	return qda.WriteCodebook(w, "Leerlus", codes)
}

// CodebookImport is what importing a codebook document would add to a
// network's codebook, or has added. Imports only add: a theme or code the
// codebook has already (the same GUID, or the same label in either
// language) is left as it is.
type CodebookImport struct {
	Themes []ImportTheme
	// Known counts the document's themes and codes found in the codebook.
	Known int
	// Token names this plan; applying needs it, so that what is applied is
	// what was previewed.
	Token   string
	Applied bool
}

// ImportTheme is a theme of the document: an existing one (ID set) that
// gets new codes, or a new one.
type ImportTheme struct {
	ID            string // "" for a new theme
	Key           string // "" for a new theme
	Label         string
	Description   string
	New           bool
	Codes         []ImportCode // the codes to add
	ExistingCodes int          // the document's codes found under it
}

// ImportCode is a code to add.
type ImportCode struct {
	Label       string
	Description string
}

// importedTheme is where a flat document's top-level codes go.
const importedTheme = "Geïmporteerd"

// ImportCodebook reads a REFI-QDA codebook (.qdc, or a project.qde's
// codebook) and plans its merge into the caller's network's codebook:
// top-level codes become themes, the codes below them (at any depth)
// codes of that theme, and top-level codes without children codes of a
// theme "Geïmporteerd". New labels are screened like every codebook text.
// Without apply it answers the plan (a preview); with apply and the
// preview's token it adds the new themes and codes, each through AddTheme
// and AddCode (with their history and audit). A plan that no longer
// matches the token answers a conflict: preview again.
func (s *Service) ImportCodebook(ctx context.Context, acc leerlus.Access, doc []byte, apply bool, token string) (*CodebookImport, error) {
	if apply && token == "" {
		return nil, leerlus.Invalid("preview", leerlus.FieldRequired, nil)
	}
	codes, err := qda.ParseCodebook(bytes.NewReader(doc))
	if err != nil {
		var pe *qda.ParseError
		if !errors.As(err, &pe) {
			return nil, err
		}
		// A document that is not a codebook is screened whole before the
		// reason is told, so an identifying text is reported as such and
		// never repeated in an error message.
		if text := documentText(doc); strings.TrimSpace(text) != "" {
			if err := s.cases.ScreenFree([]cases.Text{{Pointer: "/qdc", Field: "/qdc", Value: text}}, cases.Decisions{}); err != nil {
				return nil, err
			}
		}
		return nil, leerlus.Invalid("qdc", leerlus.FieldFormat, leerlus.Params{"format": "qdc", "reason": pe.Reason})
	}
	plan, err := s.planImport(ctx, acc, codes)
	if err != nil {
		return nil, err
	}
	if !apply {
		return plan, nil
	}
	if token != plan.Token {
		return nil, leerlus.Errorf(leerlus.CodeConflict, "The codebook changed since the preview; preview the import again.")
	}
	for i, t := range plan.Themes {
		if t.New {
			label, desc := t.Label, t.Description
			v, err := s.AddTheme(ctx, acc, ThemeInput{Wording: Wording{LabelNL: &label, LabelEN: &label, DescriptionNL: &desc}})
			if err != nil {
				return nil, err
			}
			plan.Themes[i].ID, plan.Themes[i].Key = v.ID, v.Key
		}
		for _, c := range t.Codes {
			label, desc, theme := c.Label, c.Description, plan.Themes[i].ID
			if _, err := s.AddCode(ctx, acc, CodeInput{Wording: Wording{LabelNL: &label, LabelEN: &label, DescriptionNL: &desc}, ThemeID: &theme}); err != nil {
				return nil, err
			}
		}
	}
	plan.Applied = true
	return plan, nil
}

// documentText is the character data and attribute values of a document
// that may not be XML at all, read leniently, for screening.
func documentText(doc []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = false
	var b strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
			b.WriteString("\n")
		case xml.StartElement:
			for _, a := range t.Attr {
				if a.Name.Local == "name" {
					b.WriteString(a.Value + "\n")
				}
			}
		}
	}
	return b.String()
}
