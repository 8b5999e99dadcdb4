package review

import (
	"context"

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

// themeWording is a theme's stored texts.
func themeWording(t Theme) *Wording {
	return &Wording{LabelNL: &t.LabelNL, LabelEN: &t.LabelEN, DescriptionNL: &t.DescriptionNL, DescriptionEN: &t.DescriptionEN}
}

func themeLabels(themes []Theme, except string) []labelled {
	var out []labelled
	for _, t := range themes {
		if t.ID != except {
			out = append(out, labelled{t.LabelNL, t.LabelEN})
		}
	}
	return out
}
