package review_test

import (
	"testing"

	"leerlus"
	"leerlus/review"
	"leerlus/review/runchart"
)

func TestActionEffect(t *testing.T) {
	w := newActionWorld(t)
	group := w.group(w.network, "Vraag eerst wat de jongere wil.")
	other := w.group(w.network, "Betrek school vroeg.")
	// Before the start (2025 Q1): 2024 Q2 holds the world's case and two
	// more, two of the three with the lesson (one of them twice). After:
	// 2025 Q3, one of two cases, through a lesson merged into a member.
	a1, a2 := w.caseIn(2024, 2), w.caseIn(2024, 2)
	w.lessonIn(a1, group)
	w.lessonIn(a1, group)
	w.lessonIn(a2, group)
	w.lessonIn(w.caseID, other) // another group does not count
	b1 := w.caseIn(2025, 3)
	w.caseIn(2025, 3)
	member := w.lessonIn(b1, "")
	merged := w.lessonIn(b1, "")
	w.must(w.DB.Writer(w.ctx).Exec("UPDATE lessons SET status = 'merged', merged_into = ? WHERE id = ?", member, merged).Error)
	w.must(w.DB.Writer(w.ctx).Create(&review.LessonSource{ID: leerlus.NewID(), LessonID: member, SourceLessonID: &merged}).Error)
	w.must(w.DB.Writer(w.ctx).Exec("UPDATE lessons SET case_id = ? WHERE id = ?", w.caseIn(2023, 4), member).Error)
	w.must(w.DB.Writer(w.ctx).Create(&review.GroupMember{LessonID: member, GroupID: group, NetworkID: w.network}).Error)

	v := w.inStatus("Eerst vragen", review.ActionAccepted)
	eff, err := w.svc.ActionEffect(w.ctx, w.as(w.member), v.ID)
	w.must(err)
	if eff.Effect != nil || eff.StartedOn != nil {
		t.Fatalf("an action without start or lessons has an effect: %+v", eff)
	}
	v, err = w.svc.UpdateAction(w.ctx, w.as(w.mgr), v.ID, review.ActionEdit{Version: v.Version, Lessons: &[]string{group}, StartedOn: ptr("2025-01-15")})
	w.must(err)
	eff, err = w.svc.ActionEffect(w.ctx, w.as(w.researcher), v.ID)
	w.must(err)
	e := eff.Effect
	if e == nil || len(eff.Lessons) != 1 {
		t.Fatalf("effect %+v", eff)
	}
	// 2023 Q4 (the member's own case, 1 of 1) to 2025 Q3.
	want := map[runchart.Period][2]int{20234: {1, 1}, 20242: {3, 2}, 20251: {0, 0}, 20253: {2, 1}}
	for _, q := range e.Quarters {
		if w, ok := want[q.Period]; ok && (q.Cases != w[0] || q.WithLesson != w[1]) {
			t.Errorf("%s: %d cases, %d with the lesson; want %v", q.Period, q.Cases, q.WithLesson, w)
		}
	}
	if e.Quarters[0].Period != 20234 || e.Quarters[len(e.Quarters)-1].Period != 20253 || len(e.Quarters) != 8 {
		t.Errorf("quarters %+v", e.Quarters)
	}
	if e.Before.Cases != 4 || e.Before.WithLesson != 3 || e.After.Cases != 2 || e.After.WithLesson != 1 || e.Verdict != runchart.VerdictTooFew {
		t.Errorf("before %+v after %+v verdict %s", e.Before, e.After, e.Verdict)
	}
}
