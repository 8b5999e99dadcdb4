package review

import (
	"fmt"
	"sync"
	"testing"
)

// Facilitators rewording and accepting different lessons of one network
// at the same time never deadlock: each such transaction takes the
// network's lock first, before the case and the lesson, and appends to
// the audit log last. (On PostgreSQL, concurrent curation answered 500
// "deadlock detected": lesson, case and network locks were taken in
// different orders, and the audit chain's head was locked mid-way.)
func TestConcurrentCurationDoesNotDeadlock(t *testing.T) {
	w := newLessonWorld(t)
	const n = 6
	var lessons []Lesson
	for i := range n {
		s := w.scene(fmt.Sprintf("Casus %d", i))
		lessons = append(lessons, s.proposed, s.accepted)
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(lessons))
	for i, l := range lessons {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statement := fmt.Sprintf("Bespreek het plan samen met het gezin, versie %d.", i)
			in := LessonEdit{Version: l.Version, Statement: &statement}
			var err error
			if l.Status == LessonProposed {
				_, err = w.svc.Accept(w.ctx, w.as(w.fac), l.ID, in)
			} else {
				_, err = w.svc.Reword(w.ctx, w.as(w.fac2), l.ID, in)
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}
