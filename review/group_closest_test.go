package review

import (
	"testing"

	"leerlus"
)

func TestClosestGroupsPlaceInOneClick(t *testing.T) {
	w := newLessonWorld(t)
	g := w.groupScene()
	id := w.groupOf(g.same[0].ID)
	fac := w.as(w.fac)

	// A lesson that shares the subject but not enough to be grouped.
	r := w.reflection(g.cases[1], w.author, "ouder", StatusPublished)
	loose := w.lesson(r, "Laat de jongere een mentor kiezen.", LessonProposed, nil)
	w.must(w.svc.Regroup(w.ctx, w.network))
	if w.groupOf(loose.ID) != "" {
		t.Fatalf("the loose lesson was grouped; the test needs it on its own")
	}

	matches, err := w.svc.ClosestGroups(w.ctx, fac, loose.ID, 3)
	w.must(err)
	if len(matches) == 0 || matches[0].GroupID != id {
		t.Fatalf("closest groups = %+v, want the recurring lesson %s first", matches, id)
	}
	if m := matches[0]; m.Score <= 0 || m.Score > 1 || m.CaseCount != 3 || m.Statement == "" {
		t.Errorf("match = %+v, want a score in (0, 1], 3 cases and a statement", m)
	}

	// One click: placed, and the group is no longer offered for it.
	_, err = w.svc.PlaceLesson(w.ctx, fac, id, matches[0].Version, loose.ID)
	w.must(err)
	if w.groupOf(loose.ID) != id {
		t.Fatal("the lesson is not in the group it was placed in")
	}
	matches, err = w.svc.ClosestGroups(w.ctx, fac, loose.ID, 3)
	w.must(err)
	for _, m := range matches {
		if m.GroupID == id {
			t.Errorf("the lesson's own group is offered: %+v", m)
		}
	}
}

func TestClosestGroupsRespectsSplitsAndAccess(t *testing.T) {
	w := newLessonWorld(t)
	g := w.groupScene()
	id := w.groupOf(g.same[0].ID)
	fac := w.as(w.fac)
	cur, err := w.svc.RecurringLesson(w.ctx, fac, id)
	w.must(err)
	_, err = w.svc.SplitGroup(w.ctx, fac, id, cur.Version, []string{g.same[2].ID})
	w.must(err)

	matches, err := w.svc.ClosestGroups(w.ctx, fac, g.same[2].ID, 5)
	w.must(err)
	for _, m := range matches {
		if m.GroupID == id {
			t.Errorf("the group a facilitator split the lesson from is offered again: %+v", m)
		}
	}
	rejected, err := w.svc.ClosestGroups(w.ctx, fac, g.refused.ID, 5)
	w.must(err)
	if rejected == nil || len(rejected) != 0 {
		t.Errorf("a rejected lesson gets %+v, want an empty list", rejected)
	}

	_, err = w.svc.ClosestGroups(w.ctx, w.as(w.member), g.other.ID, 3)
	w.wantCode(err, leerlus.CodeForbidden)
	_, err = w.svc.ClosestGroups(w.ctx, w.as(w.otherFac), g.other.ID, 3)
	w.wantCode(err, leerlus.CodeNotFound)
	_, err = w.svc.ClosestGroups(w.ctx, fac, "niet-een-id", 3)
	w.wantCode(err, leerlus.CodeNotFound)
}
