package review

import (
	"context"
	"encoding/json"

	"gorm.io/gorm"

	"leerlus"
)

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
		if err := reindexCode(tx, c); err != nil {
			return err
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
		if reworded(cols) {
			// The suggestions rank by the code's words: count them again.
			fresh, err := leerlus.GetByID[Code](tx, c.ID, "code")
			if err != nil {
				return err
			}
			if err := reindexCode(tx, *fresh); err != nil {
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

// targetTheme loads the theme a body names: one that is not the network's
// is an invalid field, not a missing page.
func targetTheme(tx *gorm.DB, networkID, id string) (*Theme, error) {
	t, err := themeInNetwork(tx, networkID, id)
	if leerlus.IsCode(err, leerlus.CodeNotFound) {
		return nil, leerlus.Invalid("theme_id", leerlus.FieldNotAllowed, leerlus.Params{"reason": "unknown_theme"})
	}
	return t, err
}

// codeWording is a code's stored texts with its decoded examples.
func codeWording(c Code, examples []string) *Wording {
	return &Wording{LabelNL: &c.LabelNL, LabelEN: &c.LabelEN, DescriptionNL: &c.DescriptionNL, DescriptionEN: &c.DescriptionEN, Examples: &examples}
}

func decodeExamples(c Code) ([]string, error) {
	v, err := codeView(c, nil)
	return v.ExampleList, err
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

// reworded reports whether a change touches the words suggestions rank by.
func reworded(cols map[string]any) bool {
	for _, k := range []string{"label_nl", "label_en", "description_nl", "description_en", "examples"} {
		if _, ok := cols[k]; ok {
			return true
		}
	}
	return false
}
