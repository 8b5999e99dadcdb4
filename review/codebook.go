package review

import (
	"context"
	"encoding/json"
	"fmt"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
)

// CodebookView is a network's codebook as it is shown: its themes in
// order, each with its codes in order. Retired and merged codes are part
// of it, marked, because old material still names them; the code picker
// leaves them out.
type CodebookView struct {
	NetworkID string
	Themes    []ThemeView
}

// ThemeView is a theme with its codes.
type ThemeView struct {
	Theme
	Codes []CodeView
}

// CodeView is a code with its examples decoded and, for the network's
// facilitators, how often it is used.
type CodeView struct {
	Code
	ExampleList []string
	// Usage is nil for callers who do not manage the codebook: it counts
	// codings in drafts too, and it is no research aggregate.
	Usage *Usage
}

// Usage counts what carries a code: codings of reflection items (split by
// whether the factor helped or hindered) and lessons.
type Usage struct {
	Codings  int
	Helped   int
	Hindered int
	Lessons  int
}

// Offered reports whether the code picker offers the code for new codings.
func (c Code) Offered() bool { return c.RetiredAt == nil && c.MergedInto == nil }

// Codebook reads the caller's network's codebook, copying the project's
// default into the network first if it has none yet. With usage, each
// code says how often it is used: for the network's facilitators only,
// and only when asked, because counting reads every coding of the
// network (the code picker does not need it).
func (s *Service) Codebook(ctx context.Context, acc leerlus.Access, usage bool) (*CodebookView, error) {
	if usage && !managesCodebook(acc) {
		return nil, leerlus.Errorf(leerlus.CodeForbidden, "Only the network's facilitators see how often codes are used.")
	}
	if err := s.ensureSeeded(ctx, acc.NetworkID); err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	var themes []Theme
	if err := db.Where("network_id = ?", acc.NetworkID).Order("position, id").Find(&themes).Error; err != nil {
		return nil, err
	}
	var codes []Code
	if err := db.Where("network_id = ?", acc.NetworkID).Order("position, id").Find(&codes).Error; err != nil {
		return nil, err
	}
	var counts map[string]*Usage
	if usage {
		var err error
		if counts, err = codeUsage(db, acc.NetworkID, nil); err != nil {
			return nil, err
		}
	}
	byTheme := map[string][]CodeView{}
	for _, c := range codes {
		v, err := codeView(c, counts)
		if err != nil {
			return nil, err
		}
		byTheme[c.ThemeID] = append(byTheme[c.ThemeID], v)
	}
	out := &CodebookView{NetworkID: acc.NetworkID, Themes: make([]ThemeView, len(themes))}
	for i, t := range themes {
		out.Themes[i] = ThemeView{Theme: t, Codes: byTheme[t.ID]}
		if out.Themes[i].Codes == nil {
			out.Themes[i].Codes = []CodeView{}
		}
	}
	return out, nil
}

// ensureSeeded gives the network its codebook and template on first use.
// Reads run on the reader pool, which cannot write: only a network not yet
// seeded takes a write transaction.
func (s *Service) ensureSeeded(ctx context.Context, networkID string) error {
	var n int64
	if err := s.db.WithContext(ctx).Model(&TemplateVersion{}).Where("network_id = ?", networkID).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	return s.db.InTx(ctx, func(tx *gorm.DB) error { return s.ensureNetwork(tx, networkID) })
}

// managesCodebook reports whether the caller facilitates the route's
// network: they see usage counts.
func managesCodebook(acc leerlus.Access) bool {
	return acc.Role == string(policy.RoleFacilitator)
}

// codeView decodes a code's examples and attaches its usage, when counted.
func codeView(c Code, usage map[string]*Usage) (CodeView, error) {
	v := CodeView{Code: c, ExampleList: []string{}}
	if c.Examples != "" {
		if err := json.Unmarshal([]byte(c.Examples), &v.ExampleList); err != nil {
			return CodeView{}, fmt.Errorf("code %s: examples: %w", c.ID, err)
		}
	}
	if usage != nil {
		v.Usage = &Usage{}
		if u := usage[c.ID]; u != nil {
			v.Usage = u
		}
	}
	return v, nil
}

// codeUsage counts codings and lessons per code of a network, or of the
// codes named. Both counts read indexes (codings by network, code and
// effect; lesson codes by code).
func codeUsage(db *gorm.DB, networkID string, codeIDs []string) (map[string]*Usage, error) {
	var codings []struct {
		CodeID string
		Effect Effect
		N      int
	}
	q := db.Table("codings").Select("code_id, effect, COUNT(*) AS n").Where("network_id = ?", networkID)
	if codeIDs != nil {
		q = q.Where("code_id IN ?", codeIDs)
	}
	if err := q.Group("code_id, effect").Scan(&codings).Error; err != nil {
		return nil, err
	}
	var lessons []struct {
		CodeID string
		N      int
	}
	q = db.Table("lesson_codes AS lc").Select("lc.code_id AS code_id, COUNT(*) AS n").
		Joins("JOIN codebook_codes c ON c.id = lc.code_id").Where("c.network_id = ?", networkID)
	if codeIDs != nil {
		q = q.Where("lc.code_id IN ?", codeIDs)
	}
	if err := q.Group("lc.code_id").Scan(&lessons).Error; err != nil {
		return nil, err
	}
	out := map[string]*Usage{}
	get := func(id string) *Usage {
		if out[id] == nil {
			out[id] = &Usage{}
		}
		return out[id]
	}
	for _, r := range codings {
		u := get(r.CodeID)
		u.Codings += r.N
		switch r.Effect {
		case EffectHelped:
			u.Helped += r.N
		case EffectHindered:
			u.Hindered += r.N
		}
	}
	for _, r := range lessons {
		get(r.CodeID).Lessons = r.N
	}
	return out, nil
}

// loadThemeView reads one theme with its codes, for the answer to a
// change.
func loadThemeView(db *gorm.DB, acc leerlus.Access, id string) (*ThemeView, error) {
	t, err := leerlus.GetByID[Theme](db, id, "theme")
	if err != nil {
		return nil, err
	}
	var codes []Code
	if err := db.Where("theme_id = ?", id).Order("position, id").Find(&codes).Error; err != nil {
		return nil, err
	}
	var usage map[string]*Usage
	if managesCodebook(acc) {
		ids := make([]string, len(codes))
		for i, c := range codes {
			ids[i] = c.ID
		}
		if usage, err = codeUsage(db, t.NetworkID, ids); err != nil {
			return nil, err
		}
	}
	out := &ThemeView{Theme: *t, Codes: make([]CodeView, len(codes))}
	for i, c := range codes {
		if out.Codes[i], err = codeView(c, usage); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// loadCodeView reads one code with its usage, for the answer to a change.
func loadCodeView(db *gorm.DB, acc leerlus.Access, id string) (*CodeView, error) {
	c, err := leerlus.GetByID[Code](db, id, "code")
	if err != nil {
		return nil, err
	}
	var usage map[string]*Usage
	if managesCodebook(acc) {
		if usage, err = codeUsage(db, c.NetworkID, []string{c.ID}); err != nil {
			return nil, err
		}
	}
	v, err := codeView(*c, usage)
	return &v, err
}
