package review

import (
	"context"
	"encoding/json"
	"slices"

	"gorm.io/gorm"

	"leerlus"
)

// AddTheme adds a theme to the caller's network's codebook. Its texts are
// screened first: a name in a label refuses the write and nothing is
// stored.
func (s *Service) AddTheme(ctx context.Context, acc leerlus.Access, in ThemeInput) (*ThemeView, error) {
	var v leerlus.Validation
	in.check(&v, true)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.screen(&in.Wording, in.Decisions); err != nil {
		return nil, err
	}
	var out *ThemeView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := s.startChange(tx, acc.NetworkID); err != nil {
			return err
		}
		var themes []Theme
		if err := tx.Where("network_id = ?", acc.NetworkID).Find(&themes).Error; err != nil {
			return err
		}
		if err := labelsTaken("theme", themeLabels(themes, ""), *in.LabelNL, *in.LabelEN); err != nil {
			return err
		}
		pos, err := place(in.Position, len(themes)+1)
		if err != nil {
			return err
		}
		now := s.now.Now()
		t := Theme{ID: leerlus.NewID(), NetworkID: acc.NetworkID, Key: newThemeKey(themes), LabelNL: *in.LabelNL, LabelEN: *in.LabelEN,
			DescriptionNL: leerlus.Deref(in.DescriptionNL), DescriptionEN: leerlus.Deref(in.DescriptionEN), Position: pos,
			CreatedAt: now, UpdatedAt: now, Version: 1}
		if err := themesOf(acc.NetworkID).shift(tx, t.ID, pos, +1); err != nil {
			return err
		}
		if err := tx.Create(&t).Error; err != nil {
			return leerlus.DuplicateOr(err, "theme", "key")
		}
		added := change{themeID: t.ID, action: ChangeThemeAdded, detail: ChangeDetail{Key: t.Key, After: themeWording(t), ToPosition: pos}}
		if err := s.recordChanges(tx, acc, "theme", t.ID, []change{added}); err != nil {
			return err
		}
		out = &ThemeView{Theme: t, Codes: []CodeView{}}
		return nil
	})
	return out, err
}

// UpdateTheme changes a theme's texts or its position, if the version is
// still current. Its key stays.
func (s *Service) UpdateTheme(ctx context.Context, acc leerlus.Access, id string, in ThemeInput) (*ThemeView, error) {
	var v leerlus.Validation
	in.check(&v, false)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.screen(&in.Wording, in.Decisions); err != nil {
		return nil, err
	}
	var out *ThemeView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := s.lockCodebook(tx, acc.NetworkID); err != nil {
			return err
		}
		t, err := themeInNetwork(tx, acc.NetworkID, id)
		if err != nil {
			return err
		}
		if t.Version != in.Version {
			return leerlus.StaleVersion()
		}
		cols, changes, err := wordingDiff(t.ID, "", *themeWording(*t), in.Wording)
		if err != nil {
			return err
		}
		if cols["label_nl"] != nil || cols["label_en"] != nil {
			var others []Theme
			if err := tx.Where("network_id = ?", acc.NetworkID).Find(&others).Error; err != nil {
				return err
			}
			if err := labelsTaken("theme", themeLabels(others, t.ID), pick(in.LabelNL, t.LabelNL), pick(in.LabelEN, t.LabelEN)); err != nil {
				return err
			}
		}
		if in.Position != nil && *in.Position != t.Position {
			n, err := themesOf(acc.NetworkID).count(tx)
			if err != nil {
				return err
			}
			pos, err := place(in.Position, n)
			if err != nil {
				return err
			}
			if err := move(tx, t.ID, themesOf(acc.NetworkID), t.Position, themesOf(acc.NetworkID), pos); err != nil {
				return err
			}
			cols["position"] = pos
			changes = append(changes, change{themeID: t.ID, action: ChangeMoved, detail: ChangeDetail{FromPosition: t.Position, ToPosition: pos}})
		}
		if len(cols) > 0 {
			if err := leerlus.UpdateVersioned(tx, &Theme{}, t.ID, in.Version, withBump(cols, s.now.Now()), "theme", ""); err != nil {
				return err
			}
			if err := s.recordChanges(tx, acc, "theme", t.ID, changes); err != nil {
				return err
			}
		}
		out, err = loadThemeView(tx, acc, t.ID)
		return err
	})
	return out, err
}

// AddCode adds a code under a theme of the caller's network's codebook.
// It gets a key from its Dutch label that it keeps for good.
func (s *Service) AddCode(ctx context.Context, acc leerlus.Access, in CodeInput) (*CodeView, error) {
	var v leerlus.Validation
	in.check(&v, true)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.screen(&in.Wording, in.Decisions); err != nil {
		return nil, err
	}
	var out *CodeView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := s.startChange(tx, acc.NetworkID); err != nil {
			return err
		}
		t, err := targetTheme(tx, acc.NetworkID, *in.ThemeID)
		if err != nil {
			return err
		}
		var siblings []Code
		if err := tx.Where("theme_id = ?", t.ID).Find(&siblings).Error; err != nil {
			return err
		}
		if err := labelsTaken("code", codeLabels(siblings, ""), *in.LabelNL, *in.LabelEN); err != nil {
			return err
		}
		pos, err := place(in.Position, len(siblings)+1)
		if err != nil {
			return err
		}
		key, err := newCodeKey(tx, acc.NetworkID, t.Key, *in.LabelNL)
		if err != nil {
			return err
		}
		examples := []string{}
		if in.Examples != nil {
			examples = *in.Examples
		}
		ex, err := json.Marshal(examples)
		if err != nil {
			return err
		}
		now := s.now.Now()
		c := Code{ID: leerlus.NewID(), NetworkID: acc.NetworkID, ThemeID: t.ID, Key: key, LabelNL: *in.LabelNL, LabelEN: *in.LabelEN,
			DescriptionNL: leerlus.Deref(in.DescriptionNL), DescriptionEN: leerlus.Deref(in.DescriptionEN), Examples: string(ex),
			Position: pos, CreatedAt: now, UpdatedAt: now, Version: 1}
		if err := codesOf(t.ID).shift(tx, c.ID, pos, +1); err != nil {
			return err
		}
		if err := tx.Create(&c).Error; err != nil {
			return leerlus.DuplicateOr(err, "code", "key")
		}
		added := change{themeID: t.ID, codeID: c.ID, action: ChangeCodeAdded,
			detail: ChangeDetail{Key: key, After: codeWording(c, examples), ToTheme: t.ID, ToPosition: pos}}
		if err := s.recordChanges(tx, acc, "code", c.ID, []change{added}); err != nil {
			return err
		}
		out, err = loadCodeView(tx, acc, c.ID)
		return err
	})
	return out, err
}

// UpdateCode changes a code's texts, moves it to another theme or place,
// or retires or restores it, if the version is still current. Its key
// stays, wherever it moves. A merged code no longer changes.
func (s *Service) UpdateCode(ctx context.Context, acc leerlus.Access, id string, in CodeInput) (*CodeView, error) {
	var v leerlus.Validation
	in.check(&v, false)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.screen(&in.Wording, in.Decisions); err != nil {
		return nil, err
	}
	var out *CodeView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := s.lockCodebook(tx, acc.NetworkID); err != nil {
			return err
		}
		c, err := codeInNetwork(tx, acc.NetworkID, id)
		if err != nil {
			return err
		}
		if c.Version != in.Version {
			return leerlus.StaleVersion()
		}
		if c.MergedInto != nil {
			return leerlus.Errorf(leerlus.CodeConflict, "This code was merged into another one; change that code instead.")
		}
		examples, err := decodeExamples(*c)
		if err != nil {
			return err
		}
		cols, changes, err := wordingDiff(c.ThemeID, c.ID, *codeWording(*c, examples), in.Wording)
		if err != nil {
			return err
		}
		moved, err := s.moveCode(tx, c, in, cols)
		if err != nil {
			return err
		}
		if moved != nil {
			changes = append(changes, *moved)
		}
		themeID := c.ThemeID
		if t, ok := cols["theme_id"].(string); ok {
			themeID = t
		}
		if cols["label_nl"] != nil || cols["label_en"] != nil || themeID != c.ThemeID {
			var siblings []Code
			if err := tx.Where("theme_id = ?", themeID).Find(&siblings).Error; err != nil {
				return err
			}
			if err := labelsTaken("code", codeLabels(siblings, c.ID), pick(in.LabelNL, c.LabelNL), pick(in.LabelEN, c.LabelEN)); err != nil {
				return err
			}
		}
		if in.Retired != nil && *in.Retired != (c.RetiredAt != nil) {
			action := ChangeRestored
			cols["retired_at"] = nil
			if *in.Retired {
				action = ChangeRetired
				cols["retired_at"] = s.now.Now()
			}
			changes = append(changes, change{themeID: themeID, codeID: c.ID, action: action})
		}
		if len(cols) > 0 {
			if err := leerlus.UpdateVersioned(tx, &Code{}, c.ID, in.Version, withBump(cols, s.now.Now()), "code", ""); err != nil {
				return err
			}
			for i := range changes {
				changes[i].themeID = themeID
			}
			if err := s.recordChanges(tx, acc, "code", c.ID, changes); err != nil {
				return err
			}
		}
		out, err = loadCodeView(tx, acc, c.ID)
		return err
	})
	return out, err
}

// moveCode moves a code to the theme and position the input names, if
// that is another place: it shifts the siblings, puts the new theme and
// position in cols and returns the history entry.
func (s *Service) moveCode(tx *gorm.DB, c *Code, in CodeInput, cols map[string]any) (*change, error) {
	target := c.ThemeID
	if in.ThemeID != nil {
		target = *in.ThemeID
	}
	if target == c.ThemeID && (in.Position == nil || *in.Position == c.Position) {
		return nil, nil
	}
	slots, err := codesOf(target).count(tx)
	if err != nil {
		return nil, err
	}
	if target != c.ThemeID {
		if _, err := targetTheme(tx, c.NetworkID, target); err != nil {
			return nil, err
		}
		slots++ // a place for the code coming in
	}
	pos, err := place(in.Position, slots)
	if err != nil {
		return nil, err
	}
	if err := move(tx, c.ID, codesOf(c.ThemeID), c.Position, codesOf(target), pos); err != nil {
		return nil, err
	}
	cols["position"] = pos
	if target != c.ThemeID {
		cols["theme_id"] = target
	}
	return &change{codeID: c.ID, action: ChangeMoved,
		detail: ChangeDetail{FromTheme: c.ThemeID, ToTheme: target, FromPosition: c.Position, ToPosition: pos}}, nil
}

// startChange begins a change that may be the network's first use of its
// codebook: seeded, then locked.
func (s *Service) startChange(tx *gorm.DB, networkID string) error {
	if err := s.ensureNetwork(tx, networkID); err != nil {
		return err
	}
	return s.lockCodebook(tx, networkID)
}

// targetTheme loads the theme a body names: one that is not the network's
// is an invalid field, not a missing page.
func targetTheme(tx *gorm.DB, networkID, id string) (*Theme, error) {
	t, err := themeInNetwork(tx, networkID, id)
	if leerlus.IsCode(err, leerlus.CodeNotFound) {
		return nil, leerlus.Invalid("theme_id", leerlus.FieldNotAllowed, leerlus.Params{"reason": "unknown_theme"})
	}
	return t, err
}

// wordingDiff compares the given texts with the stored ones: the columns
// to write, and a history entry for the labels (renamed) and one for the
// descriptions and examples (described), each with only what changed.
func wordingDiff(themeID, codeID string, stored, in Wording) (map[string]any, []change, error) {
	cols := map[string]any{}
	var renamedBefore, renamedAfter, describedBefore, describedAfter Wording
	diff := func(column string, old, new *string, before, after **string) bool {
		if new == nil || *new == *old {
			return false
		}
		cols[column], *before, *after = *new, old, new
		return true
	}
	renamed := diff("label_nl", stored.LabelNL, in.LabelNL, &renamedBefore.LabelNL, &renamedAfter.LabelNL)
	renamed = diff("label_en", stored.LabelEN, in.LabelEN, &renamedBefore.LabelEN, &renamedAfter.LabelEN) || renamed
	described := diff("description_nl", stored.DescriptionNL, in.DescriptionNL, &describedBefore.DescriptionNL, &describedAfter.DescriptionNL)
	described = diff("description_en", stored.DescriptionEN, in.DescriptionEN, &describedBefore.DescriptionEN, &describedAfter.DescriptionEN) || described
	if in.Examples != nil && !slices.Equal(*in.Examples, *stored.Examples) {
		b, err := json.Marshal(*in.Examples)
		if err != nil {
			return nil, nil, err
		}
		cols["examples"] = string(b)
		describedBefore.Examples, describedAfter.Examples = stored.Examples, in.Examples
		described = true
	}
	var out []change
	if renamed {
		out = append(out, change{themeID: themeID, codeID: codeID, action: ChangeRenamed, detail: ChangeDetail{Before: &renamedBefore, After: &renamedAfter}})
	}
	if described {
		out = append(out, change{themeID: themeID, codeID: codeID, action: ChangeDescribed, detail: ChangeDetail{Before: &describedBefore, After: &describedAfter}})
	}
	return cols, out, nil
}

func withBump(cols map[string]any, now any) map[string]any {
	for k, v := range leerlus.VersionBump(now) {
		cols[k] = v
	}
	return cols
}

// themeWording is a theme's stored texts.
func themeWording(t Theme) *Wording {
	return &Wording{LabelNL: &t.LabelNL, LabelEN: &t.LabelEN, DescriptionNL: &t.DescriptionNL, DescriptionEN: &t.DescriptionEN}
}

// codeWording is a code's stored texts with its decoded examples.
func codeWording(c Code, examples []string) *Wording {
	return &Wording{LabelNL: &c.LabelNL, LabelEN: &c.LabelEN, DescriptionNL: &c.DescriptionNL, DescriptionEN: &c.DescriptionEN, Examples: &examples}
}

func decodeExamples(c Code) ([]string, error) {
	v, err := codeView(c, nil)
	return v.ExampleList, err
}

// labelled is the labels of a sibling.
type labelled struct{ nl, en string }

func themeLabels(themes []Theme, except string) []labelled {
	var out []labelled
	for _, t := range themes {
		if t.ID != except {
			out = append(out, labelled{t.LabelNL, t.LabelEN})
		}
	}
	return out
}

// codeLabels are the labels a code's label must differ from: its theme's
// other codes, retired ones included (restore one instead of making it
// twice); merged codes have left the codebook.
func codeLabels(codes []Code, except string) []labelled {
	var out []labelled
	for _, c := range codes {
		if c.ID != except && c.MergedInto == nil {
			out = append(out, labelled{c.LabelNL, c.LabelEN})
		}
	}
	return out
}

// labelsTaken refuses labels a sibling has already, in either language.
func labelsTaken(what string, siblings []labelled, nl, en string) error {
	var fields []leerlus.FieldError
	for _, s := range siblings {
		if fold(s.nl) == fold(nl) {
			fields = append(fields, leerlus.NewFieldError("label_nl", leerlus.FieldInUse, nil))
			break
		}
	}
	for _, s := range siblings {
		if fold(s.en) == fold(en) {
			fields = append(fields, leerlus.NewFieldError("label_en", leerlus.FieldInUse, nil))
			break
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return &leerlus.Error{Code: leerlus.CodeConflict, Message: "Another " + what + " here has this label already.", Fields: fields}
}

// pick is the new value when given, else the stored one.
func pick(in *string, stored string) string {
	if in != nil {
		return *in
	}
	return stored
}
