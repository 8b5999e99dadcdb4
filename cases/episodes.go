package cases

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/policy"
	"leerlus/search"
)

// AddEpisode adds a key episode to a case's timeline, at the position
// given or last.
func (s *Service) AddEpisode(ctx context.Context, acc leerlus.Access, caseID string, in EpisodeInput) (*Episode, error) {
	var v leerlus.Validation
	in.check(&v, "", true)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out *Episode
	err := s.changeTimeline(ctx, acc, caseID, "episode added", func(tx *gorm.DB, c *Case, now time.Time) error {
		var count int64
		if err := tx.Model(&Episode{}).Where("case_id = ?", c.ID).Count(&count).Error; err != nil {
			return err
		}
		if count >= maxEpisodes {
			return leerlus.Invalid("position", leerlus.FieldTooMany, leerlus.Params{"max": maxEpisodes})
		}
		pos := int(count) + 1
		if in.Position != nil && *in.Position < pos {
			pos = *in.Position
			if err := tx.Model(&Episode{}).Where("case_id = ? AND position >= ?", c.ID, pos).
				Update("position", gorm.Expr("position + 1")).Error; err != nil {
				return err
			}
		}
		e := &Episode{
			ID: leerlus.NewID(), CaseID: c.ID, Position: pos, Phase: leerlus.Deref(in.Phase),
			WhatHappened: leerlus.Deref(in.WhatHappened), Duration: leerlus.Deref(in.Duration), Effect: leerlus.Deref(in.Effect),
			CreatedAt: now, UpdatedAt: now, Version: 1,
		}
		texts := []text{{pointer: "/what_happened", field: "/what_happened", value: e.WhatHappened}}
		if err := s.screenInto(tx, c, texts, in.Decisions, func(sc screened) error {
			if err := tx.Create(e).Error; err != nil {
				return err
			}
			return saveMarks(tx, c.ID, e.ID, nil, sc.marks[0], now)
		}); err != nil {
			return err
		}
		out = e
		return nil
	})
	return out, err
}

// UpdateEpisode changes the fields named in the input of one episode, if
// its version is still current. Each episode has its own version, so two
// edits of different episodes never collide.
func (s *Service) UpdateEpisode(ctx context.Context, acc leerlus.Access, caseID, id string, in EpisodeInput) (*Episode, error) {
	var v leerlus.Validation
	in.check(&v, "", false)
	v.Check(in.Position == nil, "position", leerlus.FieldNotAllowed, leerlus.Params{"reason": "use_episode_order"})
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out *Episode
	err := s.changeTimeline(ctx, acc, caseID, "episode changed", func(tx *gorm.DB, c *Case, now time.Time) error {
		e, err := episodeOf(tx, c, id)
		if err != nil {
			return err
		}
		if e.Version != in.Version {
			return leerlus.StaleVersion()
		}
		cols := leerlus.VersionBump(now)
		leerlus.SetIf(cols, "phase", in.Phase)
		leerlus.SetIf(cols, "what_happened", in.WhatHappened)
		leerlus.SetIf(cols, "duration", in.Duration)
		leerlus.SetIf(cols, "effect", in.Effect)
		var texts []text
		var fields []string
		if in.WhatHappened != nil {
			texts = []text{{pointer: "/what_happened", field: "/what_happened", value: *in.WhatHappened}}
			fields = []string{"/what_happened"}
		}
		if err := s.screenInto(tx, c, texts, in.Decisions, func(sc screened) error {
			if err := leerlus.UpdateVersioned(tx, &Episode{}, e.ID, in.Version, cols, "episode", ""); err != nil {
				return err
			}
			return saveMarks(tx, c.ID, e.ID, fields, sc.marks[0], now)
		}); err != nil {
			return err
		}
		out, err = leerlus.GetByID[Episode](tx, e.ID, "episode")
		return err
	})
	return out, err
}

// DeleteEpisode takes an episode off the timeline.
func (s *Service) DeleteEpisode(ctx context.Context, acc leerlus.Access, caseID, id string, version int) error {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, version)
	if err := v.Err(); err != nil {
		return err
	}
	return s.changeTimeline(ctx, acc, caseID, "episode removed", func(tx *gorm.DB, c *Case, now time.Time) error {
		e, err := episodeOf(tx, c, id)
		if err != nil {
			return err
		}
		res := tx.Where("id = ? AND version = ?", e.ID, version).Delete(&Episode{})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return leerlus.StaleVersion()
		}
		if err := tx.Where("object_id = ?", e.ID).Delete(&Mark{}).Error; err != nil {
			return err
		}
		return tx.Model(&Episode{}).Where("case_id = ? AND position > ?", c.ID, e.Position).
			Update("position", gorm.Expr("position - 1")).Error
	})
}

// ReorderEpisodes puts a case's episodes in the order given, which must
// name every episode once. The order belongs to the case: it is checked
// against the case's version.
func (s *Service) ReorderEpisodes(ctx context.Context, acc leerlus.Access, caseID string, version int, order []string) (*View, error) {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, version)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out *View
	err := s.changeTimeline(ctx, acc, caseID, "episodes reordered", func(tx *gorm.DB, c *Case, now time.Time) error {
		if c.Version != version {
			return leerlus.StaleVersion()
		}
		current, err := loadEpisodes(tx, c.ID)
		if err != nil {
			return err
		}
		if !sameEpisodes(current, order) {
			return leerlus.Invalid("episodes", leerlus.FieldNotAllowed, leerlus.Params{"reason": "not_the_episodes_of_the_case"})
		}
		for i, id := range order {
			if err := tx.Model(&Episode{}).Where("id = ?", id).Update("position", i+1).Error; err != nil {
				return err
			}
		}
		return tx.Model(&Case{}).Where("id = ?", c.ID).Update("version", gorm.Expr("version + 1")).Error
	})
	if err != nil {
		return nil, err
	}
	err = s.db.InTx(ctx, func(tx *gorm.DB) error {
		c, err := leerlus.GetByID[Case](tx, caseID, "case")
		if err != nil {
			return err
		}
		out, err = loadView(tx, acc, c)
		return err
	})
	return out, err
}

// sameEpisodes reports whether order names each episode exactly once.
func sameEpisodes(episodes []Episode, order []string) bool {
	if len(order) != len(episodes) {
		return false
	}
	want := map[string]bool{}
	for _, e := range episodes {
		want[e.ID] = true
	}
	for _, id := range order {
		if !want[id] {
			return false
		}
		delete(want, id)
	}
	return true
}

// episodeOf loads an episode of the case; one of another case is unknown.
func episodeOf(tx *gorm.DB, c *Case, id string) (*Episode, error) {
	e, err := leerlus.GetByID[Episode](tx, id, "episode")
	if err != nil {
		return nil, err
	}
	if e.CaseID != c.ID {
		return nil, leerlus.NotFound("episode")
	}
	return e, nil
}

// changeTimeline runs a change of a case's episodes in one transaction:
// the case must be editable by the caller; the case records who changed
// it last (four eyes), a published case goes back to the check as a
// correction, and the change is audited.
func (s *Service) changeTimeline(ctx context.Context, acc leerlus.Access, caseID, detail string, change func(tx *gorm.DB, c *Case, now time.Time) error) error {
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		c, err := s.lockCase(tx, caseID)
		if err != nil {
			return err
		}
		if err := editable(acc, c); err != nil {
			return err
		}
		now := s.now.Now()
		if err := change(tx, c, now); err != nil {
			return err
		}
		var phases []string
		if err := tx.Model(&Episode{}).Where("case_id = ?", c.ID).Pluck("phase", &phases).Error; err != nil {
			return err
		}
		cols := map[string]any{"updated_at": now, "last_editor_id": acc.PersonID(), "numbering": c.Numbering, "phase_mask": Phases.Mask(phases...), "episode_count": len(phases)}
		correcting := c.Status == StatusPublished
		if correcting {
			markCorrection(cols, now)
			cols["version"] = gorm.Expr("version + 1")
		}
		if err := tx.Model(&Case{}).Where("id = ?", c.ID).Updates(cols).Error; err != nil {
			return err
		}
		if correcting {
			if c, err = leerlus.GetByID[Case](tx, caseID, "case"); err != nil {
				return err
			}
			if err := s.checkSubmittable(tx, c); err != nil {
				return err
			}
			// Out of search until the correction is published.
			if err := search.IndexCase(tx, c.ID); err != nil {
				return err
			}
			detail += "; correction of a published case"
		}
		return s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionCaseChanged, ObjectType: "case", ObjectID: c.ID, NetworkID: c.NetworkID, Detail: detail})
	})
}
