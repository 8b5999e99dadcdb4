package review

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"leerlus"
	"leerlus/cases"
	"leerlus/review/qda"
)

// planImport matches a parsed codebook against the network's codebook.
func (s *Service) planImport(ctx context.Context, acc leerlus.Access, doc []qda.Code) (*CodebookImport, error) {
	cb, err := s.Codebook(ctx, acc, false)
	if err != nil {
		return nil, err
	}
	g, err := newQDAGUIDs()
	if err != nil {
		return nil, err
	}
	byGUID := map[string]int{} // theme GUID → index in cb.Themes
	codeGUIDs := map[string]bool{}
	for i, t := range cb.Themes {
		byGUID[g.theme(t.NetworkID, t.Key)] = i
		for _, c := range t.Codes {
			codeGUIDs[g.code(c.NetworkID, c.Key)] = true
		}
	}
	plan := &CodebookImport{}
	planned := map[string]int{} // folded label → index in plan.Themes
	// themeFor finds or plans the theme a document code lands in.
	themeFor := func(guid, label, description string) (int, error) {
		if i, ok := byGUID[guid]; ok {
			return s.planExisting(plan, planned, cb.Themes[i]), nil
		}
		for _, t := range cb.Themes {
			if fold(t.LabelNL) == fold(label) || fold(t.LabelEN) == fold(label) {
				return s.planExisting(plan, planned, t), nil
			}
		}
		if i, ok := planned[fold(label)]; ok {
			return i, nil
		}
		if err := checkImported(label, description); err != nil {
			return 0, err
		}
		plan.Themes = append(plan.Themes, ImportTheme{Label: label, Description: description, New: true, Codes: []ImportCode{}})
		planned[fold(label)] = len(plan.Themes) - 1
		return len(plan.Themes) - 1, nil
	}
	addCode := func(ti int, c qda.Code) error {
		t := &plan.Themes[ti]
		if codeGUIDs[c.GUID] {
			t.ExistingCodes++
			plan.Known++
			return nil
		}
		if t.ID != "" {
			for _, x := range cb.Themes {
				if x.ID != t.ID {
					continue
				}
				for _, e := range x.Codes {
					if fold(e.LabelNL) == fold(c.Name) || fold(e.LabelEN) == fold(c.Name) {
						t.ExistingCodes++
						plan.Known++
						return nil
					}
				}
			}
		}
		for _, n := range t.Codes {
			if fold(n.Label) == fold(c.Name) {
				return nil // named twice in the document
			}
		}
		if err := checkImported(c.Name, c.Description); err != nil {
			return err
		}
		t.Codes = append(t.Codes, ImportCode{Label: c.Name, Description: c.Description})
		return nil
	}
	for _, top := range doc {
		var ti int
		if len(top.Children) == 0 {
			ti, err = themeFor("", importedTheme, "")
			if err == nil {
				err = addCode(ti, top)
			}
		} else {
			ti, err = themeFor(top.GUID, top.Name, top.Description)
			for _, c := range descendants(top.Children) {
				if err == nil {
					err = addCode(ti, c)
				}
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if err := s.screenImport(plan); err != nil {
		return nil, err
	}
	plan.Token = plan.token()
	return plan, nil
}

// planExisting plans an existing theme once and returns its index.
func (s *Service) planExisting(plan *CodebookImport, planned map[string]int, t ThemeView) int {
	if i, ok := planned["id:"+t.ID]; ok {
		return i
	}
	plan.Themes = append(plan.Themes, ImportTheme{ID: t.ID, Key: t.Key, Label: t.LabelNL, Description: t.DescriptionNL, Codes: []ImportCode{}})
	plan.Known++
	i := len(plan.Themes) - 1
	planned["id:"+t.ID] = i
	planned[fold(t.LabelNL)], planned[fold(t.LabelEN)] = i, i
	return i
}

// descendants flattens a code tree: a codebook here has two levels.
func descendants(codes []qda.Code) []qda.Code {
	var out []qda.Code
	for _, c := range codes {
		out = append(out, c)
		out = append(out, descendants(c.Children)...)
	}
	return out
}

// checkImported refuses a label or description longer than a codebook's
// texts may be, naming it, so the facilitator can shorten it in the file.
func checkImported(label, description string) error {
	if n := len([]rune(label)); n > LabelMax {
		return leerlus.Invalid("qdc", leerlus.FieldTooLong, leerlus.Params{"max": LabelMax, "reason": fmt.Sprintf("the name %q is too long", label)})
	}
	if n := len([]rune(description)); n > DescriptionMax {
		return leerlus.Invalid("qdc", leerlus.FieldTooLong, leerlus.Params{"max": DescriptionMax, "reason": fmt.Sprintf("the description of %q is too long", label)})
	}
	return nil
}

// screenImport screens every text the import would store.
func (s *Service) screenImport(plan *CodebookImport) error {
	var texts []cases.Text
	add := func(v string) {
		if v != "" {
			texts = append(texts, cases.Text{Pointer: "/qdc", Field: "/qdc", Value: v})
		}
	}
	for _, t := range plan.Themes {
		if t.New {
			add(t.Label)
			add(t.Description)
		}
		for _, c := range t.Codes {
			add(c.Label)
			add(c.Description)
		}
	}
	if len(texts) == 0 {
		return nil
	}
	return s.cases.ScreenFree(texts, cases.Decisions{})
}

// token is a digest of what the plan would add and where.
func (p *CodebookImport) token() string {
	h := sha256.New()
	for _, t := range p.Themes {
		fmt.Fprintf(h, "theme\x1f%s\x1f%s\x1f%s\x1e", t.ID, t.Label, t.Description)
		for _, c := range t.Codes {
			fmt.Fprintf(h, "code\x1f%s\x1f%s\x1e", c.Label, c.Description)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}
