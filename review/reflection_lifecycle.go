package review

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review/defaults"
	"leerlus/search"
)

// SendBack is a facilitator's decision to return a reflection to its
// author with a comment.
type SendBack struct {
	Version int
	Comment string
	// RealIdentifiers are dismissed findings (mark ids) the facilitator
	// found to be real identifiers after all.
	RealIdentifiers []string
	// Missed are the types of identifiers the anonymiser did not flag and
	// the facilitator found: counted, never located.
	Missed []string
	cases.Decisions
}

// Submit hands a complete draft to the network's facilitators.
func (s *Service) Submit(ctx context.Context, acc leerlus.Access, id string, version int) (*ReflectionView, error) {
	return s.step(ctx, acc, id, version, policy.ActionReflectionSubmitted, func(tx *gorm.DB, r *Reflection, now time.Time) (map[string]any, error) {
		if err := acc.CheckOwner(r.AuthorID, "reflection", true); err != nil {
			return nil, err
		}
		if r.Status != StatusDraft {
			return nil, conflict("Only a draft can be submitted.")
		}
		if err := s.checkReflectionComplete(tx, r); err != nil {
			return nil, err
		}
		return map[string]any{"status": StatusSubmitted, "submitted_at": now}, nil
	})
}

// Withdraw takes a submitted reflection back to its author's drafts.
func (s *Service) Withdraw(ctx context.Context, acc leerlus.Access, id string, version int) (*ReflectionView, error) {
	return s.step(ctx, acc, id, version, policy.ActionReflectionWithdrawn, func(tx *gorm.DB, r *Reflection, now time.Time) (map[string]any, error) {
		if err := acc.CheckOwner(r.AuthorID, "reflection", true); err != nil {
			return nil, err
		}
		if r.Status != StatusSubmitted {
			return nil, conflict("Only a submitted reflection can be withdrawn.")
		}
		return map[string]any{"status": StatusDraft, "submitted_at": nil}, nil
	})
}

// Publish makes a submitted reflection readable for the network, after a
// facilitator who neither wrote nor last changed it checked it. Its
// lessons enter curation.
func (s *Service) Publish(ctx context.Context, acc leerlus.Access, id string, version int) (*ReflectionView, error) {
	return s.step(ctx, acc, id, version, policy.ActionReflectionPublished, func(tx *gorm.DB, r *Reflection, now time.Time) (map[string]any, error) {
		if err := checkReflectionFourEyes(acc, r); err != nil {
			return nil, err
		}
		var caseStatus []string
		if err := tx.Table("cases").Where("id = ?", r.CaseID).Pluck("status", &caseStatus).Error; err != nil {
			return nil, err
		}
		// A reflection tells about a case; it is published with or after
		// the case, never before it.
		if len(caseStatus) == 0 || (caseStatus[0] != string(cases.StatusPublished) && caseStatus[0] != string(cases.StatusArchived)) {
			return nil, conflict("Publish the case first; then its reflections.")
		}
		if err := s.checkReflectionComplete(tx, r); err != nil {
			return nil, err
		}
		if err := s.tallyReview(tx, r, nil, nil, now); err != nil {
			return nil, err
		}
		return map[string]any{"status": StatusPublished, "published_at": now, "published_by": acc.PersonID(), "review_comment": ""}, nil
	})
}

// SendBack returns a submitted reflection to its author as a draft with a
// comment they see.
func (s *Service) SendBack(ctx context.Context, acc leerlus.Access, id string, in SendBack) (*ReflectionView, error) {
	var v leerlus.Validation
	in.Comment = strings.TrimSpace(in.Comment)
	leerlus.CheckLength(&v, "comment", in.Comment, 1, sendBackMax)
	for _, m := range in.RealIdentifiers {
		leerlus.CheckID(&v, "real_identifiers", m)
	}
	cases.CheckMissed(&v, in.Missed)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.step(ctx, acc, id, in.Version, policy.ActionReflectionSentBack, func(tx *gorm.DB, r *Reflection, now time.Time) (map[string]any, error) {
		if err := checkReflectionFourEyes(acc, r); err != nil {
			return nil, err
		}
		// The comment is free text too, screened with the case's numbering.
		if _, err := s.cases.ScreenTexts(tx, r.CaseID, []cases.Text{{Pointer: "/comment", Field: "/comment", Value: in.Comment}}, in.Decisions.Unchecked()); err != nil {
			return nil, err
		}
		if err := s.tallyReview(tx, r, in.RealIdentifiers, in.Missed, now); err != nil {
			return nil, err
		}
		return map[string]any{"status": StatusDraft, "submitted_at": nil, "review_comment": in.Comment}, nil
	})
}

// Delete removes a draft reflection for good.
func (s *Service) Delete(ctx context.Context, acc leerlus.Access, id string, version int) error {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, version)
	if err := v.Err(); err != nil {
		return err
	}
	return s.db.InTx(ctx, func(tx *gorm.DB) error {
		r, err := s.reflectionForChange(tx, acc, id, version, func(r *Reflection) error {
			if err := acc.CheckOwner(r.AuthorID, "reflection", true); err != nil {
				return err
			}
			if r.Status != StatusDraft {
				return conflict("Only a draft can be deleted.")
			}
			return nil
		})
		if err != nil {
			return err
		}
		var codings []Coding
		if err := tx.Where("reflection_id = ?", id).Find(&codings).Error; err != nil {
			return err
		}
		var items []Item
		if err := tx.Where("reflection_id = ?", id).Find(&items).Error; err != nil {
			return err
		}
		texts := map[string]string{}
		for _, it := range items {
			texts[it.ID] = indexedText(it.What, it.Why)
		}
		if err := codingsChanged(tx, r.NetworkID, codingTexts(codings, texts, -1)); err != nil {
			return err
		}
		if err := tx.Where("reflection_id = ?", id).Delete(&cases.Mark{}).Error; err != nil {
			return err
		}
		if err := tx.Where("id = ?", id).Delete(&Reflection{}).Error; err != nil {
			return err
		}
		return s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionReflectionDeleted, ObjectType: "reflection", ObjectID: id, NetworkID: r.NetworkID})
	})
}

// checkReflectionFourEyes lets a facilitator of the network decide on a
// submitted reflection they neither wrote nor changed last.
func checkReflectionFourEyes(acc leerlus.Access, r *Reflection) error {
	if !reflectionVisible(acc, r) {
		return leerlus.NotFound("reflection")
	}
	if !facilitatesNetwork(acc, r.NetworkID) {
		return leerlus.Errorf(leerlus.CodeForbidden, "Only a facilitator of the network can check a reflection.")
	}
	if r.Status != StatusSubmitted {
		return conflict("Only a submitted reflection can be checked.")
	}
	if r.AuthorID == acc.PersonID() || r.LastEditorID == acc.PersonID() {
		return leerlus.Errorf(leerlus.CodeForbidden, "Four eyes: another facilitator checks a reflection you wrote or changed.")
	}
	return nil
}

// checkReflectionComplete refuses a reflection whose required questions
// are unanswered, with a field error per question. One query counts the
// items and answers per question and the lessons.
func (s *Service) checkReflectionComplete(tx *gorm.DB, r *Reflection) error {
	f, err := s.formByID(tx, r.TemplateID)
	if err != nil {
		return err
	}
	var rows []struct {
		Kind, QuestionKey string
		N                 int64
	}
	err = tx.Raw(`SELECT 'items' AS kind, question_key, COUNT(*) AS n FROM reflection_items WHERE reflection_id = ? GROUP BY question_key
		UNION ALL SELECT 'answers', question_key, COUNT(*) FROM reflection_answers WHERE reflection_id = ? GROUP BY question_key
		UNION ALL SELECT 'lessons', '', COUNT(*) FROM lessons WHERE reflection_id = ?`, r.ID, r.ID, r.ID).Scan(&rows).Error
	if err != nil {
		return err
	}
	counts := map[string]int64{}
	for _, row := range rows {
		counts[row.Kind+"/"+row.QuestionKey] = row.N
	}
	var v leerlus.Validation
	for _, key := range f.order {
		q := f.questions[key]
		if !q.Required {
			continue
		}
		var n int64
		switch q.Type {
		case defaults.TypeItems:
			n = counts["items/"+key]
		case defaults.TypeLessons:
			n = counts["lessons/"]
		default:
			n = counts["answers/"+key]
		}
		v.Check(n > 0, "questions/"+key, leerlus.FieldRequired, nil)
	}
	return v.Err()
}

func conflict(msg string) error { return leerlus.Errorf(leerlus.CodeConflict, "%s", msg) }

// step runs one lifecycle step: lock, check the version, let decide name
// the columns, update and audit, in one transaction.
func (s *Service) step(ctx context.Context, acc leerlus.Access, id string, version int, action policy.AuditAction,
	decide func(tx *gorm.DB, r *Reflection, now time.Time) (map[string]any, error)) (*ReflectionView, error) {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, version)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out *ReflectionView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		// A step may publish or withdraw lessons, and so regroup.
		if err := s.lockNetworkFirst(tx, acc.NetworkID); err != nil {
			return err
		}
		r, err := s.reflectionForChange(tx, acc, id, version, func(*Reflection) error { return nil })
		if err != nil {
			return err
		}
		now := s.now.Now()
		cols, err := decide(tx, r, now)
		if err != nil {
			return err
		}
		for k, val := range leerlus.VersionBump(now) {
			cols[k] = val
		}
		if err := leerlus.UpdateVersioned(tx, &Reflection{}, id, version, cols, "reflection", ""); err != nil {
			return err
		}
		// A published reflection's lessons join the network's grouping.
		if action == policy.ActionReflectionPublished {
			var lessons []string
			if err := tx.Model(&Lesson{}).Where("reflection_id = ?", id).Pluck("id", &lessons).Error; err != nil {
				return err
			}
			if err := s.regroup(tx, r.NetworkID, groupingChange{lessons: lessons}, now); err != nil {
				return err
			}
			// Its texts and lessons become findable with its case.
			if err := search.IndexCase(tx, r.CaseID); err != nil {
				return err
			}
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: action, ObjectType: "reflection", ObjectID: id, NetworkID: r.NetworkID}); err != nil {
			return err
		}
		if r, err = leerlus.GetByID[Reflection](tx, id, "reflection"); err != nil {
			return err
		}
		out, err = s.loadView(tx, acc, r)
		return err
	})
	return out, err
}

// tallyReview counts a four-eyes decision for the anonymiser's quality
// report: the tags in the reflection's texts and the verdicts on its marks.
func (s *Service) tallyReview(tx *gorm.DB, r *Reflection, realIdentifiers, missed []string, now time.Time) error {
	var texts []string
	var items []Item
	if err := tx.Where("reflection_id = ?", r.ID).Find(&items).Error; err != nil {
		return err
	}
	for _, it := range items {
		texts = append(texts, it.What, it.Why)
	}
	var answers []Answer
	if err := tx.Where("reflection_id = ?", r.ID).Find(&answers).Error; err != nil {
		return err
	}
	for _, a := range answers {
		texts = append(texts, a.Text)
	}
	var statements []string
	if err := tx.Model(&Lesson{}).Where("reflection_id = ?", r.ID).Pluck("statement", &statements).Error; err != nil {
		return err
	}
	texts = append(texts, statements...)
	return cases.TallyReflectionReview(tx, r.NetworkID, r.ID, texts, realIdentifiers, missed, now)
}
