package review

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/search"
)

// LessonEdit is a facilitator's change of a lesson's wording or codes,
// based on the version they saw. Nil fields stay as they are. Codes,
// when given, replace the lesson's codes.
type LessonEdit struct {
	Version   int
	Statement *string
	Codes     *[]string
	// Decisions on findings in the statement (pointer /statement).
	cases.Decisions
}

func (in *LessonEdit) check(v *leerlus.Validation) {
	leerlus.CheckVersion(v, in.Version)
	leerlus.CheckText(v, "statement", in.Statement, false, curatedStatementMin, curatedStatementMax)
	checkCodeList(v, in.Codes)
}

// texts are the free texts of an edit, screened with the case's numbering.
func (in *LessonEdit) texts() []cases.Text {
	if in.Statement == nil {
		return nil
	}
	return []cases.Text{{Pointer: "/statement", Field: "/statement", Value: *in.Statement}}
}

// Rejection is a facilitator's reason to reject a lesson.
type Rejection struct {
	Version int
	Reason  string
	// Decisions on findings in the reason (pointer /reason).
	cases.Decisions
}

// Accept accepts a proposed lesson, optionally in new words or with new
// codes: members of the network see it from then on.
func (s *Service) Accept(ctx context.Context, acc leerlus.Access, id string, in LessonEdit) (*LessonView, error) {
	var v leerlus.Validation
	in.check(&v)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.curate(ctx, acc, id, in.Version, curationStep{
		action: LessonChangeAccepted, texts: in.texts(), decisions: in.Decisions,
		from: []LessonStatus{LessonProposed}, refusal: "Only a proposed lesson can be accepted.",
		apply: func(tx *gorm.DB, l *Lesson) (map[string]any, LessonChangeDetail, error) {
			cols, d, err := s.edit(tx, l, in)
			if err != nil {
				return nil, d, err
			}
			cols["status"] = LessonAccepted
			return cols, d, nil
		},
	})
}

// Reword changes the wording or the codes of a proposed or accepted
// lesson; it keeps its curation state.
func (s *Service) Reword(ctx context.Context, acc leerlus.Access, id string, in LessonEdit) (*LessonView, error) {
	var v leerlus.Validation
	in.check(&v)
	v.Check(in.Statement != nil || in.Codes != nil, "statement", leerlus.FieldRequired, nil)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.curate(ctx, acc, id, in.Version, curationStep{
		action: LessonChangeReworded, texts: in.texts(), decisions: in.Decisions,
		from: []LessonStatus{LessonProposed, LessonAccepted}, refusal: "Only a proposed or accepted lesson can be reworded.",
		apply: func(tx *gorm.DB, l *Lesson) (map[string]any, LessonChangeDetail, error) {
			return s.edit(tx, l, in)
		},
	})
}

// Reject rejects a proposed or accepted lesson with a reason; members no
// longer see it. Reopen takes it back into curation.
func (s *Service) Reject(ctx context.Context, acc leerlus.Access, id string, in Rejection) (*LessonView, error) {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, in.Version)
	leerlus.CheckText(&v, "reason", &in.Reason, true, 1, rejectReasonMax)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.curate(ctx, acc, id, in.Version, curationStep{
		action: LessonChangeRejected, decisions: in.Decisions,
		texts: []cases.Text{{Pointer: "/reason", Field: "/reject_reason", Value: in.Reason}},
		from:  []LessonStatus{LessonProposed, LessonAccepted}, refusal: "Only a proposed or accepted lesson can be rejected.",
		apply: func(tx *gorm.DB, l *Lesson) (map[string]any, LessonChangeDetail, error) {
			return map[string]any{"status": LessonRejected, "reject_reason": in.Reason}, LessonChangeDetail{Reason: in.Reason}, nil
		},
	})
}

// Reopen takes a rejected lesson back to proposed.
func (s *Service) Reopen(ctx context.Context, acc leerlus.Access, id string, version int) (*LessonView, error) {
	var v leerlus.Validation
	leerlus.CheckVersion(&v, version)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.curate(ctx, acc, id, version, curationStep{
		action: LessonChangeReopened,
		from:   []LessonStatus{LessonRejected}, refusal: "Only a rejected lesson can be reopened.",
		apply: func(tx *gorm.DB, l *Lesson) (map[string]any, LessonChangeDetail, error) {
			return map[string]any{"status": LessonProposed, "reject_reason": ""}, LessonChangeDetail{Reason: l.RejectReason}, nil
		},
	})
}

// curationStep is one curation step of one lesson.
type curationStep struct {
	action    string // the step's name in the lesson's history
	texts     []cases.Text
	decisions cases.Decisions
	from      []LessonStatus // the states the step may start from
	refusal   string         // the answer in any other state
	// apply makes the step's own changes and names the lesson's columns
	// to set and what the history keeps.
	apply func(tx *gorm.DB, l *Lesson) (map[string]any, LessonChangeDetail, error)
}

// curate runs one curation step in one transaction: find and lock the
// lesson, check who may curate it, its version and its state, screen the
// step's texts with its case's numbering, apply the step, and keep it in
// the lesson's history and the audit log.
func (s *Service) curate(ctx context.Context, acc leerlus.Access, id string, version int, st curationStep) (*LessonView, error) {
	var out *LessonView
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := s.lockNetworkFirst(tx, acc.NetworkID); err != nil {
			return err
		}
		l, err := leerlus.GetByID[Lesson](tx, id, "lesson")
		if err != nil {
			return err
		}
		if l.NetworkID != acc.NetworkID {
			return leerlus.NotFound("lesson")
		}
		if len(st.texts) > 0 {
			// The case first, then the lesson: the order in which
			// reflection writes take them, so that the two never wait
			// for each other in a circle.
			if _, err := s.cases.LockForText(tx, l.CaseID); err != nil {
				return err
			}
		}
		if l, err = s.lessonForChange(tx, acc, id, version); err != nil {
			return err
		}
		if !hasStatus(l, st.from) {
			return leerlus.Errorf(leerlus.CodeConflict, "%s", st.refusal)
		}
		if len(st.texts) > 0 {
			if _, err := s.cases.ScreenTexts(tx, l.CaseID, st.texts, st.decisions.Unchecked()); err != nil {
				return err
			}
		}
		cols, detail, err := st.apply(tx, l)
		if err != nil {
			return err
		}
		now := s.now.Now()
		for k, val := range curatedBy(acc, now) {
			cols[k] = val
		}
		if err := leerlus.UpdateVersioned(tx, &Lesson{}, id, version, cols, "lesson", ""); err != nil {
			return err
		}
		if err := recordChange(tx, acc, l, st.action, detail, now); err != nil {
			return err
		}
		// A changed wording, codes or state moves the lesson between groups.
		if err := s.regroup(tx, l.NetworkID, groupingChange{lessons: []string{id}}, now); err != nil {
			return err
		}
		// A new wording is found from now on; a rejected lesson no longer.
		if err := search.IndexCase(tx, l.CaseID); err != nil {
			return err
		}
		if err := s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionLessonCurated, ObjectType: "lesson",
			ObjectID: id, NetworkID: l.NetworkID, Detail: st.action}); err != nil {
			return err
		}
		out, err = lessonView(tx, acc, id)
		return err
	})
	return out, err
}

// lessonForChange locks a readable lesson of the caller's network and
// checks that the caller curates there and saw its current version.
func (s *Service) lessonForChange(tx *gorm.DB, acc leerlus.Access, id string, version int) (*Lesson, error) {
	rows, err := s.lockLessons(tx, []string{id})
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 || !visibleLesson(acc, &rows[0].Lesson) {
		return nil, leerlus.NotFound("lesson")
	}
	if !curates(acc) {
		return nil, forbiddenCuration()
	}
	if rows[0].Version != version {
		return nil, leerlus.StaleVersion()
	}
	return &rows[0].Lesson, nil
}

func forbiddenCuration() error {
	return leerlus.Errorf(leerlus.CodeForbidden, "Only a facilitator of the network can curate lessons.")
}

func hasStatus(l *Lesson, allowed []LessonStatus) bool {
	for _, a := range allowed {
		if l.Status == a {
			return true
		}
	}
	return false
}

// curatedBy are the columns every curation step sets on a lesson it
// changes.
func curatedBy(acc leerlus.Access, now time.Time) map[string]any {
	cols := leerlus.VersionBump(now)
	cols["curated_by"] = leerlus.Optional(acc.PersonID())
	cols["curated_at"] = now
	return cols
}

// edit applies a new wording and codes, and returns the columns to set
// and the lesson's state before and after.
func (s *Service) edit(tx *gorm.DB, l *Lesson, in LessonEdit) (map[string]any, LessonChangeDetail, error) {
	cols := map[string]any{}
	if in.Statement == nil && in.Codes == nil {
		return cols, LessonChangeDetail{}, nil
	}
	codes, err := codeIDsOf(tx, l.ID)
	if err != nil {
		return nil, LessonChangeDetail{}, err
	}
	before := LessonState{Statement: l.Statement, Codes: codes}
	after := before
	if in.Statement != nil {
		after.Statement = *in.Statement
		cols["statement"] = *in.Statement
	}
	if in.Codes != nil {
		codes, err := s.usableCodes(tx, l.NetworkID, *in.Codes)
		if err != nil {
			return nil, LessonChangeDetail{}, err
		}
		if err := setCodes(tx, l.ID, codes); err != nil {
			return nil, LessonChangeDetail{}, err
		}
		after.Codes = codes
	}
	return cols, LessonChangeDetail{Before: &before, After: &after}, nil
}

// recordChange keeps one step in the lesson's history.
func recordChange(tx *gorm.DB, acc leerlus.Access, l *Lesson, action string, d LessonChangeDetail, now time.Time) error {
	b, err := json.Marshal(d.record())
	if err != nil {
		return err
	}
	return tx.Create(&LessonChange{ID: leerlus.NewID(), NetworkID: l.NetworkID, LessonID: l.ID, Action: action,
		Detail: string(b), ActorID: leerlus.Optional(acc.PersonID()), At: now}).Error
}
