package review

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"gorm.io/gorm"
)

// demoLessonTexts reads the lesson statements of the demo reflections
// (review/demo imports this package, so the file is read directly).
func demoLessonTexts(t testing.TB) []string {
	t.Helper()
	raw, err := os.ReadFile("demo/reflections.json")
	if err != nil {
		t.Fatal(err)
	}
	var data []struct {
		Reflections []struct {
			Lessons []struct {
				Statement string `json:"statement"`
			} `json:"lessons"`
		} `json:"reflections"`
	}
	if err := json.Unmarshal(raw, &data); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range data {
		for _, r := range c.Reflections {
			for _, l := range r.Lessons {
				out = append(out, l.Statement)
			}
		}
	}
	return out
}

// partition is the stored grouping as group id → sorted lesson ids.
func (w *lessonWorld) partition() map[string]string {
	w.t.Helper()
	var members []GroupMember
	w.must(w.db.Gorm.Where("network_id = ?", w.network).Order("lesson_id").Find(&members).Error)
	byGroup := map[string][]string{}
	for _, m := range members {
		byGroup[m.GroupID] = append(byGroup[m.GroupID], m.LessonID)
	}
	out := map[string]string{}
	for g, ls := range byGroup {
		sort.Strings(ls)
		out[g] = strings.Join(ls, ",")
	}
	return out
}

// TestIncrementalEqualsFullRecompute publishes lessons one at a time
// through two service instances on one database, as two servers would,
// and curates on the way; the stored groups must equal what a full
// recompute by a third instance stores.
func TestIncrementalEqualsFullRecompute(t *testing.T) {
	w := newLessonWorld(t)
	texts := demoLessonTexts(t)
	if len(texts) < 72 {
		t.Fatalf("the demo has %d lessons, the test needs 72", len(texts))
	}
	instances := []*Service{w.svc, NewService(w.db, w.svc.now, w.svc.audit, w.cases)}
	var cases []string
	for i := 0; i < 6; i++ {
		cases = append(cases, w.publishedCase(w.network, "Traject "+string(rune('A'+i))))
	}
	var lessons []Lesson
	reflections := map[string]string{}
	for i, text := range texts[:72] {
		c, author := cases[i%len(cases)], []string{w.author, w.author2, w.member}[i%3]
		r, ok := reflections[c+author]
		if !ok {
			r = w.reflection(c, author, "ouder", StatusPublished)
			reflections[c+author] = r
		}
		lesson := w.lesson(r, text, LessonProposed, nil)
		lessons = append(lessons, lesson)
		// One of the two instances regroups for the new lesson, six in a
		// row: the others it continues from its kept grouping, the first
		// after a switch it rebuilds (the other instance wrote since).
		svc := instances[(i/6)%2]
		w.must(w.db.InTx(w.ctx, func(tx *gorm.DB) error {
			return svc.regroup(tx, w.network, groupingChange{lessons: []string{lesson.ID}}, svc.now.Now())
		}))
	}
	// A rejection and an edit through the same path.
	w.must(w.db.Gorm.Model(&Lesson{}).Where("id = ?", lessons[3].ID).Update("status", LessonRejected).Error)
	w.must(w.db.Gorm.Model(&Lesson{}).Where("id = ?", lessons[7].ID).Update("statement", lessons[11].Statement).Error)
	for i, id := range []string{lessons[3].ID, lessons[7].ID} {
		svc := instances[i%2]
		w.must(w.db.InTx(w.ctx, func(tx *gorm.DB) error {
			return svc.regroup(tx, w.network, groupingChange{lessons: []string{id}}, svc.now.Now())
		}))
	}
	if builds := instances[0].groupings.builds.Load() + instances[1].groupings.builds.Load(); builds > 14 {
		t.Errorf("%d full builds for 74 changes: the kept groupings were not used", builds)
	}
	incremental := w.partition()
	if len(incremental) < 3 {
		t.Fatalf("only %d groups formed from 72 demo lessons; the test needs groups to compare", len(incremental))
	}

	third := NewService(w.db, w.svc.now, w.svc.audit, w.cases)
	w.must(third.Regroup(w.ctx, w.network))
	full := w.partition()
	if len(full) != len(incremental) {
		t.Errorf("%d groups incrementally, %d after a full recompute", len(incremental), len(full))
	}
	for g, members := range incremental {
		if full[g] != members {
			t.Errorf("group %s: incremental %s, full %s", g, members, full[g])
		}
	}
}

// TestConcurrentInstancesEqualFullRecompute adds lessons at the same
// moment through two service instances on one database; the network's
// lock orders their regroupings, and the result equals a full recompute.
func TestConcurrentInstancesEqualFullRecompute(t *testing.T) {
	w := newLessonWorld(t)
	texts := demoLessonTexts(t)
	instances := []*Service{w.svc, NewService(w.db, w.svc.now, w.svc.audit, w.cases)}
	var jobs [2][]string // lesson ids per instance
	for i := 0; i < 4; i++ {
		c := w.publishedCase(w.network, "Traject "+string(rune('A'+i)))
		for j, author := range []string{w.author, w.author2, w.member} {
			r := w.reflection(c, author, "ouder", StatusPublished)
			for k := 0; k < 4; k++ {
				n := (i*3+j)*4 + k
				jobs[n%2] = append(jobs[n%2], w.lesson(r, texts[n], LessonProposed, nil).ID)
			}
		}
	}
	errs := make(chan error, 2)
	for i := range instances {
		go func(svc *Service, ids []string) {
			for _, id := range ids {
				if err := svc.db.InTx(w.ctx, func(tx *gorm.DB) error {
					return svc.regroup(tx, w.network, groupingChange{lessons: []string{id}}, svc.now.Now())
				}); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}(instances[i], jobs[i])
	}
	for range instances {
		w.must(<-errs)
	}
	concurrent := w.partition()
	if len(concurrent) < 3 {
		t.Fatalf("only %d groups formed; the test needs groups to compare", len(concurrent))
	}
	w.must(NewService(w.db, w.svc.now, w.svc.audit, w.cases).Regroup(w.ctx, w.network))
	full := w.partition()
	if len(full) != len(concurrent) {
		t.Errorf("%d groups concurrently, %d after a full recompute", len(concurrent), len(full))
	}
	for g, members := range concurrent {
		if full[g] != members {
			t.Errorf("group %s: concurrent %s, full %s", g, members, full[g])
		}
	}
}
