package review

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/review/grouping"
)

// groupingChange names what changed in a network since its grouping was
// stored, so that a regrouping recomputes only the parts it touches.
type groupingChange struct {
	all     bool        // regroup everything: a codebook merge, an operator's recompute
	lessons []string    // lessons published, edited, curated or merged
	pairs   [][2]string // lesson pairs a facilitator taught or untaught
}

// regroupNetwork regroups a whole network.
func (s *Service) regroupNetwork(tx *gorm.DB, networkID string, now time.Time) error {
	return s.regroup(tx, networkID, groupingChange{all: true}, now)
}

// regroup brings a network's stored groups up to date after a change,
// under the network's lock: two instances that change lessons at the same
// moment regroup one after the other, each from everything committed
// before it, and end where a full recompute ends.
//
// The grouping of a network is kept in memory between requests as an
// accelerator only. The database holds the truth and a token naming the
// last stored grouping; a kept grouping whose token is not the stored one
// (another instance regrouped since, or the transaction that made it
// rolled back) is rebuilt from the database.
func (s *Service) regroup(tx *gorm.DB, networkID string, ch groupingChange, now time.Time) error {
	if err := s.lockNetwork(tx, networkID); err != nil {
		return err
	}
	var tokens []string
	if err := tx.Table("networks").Where("id = ?", networkID).Pluck("grouping_token", &tokens).Error; err != nil {
		return err
	}
	// Taken out while in use: an error below leaves no half-updated copy.
	kept := s.groupings.take(networkID)
	var err error
	if ch.all || kept == nil || len(tokens) == 0 || tokens[0] == "" || kept.token != tokens[0] {
		kept, err = s.regroupAll(tx, networkID, now)
	} else {
		err = s.regroupPart(tx, networkID, kept, ch, now)
	}
	if err != nil {
		return err
	}
	kept.token = leerlus.NewID()
	if err := tx.Table("networks").Where("id = ?", networkID).Update("grouping_token", kept.token).Error; err != nil {
		return err
	}
	s.groupings.put(networkID, kept)
	return nil
}

// regroupAll groups every lesson of the network from scratch.
func (s *Service) regroupAll(tx *gorm.DB, networkID string, now time.Time) (*keptGrouping, error) {
	lessons, err := groupableLessons(tx, networkID)
	if err != nil {
		return nil, err
	}
	cons, err := groupingConstraints(tx, networkID)
	if err != nil {
		return nil, err
	}
	in := make([]grouping.Lesson, len(lessons))
	kept := &keptGrouping{lessons: make(map[string]groupLesson, len(lessons))}
	for i, l := range lessons {
		in[i] = groupingLesson(l)
		kept.lessons[l.ID] = l
	}
	// The stored groups are read while the lessons are grouped: grouping
	// does not use the transaction, and reading 20,000 groups waits on the
	// database more than it works.
	var stored []storedGroup
	read := make(chan error, 1)
	go func() {
		var err error
		stored, err = storedGroups(tx, networkID, nil)
		read <- err
	}()
	kept.g = grouping.Build(in, groupingConstraintsOf(cons))
	s.groupings.builds.Add(1)
	if err := <-read; err != nil {
		return nil, err
	}
	return kept, s.store(tx, networkID, kept, kept.g.Groups(), stored, now)
}

// regroupPart applies the change to the kept grouping and stores the
// groups of the parts it touched.
func (s *Service) regroupPart(tx *gorm.DB, networkID string, kept *keptGrouping, ch groupingChange, now time.Time) error {
	affected := map[string]bool{}
	note := func(c grouping.Change) {
		for _, gs := range [][]grouping.Group{c.Before, c.After} {
			for _, g := range gs {
				for _, id := range g.Members {
					affected[id] = true
				}
			}
		}
	}
	fresh, err := readGroupable(tx, networkID, ch.lessons)
	if err != nil {
		return err
	}
	byID := make(map[string]groupLesson, len(fresh))
	for _, l := range fresh {
		byID[l.ID] = l
	}
	for _, id := range ch.lessons {
		affected[id] = true
		old, had := kept.lessons[id]
		l, ok := byID[id]
		switch {
		case ok && (!had || !sameGrouping(old, l)):
			note(kept.g.Set(groupingLesson(l)))
			kept.lessons[id] = l
		case ok:
			kept.lessons[id] = l // its cases or curation state changed: counts and statement
		case had:
			note(kept.g.Remove(id))
			delete(kept.lessons, id)
		}
	}
	for _, p := range ch.pairs {
		a, b := p[0], p[1]
		if b < a {
			a, b = b, a
		}
		note(kept.g.RemoveConstraint(grouping.Constraint{A: a, B: b, Kind: grouping.Together}))
		note(kept.g.RemoveConstraint(grouping.Constraint{A: a, B: b, Kind: grouping.Apart}))
		var cur []GroupingConstraint
		if err := tx.Where("lesson_id = ? AND other_lesson_id = ?", a, b).Find(&cur).Error; err != nil {
			return err
		}
		for _, c := range cur {
			note(kept.g.AddConstraint(grouping.Constraint{A: c.LessonID, B: c.OtherLessonID, Kind: grouping.Kind(c.Kind)}))
		}
		affected[a], affected[b] = true, true
	}
	// The groups that now hold an affected lesson, each once.
	var groups []grouping.Group
	ids := make([]string, 0, len(affected))
	seen := map[string]bool{}
	for id := range affected {
		ids = append(ids, id)
		if g, ok := kept.g.GroupOf(id); ok && !seen[g.Anchor()] {
			seen[g.Anchor()] = true
			groups = append(groups, g)
		}
	}
	slices.SortFunc(groups, func(a, b grouping.Group) int { return strings.Compare(a.Anchor(), b.Anchor()) })
	stored, err := storedGroups(tx, networkID, ids)
	if err != nil {
		return err
	}
	return s.store(tx, networkID, kept, groups, stored, now)
}

// store writes groups over the stored groups they replace.
func (s *Service) store(tx *gorm.DB, networkID string, kept *keptGrouping, groups []grouping.Group, stored []storedGroup, now time.Time) error {
	size := 0
	for _, g := range groups {
		size += len(g.Members)
	}
	lessons := make([]groupLesson, 0, size)
	clusters := make([][]int, len(groups))
	ids := make([][]string, len(groups))
	for i, g := range groups {
		ids[i] = g.Members
		clusters[i] = make([]int, len(g.Members))
		for k, id := range g.Members {
			clusters[i][k] = len(lessons)
			lessons = append(lessons, kept.lessons[id])
		}
	}
	statements := make([]string, len(clusters))
	for ci, c := range clusters {
		statements[ci] = lessons[representative(lessons, c, kept.g.Words)].Text
	}
	return s.applyPlan(tx, networkID, lessons, clusters, statements, stored, matchGroups(stored, ids), now)
}

// sameGrouping reports whether two states of a lesson group alike: the
// same words and codes.
func sameGrouping(a, b groupLesson) bool {
	return a.Text == b.Text && slices.Equal(a.Codes, b.Codes) && slices.Equal(a.ItemCodes, b.ItemCodes)
}

func groupingConstraintsOf(cons []GroupingConstraint) []grouping.Constraint {
	out := make([]grouping.Constraint, len(cons))
	for i, c := range cons {
		out[i] = grouping.Constraint{A: c.LessonID, B: c.OtherLessonID, Kind: grouping.Kind(c.Kind)}
	}
	return out
}

// keptGrouping is a network's grouping kept between requests, with the
// lessons it holds and the token of the stored grouping it equals.
type keptGrouping struct {
	token   string
	g       *grouping.Grouper
	lessons map[string]groupLesson
}

// keptGroupingsMax bounds the networks whose grouping is kept; a network
// not kept is rebuilt from the database when it changes.
const keptGroupingsMax = 64

// keptGroupings holds the kept groupings by network.
type keptGroupings struct {
	mu   sync.Mutex
	byID map[string]*keptGrouping
	// builds counts full builds from the database.
	builds atomic.Int64
}

func newKeptGroupings() *keptGroupings { return &keptGroupings{byID: map[string]*keptGrouping{}} }

func (k *keptGroupings) take(networkID string) *keptGrouping {
	k.mu.Lock()
	defer k.mu.Unlock()
	g := k.byID[networkID]
	delete(k.byID, networkID)
	return g
}

func (k *keptGroupings) put(networkID string, g *keptGrouping) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.byID) >= keptGroupingsMax {
		for id := range k.byID {
			delete(k.byID, id)
			break
		}
	}
	k.byID[networkID] = g
}
