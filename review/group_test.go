package review

import (
	"testing"

	"leerlus"
)

// groupScene is three published cases whose reflections state one lesson
// in different words, a lesson on another subject, and a rejected one.
type groupScene struct {
	cases   []string
	same    []Lesson // the three phrasings of one lesson, one per case
	other   Lesson
	refused Lesson
}

func (w *lessonWorld) groupScene() groupScene {
	w.t.Helper()
	var g groupScene
	texts := []string{
		"Vraag de jongere eerst wat hij zelf nodig heeft voordat je een plan maakt.",
		"Betrek de jongere bij het plan: vraag wat hij zelf wil.",
		"Vraag de jongere wat hij zelf wil voordat je iets besluit.",
	}
	for i, text := range texts {
		c := w.publishedCase(w.network, "Traject "+string(rune('A'+i)))
		g.cases = append(g.cases, c)
		author := []string{w.author, w.author2, w.member}[i]
		r := w.reflection(c, author, []string{"ouder", "professional", "onderwijs"}[i], StatusPublished)
		g.same = append(g.same, w.lesson(r, text, LessonAccepted, nil))
		if i == 0 {
			g.other = w.lesson(r, "Zorg voor overbrugging als er een wachtlijst is.", LessonAccepted, nil)
			g.refused = w.lesson(r, "Vraag de jongere wat hij zelf wil, altijd en overal.", LessonRejected, nil)
		}
	}
	w.must(w.svc.Regroup(w.ctx, w.network))
	return g
}

// groupOf is the group a lesson is in, or "".
func (w *lessonWorld) groupOf(lessonID string) string {
	w.t.Helper()
	var ids []string
	w.must(w.db.Gorm.Model(&GroupMember{}).Where("lesson_id = ?", lessonID).Pluck("group_id", &ids).Error)
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

func TestRecurringLessonFromThreeCases(t *testing.T) {
	w := newLessonWorld(t)
	g := w.groupScene()

	id := w.groupOf(g.same[0].ID)
	if id == "" || w.groupOf(g.same[1].ID) != id || w.groupOf(g.same[2].ID) != id {
		t.Fatalf("the three phrasings are not in one group: %q %q %q", id, w.groupOf(g.same[1].ID), w.groupOf(g.same[2].ID))
	}
	if w.groupOf(g.other.ID) == id {
		t.Error("the lesson on waiting lists joined the group")
	}
	if w.groupOf(g.refused.ID) != "" {
		t.Error("a rejected lesson was grouped")
	}

	for _, who := range []string{w.member, w.researcher, w.manager, w.fac} {
		list, err := w.svc.RecurringLessons(w.ctx, w.as(who), GroupFilter{})
		w.must(err)
		if len(list) != 1 || list[0].ID != id || !list[0].Recurring {
			t.Fatalf("%s sees %+v, want the one recurring lesson", w.roles[who], list)
		}
		sp := list[0].Spread
		if len(sp.Cases) != 3 || sp.Outcomes.Stuck != 3 || len(sp.Perspectives) != 3 {
			t.Errorf("spread = %+v, want 3 stuck cases from 3 perspectives", sp)
		}
	}
	// Crossing the threshold proposed an improvement action for it, once.
	if n := w.count("improvement_actions", "auto_group_id = ? AND status = ? AND proposed_automatically", id, ActionProposed); n != 1 {
		t.Errorf("%d automatic proposals for the new recurring lesson, want 1", n)
	}
	detail, err := w.svc.RecurringLesson(w.ctx, w.as(w.member), id)
	w.must(err)
	if len(detail.Lessons) != 3 {
		t.Errorf("detail lists %d lessons, want 3", len(detail.Lessons))
	}

	// Another network sees nothing of it.
	_, err = w.svc.RecurringLesson(w.ctx, w.as(w.otherFac), id)
	w.wantCode(err, leerlus.CodeNotFound)

	// A full recompute changes nothing: same group, same version.
	before := detail.Version
	w.must(w.svc.Regroup(w.ctx, w.network))
	again, err := w.svc.RecurringLesson(w.ctx, w.as(w.member), id)
	w.must(err)
	if again.Version != before || w.groupOf(g.same[2].ID) != id {
		t.Errorf("a recompute changed the group: version %d → %d", before, again.Version)
	}
	if n := w.count("improvement_actions", "auto_group_id = ?", id); n != 1 {
		t.Errorf("%d automatic proposals after a recompute, want still 1", n)
	}
}

func TestGroupCurationSurvivesRecompute(t *testing.T) {
	w := newLessonWorld(t)
	g := w.groupScene()
	id := w.groupOf(g.same[0].ID)
	fac := w.as(w.fac)
	cur, err := w.svc.RecurringLesson(w.ctx, fac, id)
	w.must(err)

	// Rename: the statement stays through regroupings.
	statement := "Vraag jongeren wat zij zelf willen voordat er een plan komt."
	cur, err = w.svc.UpdateGroup(w.ctx, fac, id, GroupUpdate{Version: cur.Version, Statement: &statement})
	w.must(err)
	if cur.Statement != statement || !cur.StatementEdited {
		t.Fatalf("after rename: %q edited=%v", cur.Statement, cur.StatementEdited)
	}

	// Split one lesson off: it leaves, and stays out after a recompute.
	cur, err = w.svc.SplitGroup(w.ctx, fac, id, cur.Version, []string{g.same[2].ID})
	w.must(err)
	if w.groupOf(g.same[2].ID) == id || w.groupOf(g.same[0].ID) != id {
		t.Fatal("the split lesson is still in the group, or the group lost its identity")
	}
	w.must(w.svc.Regroup(w.ctx, w.network))
	if w.groupOf(g.same[2].ID) == id {
		t.Error("the split did not survive a full recompute")
	}
	after, err := w.svc.RecurringLesson(w.ctx, fac, id)
	w.must(err)
	if after.Statement != statement || after.CaseCount != 2 || after.Recurring {
		t.Errorf("after the split: %q, %d cases, recurring %v; want the edited statement, 2 cases, not recurring", after.Statement, after.CaseCount, after.Recurring)
	}

	// Place it back in one click: together again, also after a recompute.
	after, err = w.svc.PlaceLesson(w.ctx, fac, id, after.Version, g.same[2].ID)
	w.must(err)
	w.must(w.svc.Regroup(w.ctx, w.network))
	if w.groupOf(g.same[2].ID) != id {
		t.Error("the placed lesson is not in the group after a recompute")
	}

	// Dismiss: gone from the members' list, still in the facilitator's.
	after, err = w.svc.RecurringLesson(w.ctx, fac, id)
	w.must(err)
	dismissed := GroupDismissed
	_, err = w.svc.UpdateGroup(w.ctx, fac, id, GroupUpdate{Version: after.Version, Status: &dismissed, DismissReason: "Dit is al beleid."})
	w.must(err)
	w.must(w.svc.Regroup(w.ctx, w.network))
	list, err := w.svc.RecurringLessons(w.ctx, w.as(w.member), GroupFilter{})
	w.must(err)
	if len(list) != 0 {
		t.Errorf("members still see %d recurring lessons after the dismissal", len(list))
	}
	all, err := w.svc.RecurringLessons(w.ctx, fac, GroupFilter{All: true})
	w.must(err)
	found := false
	for _, r := range all {
		found = found || r.ID == id && r.Status == GroupDismissed && r.DismissReason == "Dit is al beleid."
	}
	if !found {
		t.Error("the facilitator's full list lacks the dismissed group")
	}
}

func TestGroupCurationRefusals(t *testing.T) {
	w := newLessonWorld(t)
	g := w.groupScene()
	id := w.groupOf(g.same[0].ID)
	cur, err := w.svc.RecurringLesson(w.ctx, w.as(w.fac), id)
	w.must(err)
	name := "Een nieuwe naam voor de les"
	tests := []struct {
		name string
		run  func() error
		code leerlus.Code
	}{
		{"a member renames", func() error {
			_, err := w.svc.UpdateGroup(w.ctx, w.as(w.member), id, GroupUpdate{Version: cur.Version, Statement: &name})
			return err
		}, leerlus.CodeForbidden},
		{"a manager splits", func() error {
			_, err := w.svc.SplitGroup(w.ctx, w.as(w.manager), id, cur.Version, []string{g.same[0].ID})
			return err
		}, leerlus.CodeForbidden},
		{"a stale version", func() error {
			_, err := w.svc.UpdateGroup(w.ctx, w.as(w.fac), id, GroupUpdate{Version: cur.Version + 1, Statement: &name})
			return err
		}, leerlus.CodeConflict},
		{"splitting off every lesson", func() error {
			_, err := w.svc.SplitGroup(w.ctx, w.as(w.fac), id, cur.Version, []string{g.same[0].ID, g.same[1].ID, g.same[2].ID})
			return err
		}, leerlus.CodeInvalid},
		{"splitting off a lesson of no group", func() error {
			_, err := w.svc.SplitGroup(w.ctx, w.as(w.fac), id, cur.Version, []string{g.other.ID})
			return err
		}, leerlus.CodeInvalid},
		{"dismissing without a reason", func() error {
			d := GroupDismissed
			_, err := w.svc.UpdateGroup(w.ctx, w.as(w.fac), id, GroupUpdate{Version: cur.Version, Status: &d})
			return err
		}, leerlus.CodeInvalid},
		{"a name in the statement", func() error {
			s := "Vraag het Sanne Bakker, die weet het."
			_, err := w.svc.UpdateGroup(w.ctx, w.as(w.fac), id, GroupUpdate{Version: cur.Version, Statement: &s})
			return err
		}, leerlus.CodeIdentifying},
		{"another network's facilitator", func() error {
			_, err := w.svc.UpdateGroup(w.ctx, w.as(w.otherFac), id, GroupUpdate{Version: cur.Version, Statement: &name})
			return err
		}, leerlus.CodeNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w.wantCode(tt.run(), tt.code)
		})
	}
	unchanged, err := w.svc.RecurringLesson(w.ctx, w.as(w.fac), id)
	w.must(err)
	if unchanged.Version != cur.Version || unchanged.Statement == name {
		t.Errorf("a refused step changed the group: version %d → %d", cur.Version, unchanged.Version)
	}
}

func TestRecurringAcrossNetworks(t *testing.T) {
	w := newLessonWorld(t)
	g := w.groupScene() // one recurring lesson on three cases
	id := w.groupOf(g.same[0].ID)

	// Three cases are enough inside the network, not across networks.
	list, err := w.svc.RecurringAcross(w.ctx, w.as(w.researcher))
	w.must(err)
	if len(list) != 0 {
		t.Fatalf("a recurring lesson on 3 cases is shown across networks: %+v", list)
	}

	// Two more cases with the lesson: five, now shown to the researcher
	// and to a manager of the workplace, never to a member.
	for i, text := range []string{
		"Vraag jongeren zelf wat ze willen voordat er een plan komt.",
		"Laat de jongere eerst zelf zeggen wat hij wil, dan pas een plan.",
	} {
		c := w.publishedCase(w.network, "Traject extra "+string(rune('A'+i)))
		r := w.reflection(c, w.author, "ouder", StatusPublished)
		l := w.lesson(r, text, LessonAccepted, nil)
		fac := w.as(w.fac)
		cur, err := w.svc.RecurringLesson(w.ctx, fac, id)
		w.must(err)
		_, err = w.svc.PlaceLesson(w.ctx, fac, id, cur.Version, l.ID)
		w.must(err)
	}
	for _, who := range []string{w.researcher, w.manager} {
		list, err := w.svc.RecurringAcross(w.ctx, w.as(who))
		w.must(err)
		if len(list) != 1 || list[0].ID != id || list[0].CaseCount != 5 || list[0].NetworkName != "Leernetwerk Noord" {
			t.Fatalf("%s sees %+v across networks, want the one lesson on 5 cases", w.roles[who], list)
		}
		if list[0].Lessons != nil || list[0].DismissReason != "" {
			t.Errorf("the across view shows lessons or curation: %+v", list[0])
		}
	}
	list, err = w.svc.RecurringAcross(w.ctx, w.as(w.member))
	w.must(err)
	if len(list) != 0 {
		t.Errorf("a member sees %d recurring lessons across networks", len(list))
	}
}
