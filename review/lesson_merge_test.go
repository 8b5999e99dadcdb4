package review

import (
	"reflect"
	"sort"
	"testing"

	"leerlus"
	"leerlus/policy"
)

// mergeScene adds to a scene a second published case with a
// professional's reflection whose lesson says the same as the scene's
// proposed one, with another code.
type mergeScene struct {
	scene
	case2, reflection2, item2 string
	duplicate                 Lesson
}

func (w *lessonWorld) mergeScene() mergeScene {
	w.t.Helper()
	m := mergeScene{scene: w.scene("Lang wachten op passende hulp")}
	m.case2 = w.publishedCase(w.network, "Samen een plan maken")
	m.reflection2 = w.reflection(m.case2, w.author2, "professional", StatusPublished)
	m.item2 = w.item(m.reflection2, "worked", "We vroegen de jongere wat hij wilde.", "Hij voelde zich gehoord.")
	m.duplicate = w.lesson(m.reflection2, "Vraag de jongere wat hij nodig heeft voor je een plan maakt.", LessonProposed,
		[]string{"T4.stem_jongere", "T4.samen_beslissen"}, m.item2)
	return m
}

func TestMergeKeepsSourcesAndCodes(t *testing.T) {
	for _, into := range []LessonStatus{LessonProposed, LessonAccepted} {
		t.Run("into a "+string(into)+" lesson", func(t *testing.T) {
			w := newLessonWorld(t)
			m := w.mergeScene()
			target := m.proposed
			if into == LessonAccepted {
				v, err := w.svc.Accept(w.ctx, w.as(w.fac), target.ID, LessonEdit{Version: 1})
				w.must(err)
				target = w.stored(v.ID)
			}
			v, err := w.svc.Merge(w.ctx, w.as(w.fac), LessonMergeInput{Into: target.ID, Lessons: []VersionedID{{m.duplicate.ID, 1}}})
			w.must(err)
			if v.Status != into || v.Version != target.Version+1 || v.Statement != target.Statement {
				t.Errorf("target %s v%d %q", v.Status, v.Version, v.Statement)
			}
			d := w.stored(m.duplicate.ID)
			if d.Status != LessonMerged || d.MergedInto == nil || *d.MergedInto != target.ID || d.Version != 2 || d.CuratedBy == nil {
				t.Errorf("merged lesson %+v", d)
			}
			if got := w.storedCodes(target.ID); !reflect.DeepEqual(got, []string{"T4.samen_beslissen", "T4.stem_jongere"}) {
				t.Errorf("target codes %v, want the union", got)
			}
			if got := w.storedCodes(m.duplicate.ID); len(got) != 2 {
				t.Errorf("the merged lesson lost its codes: %v", got)
			}
			// The target leads back to both reflections, their items and cases.
			if len(v.Sources) != 2 || v.Sources[0].LessonID != target.ID || v.Sources[0].Merged || !v.Sources[1].Merged ||
				v.Sources[1].LessonID != m.duplicate.ID || v.Sources[1].Statement != m.duplicate.Statement {
				t.Fatalf("sources %+v", v.Sources)
			}
			if v.Sources[0].ReflectionID != m.reflectionID || v.Sources[1].ReflectionID != m.reflection2 {
				t.Errorf("a facilitator sees the reflections %q %q", v.Sources[0].ReflectionID, v.Sources[1].ReflectionID)
			}
			if len(v.Sources[0].Items) != 1 || v.Sources[0].Items[0].ID != m.worked ||
				len(v.Sources[1].Items) != 1 || v.Sources[1].Items[0].ID != m.item2 || v.Sources[1].Items[0].What != "We vroegen de jongere wat hij wilde." {
				t.Errorf("items %+v %+v", v.Sources[0].Items, v.Sources[1].Items)
			}
			if v.Sources[1].Case.ID != m.case2 || v.Sources[1].Case.Title != "Samen een plan maken" || v.Sources[1].Perspective != "professional" {
				t.Errorf("second source %+v", v.Sources[1])
			}
			if !reflect.DeepEqual(v.Perspectives, []string{"ouder", "professional"}) || len(v.Cases) != 2 || v.SourceCount != 2 {
				t.Errorf("perspectives %v cases %v sources %d", v.Perspectives, v.Cases, v.SourceCount)
			}
			if h := w.history(target.ID); h[len(h)-1] != LessonChangeMergedIn {
				t.Errorf("target history %v", h)
			}
			if h := w.history(m.duplicate.ID); !reflect.DeepEqual(h, []string{LessonChangeMerged}) {
				t.Errorf("merged history %v", h)
			}
			for _, id := range []string{target.ID, m.duplicate.ID} {
				if n := w.count("audit_log", "action = ? AND object_id = ?", string(policy.ActionLessonCurated), id); n == 0 {
					t.Errorf("no audit entry for %s", id)
				}
			}
		})
	}
}

// A lesson that absorbed others and is then merged itself hands all of
// them on: the final lesson leads back to every reflection.
func TestMergeChainLeadsBackToEverySource(t *testing.T) {
	w := newLessonWorld(t)
	m := w.mergeScene()
	third := w.lesson(m.reflection2, "Laat de jongere meebeslissen.", LessonProposed, []string{"T4.samen_beslissen"})
	_, err := w.svc.Merge(w.ctx, w.as(w.fac), LessonMergeInput{Into: m.duplicate.ID, Lessons: []VersionedID{{m.proposed.ID, 1}}})
	w.must(err)
	v, err := w.svc.Merge(w.ctx, w.as(w.fac), LessonMergeInput{Into: third.ID, Lessons: []VersionedID{{m.duplicate.ID, 2}}})
	w.must(err)
	var got []string
	items := map[string]int{}
	for _, s := range v.Sources {
		got = append(got, s.LessonID)
		items[s.LessonID] = len(s.Items)
	}
	want := []string{third.ID, m.proposed.ID, m.duplicate.ID}
	sort.Strings(want[1:])
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("sources %v, want %v", got, want)
	}
	if items[m.proposed.ID] != 1 || items[m.duplicate.ID] != 1 || items[third.ID] != 0 {
		t.Errorf("items per source %v", items)
	}
	if v.SourceCount != 2 || len(v.Cases) != 2 {
		t.Errorf("%d reflections, cases %v", v.SourceCount, v.Cases)
	}
	// The case filter finds the final lesson through the lessons merged into it.
	l, err := w.svc.Lessons(w.ctx, w.as(w.fac), LessonFilter{Case: m.caseID, Status: string(LessonProposed)}, leerlus.Page{Limit: 10})
	w.must(err)
	if len(l.Items) != 1 || l.Items[0].ID != third.ID {
		t.Errorf("lessons of the first case: %+v", l.Items)
	}
}

func TestLessonMergeRefusals(t *testing.T) {
	tests := []struct {
		name  string
		in    func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput)
		code  leerlus.Code
		field string
	}{
		{"into a rejected lesson", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			return w.as(w.fac), LessonMergeInput{Into: m.rejected.ID, Lessons: []VersionedID{{m.duplicate.ID, 1}}}
		}, leerlus.CodeConflict, ""},
		{"into a merged lesson", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			merged := mergedOf(w, m.scene)
			return w.as(w.fac), LessonMergeInput{Into: merged.ID, Lessons: []VersionedID{{m.duplicate.ID, 1}}}
		}, leerlus.CodeConflict, ""},
		{"a merged lesson", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			merged := mergedOf(w, m.scene)
			return w.as(w.fac), LessonMergeInput{Into: m.duplicate.ID, Lessons: []VersionedID{{merged.ID, merged.Version}}}
		}, leerlus.CodeConflict, ""},
		{"a rejected lesson", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			return w.as(w.fac), LessonMergeInput{Into: m.duplicate.ID, Lessons: []VersionedID{{m.rejected.ID, 1}}}
		}, leerlus.CodeConflict, ""},
		{"an old version", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			w.must(w.db.Gorm.Model(&Lesson{}).Where("id = ?", m.accepted.ID).Update("version", 3).Error)
			return w.as(w.fac), LessonMergeInput{Into: m.duplicate.ID, Lessons: []VersionedID{{m.proposed.ID, 1}, {m.accepted.ID, 2}}}
		}, leerlus.CodeConflict, "/lessons/1/version"},
		{"a lesson of another network", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			c := w.publishedCase(w.other, "Elders")
			r := w.reflection(c, w.otherFac, "professional", StatusPublished)
			l := w.lesson(r, "Vraag de jongere wat hij wil.", LessonProposed, nil)
			return w.as(w.fac), LessonMergeInput{Into: m.duplicate.ID, Lessons: []VersionedID{{l.ID, 1}}}
		}, leerlus.CodeNotFound, ""},
		{"into a lesson of another network", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			return w.as(w.otherFac), LessonMergeInput{Into: m.duplicate.ID, Lessons: []VersionedID{{m.proposed.ID, 1}}}
		}, leerlus.CodeNotFound, ""},
		{"a lesson of a reflection not published", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			l := unpublishedOf(w, m.scene)
			return w.as(w.fac), LessonMergeInput{Into: m.duplicate.ID, Lessons: []VersionedID{{l.ID, 1}}}
		}, leerlus.CodeNotFound, ""},
		{"an unknown lesson", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			return w.as(w.fac), LessonMergeInput{Into: m.duplicate.ID, Lessons: []VersionedID{{leerlus.NewID(), 1}}}
		}, leerlus.CodeNotFound, ""},
		{"as a member", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			return w.as(w.member), LessonMergeInput{Into: m.accepted.ID, Lessons: []VersionedID{{m.duplicate.ID, 1}}}
		}, leerlus.CodeNotFound, ""},
		{"as a member, accepted lessons only", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			other := w.lesson(m.reflection2, "Nog een les.", LessonAccepted, nil)
			return w.as(w.member), LessonMergeInput{Into: m.accepted.ID, Lessons: []VersionedID{{other.ID, 1}}}
		}, leerlus.CodeForbidden, ""},
		{"into itself", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			return w.as(w.fac), LessonMergeInput{Into: m.duplicate.ID, Lessons: []VersionedID{{m.proposed.ID, 1}, {m.duplicate.ID, 1}}}
		}, leerlus.CodeInvalid, "/lessons/1/id"},
		{"one lesson twice", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			return w.as(w.fac), LessonMergeInput{Into: m.duplicate.ID, Lessons: []VersionedID{{m.proposed.ID, 1}, {m.proposed.ID, 1}}}
		}, leerlus.CodeInvalid, "/lessons/1/id"},
		{"nothing", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			return w.as(w.fac), LessonMergeInput{Into: m.duplicate.ID}
		}, leerlus.CodeInvalid, "lessons"},
		{"no target", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			return w.as(w.fac), LessonMergeInput{Lessons: []VersionedID{{m.proposed.ID, 1}}}
		}, leerlus.CodeInvalid, "into"},
		{"without a version", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			return w.as(w.fac), LessonMergeInput{Into: m.duplicate.ID, Lessons: []VersionedID{{m.proposed.ID, 0}}}
		}, leerlus.CodeInvalid, "/lessons/0/version"},
		{"too many", func(w *lessonWorld, m mergeScene) (leerlus.Access, LessonMergeInput) {
			in := LessonMergeInput{Into: m.duplicate.ID}
			for range mergeMax + 1 {
				in.Lessons = append(in.Lessons, VersionedID{leerlus.NewID(), 1})
			}
			return w.as(w.fac), in
		}, leerlus.CodeInvalid, "lessons"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newLessonWorld(t)
			m := w.mergeScene()
			acc, in := tt.in(w, m)
			changes, sources, codes := w.count("lesson_changes", "1 = 1"), w.count("lesson_sources", "1 = 1"), w.count("lesson_codes", "1 = 1")
			merged := w.count("lessons", "status = ?", string(LessonMerged))
			_, err := w.svc.Merge(w.ctx, acc, in)
			e := w.wantCode(err, tt.code)
			if tt.field != "" && (len(e.Fields) == 0 || e.Fields[0].Field != tt.field) {
				t.Fatalf("field errors %+v, want one for %s", e.Fields, tt.field)
			}
			if w.count("lesson_changes", "1 = 1") != changes || w.count("lesson_sources", "1 = 1") != sources ||
				w.count("lesson_codes", "1 = 1") != codes || w.count("lessons", "status = ?", string(LessonMerged)) != merged {
				t.Error("a refused merge changed something")
			}
		})
	}
}
