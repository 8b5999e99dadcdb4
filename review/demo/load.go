package demo

import (
	"context"
	"fmt"
	"sort"

	"golang.org/x/sync/errgroup"

	"leerlus"
	"leerlus/policy"
	"leerlus/review"
)

// Setup is what the demo loader of cmd/leerlus made before the
// reflections: the demo cases, people and roles.
type Setup struct {
	Cases  map[string]CaseRef                // by the key in cases/demo
	People map[string]string                 // e-mail → person id
	Roles  map[string]map[string]policy.Role // network id → person id → role
}

// CaseRef is a demo case as it was loaded.
type CaseRef struct {
	ID, NetworkID string
}

// Counts say what Load wrote.
type Counts struct {
	Reflections, Published, Submitted, Drafts, Lessons int
}

// Load writes the demo reflections as their authors would, through the
// review service: every text passes the anonymiser with no decisions, so
// a demo text with any finding fails the load. Submitted and published
// reflections are submitted by their author; published ones are then
// published by a facilitator of the network who is not the author (four
// eyes). Cases must be submitted or published, not yet archived.
func Load(ctx context.Context, db *leerlus.DB, svc *review.Service, setup Setup) (Counts, error) {
	list, err := Reflections()
	if err != nil {
		return Counts{}, err
	}
	type job struct {
		key string
		c   CaseRef
		r   Reflection
	}
	var first, rest []job
	seeded := map[string]bool{}
	for _, cr := range list {
		c, ok := setup.Cases[cr.Case]
		if !ok {
			return Counts{}, fmt.Errorf("demo reflections: unknown case %q", cr.Case)
		}
		for _, r := range cr.Reflections {
			if !seeded[c.NetworkID] {
				seeded[c.NetworkID] = true
				first = append(first, job{cr.Case, c, r})
			} else {
				rest = append(rest, job{cr.Case, c, r})
			}
		}
	}
	codes := map[string]map[string]string{} // network id → code key → code id
	run := func(j job) error {
		if err := loadOne(ctx, db, svc, setup, j.c, j.r, codes); err != nil {
			return fmt.Errorf("demo reflection on %s by %s: %w", j.key, j.r.Perspective, err)
		}
		return nil
	}
	// The first reflection in each network copies its codebook and tells
	// the codes' ids; the rest only read them and run side by side, which
	// PostgreSQL turns into a shorter load (SQLite takes them in turn).
	for _, j := range first {
		if err := run(j); err != nil {
			return Counts{}, err
		}
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(loadWorkers)
	for _, j := range rest {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			return run(j)
		})
	}
	if err := g.Wait(); err != nil {
		return Counts{}, err
	}
	var n Counts
	for _, j := range append(first, rest...) {
		n.Reflections++
		n.Lessons += len(j.r.Lessons)
		switch j.r.Status {
		case string(review.StatusPublished):
			n.Published++
		case string(review.StatusSubmitted):
			n.Submitted++
		default:
			n.Drafts++
		}
	}
	return n, nil
}

// loadWorkers is how many reflections are written at once.
const loadWorkers = 4

func loadOne(ctx context.Context, db *leerlus.DB, svc *review.Service, setup Setup, c CaseRef, r Reflection, codes map[string]map[string]string) error {
	author, ok := setup.People[r.Author]
	if !ok {
		return fmt.Errorf("unknown author %s", r.Author)
	}
	acc := access(author, c.NetworkID, setup.Roles[c.NetworkID][author])
	// A network's codebook is copied from the defaults on its first
	// reflection, so the codes' ids are known only after that: the first
	// reflection in a network starts empty and is then written whole.
	var v *review.ReflectionView
	var err error
	if codes[c.NetworkID] == nil {
		if v, err = svc.Create(ctx, acc, c.ID, review.ReflectionInput{}); err != nil {
			return err
		}
		if codes[c.NetworkID], err = networkCodes(ctx, db, c.NetworkID); err != nil {
			return err
		}
	}
	in, err := input(r, codes[c.NetworkID])
	if err != nil {
		return err
	}
	if v == nil {
		v, err = svc.Create(ctx, acc, c.ID, in)
	} else {
		in.Version = v.Version
		v, err = svc.Update(ctx, acc, v.ID, in)
	}
	if err != nil {
		return err
	}
	if v.Perspective != r.Perspective {
		return fmt.Errorf("written from perspective %s, the data says %s", v.Perspective, r.Perspective)
	}
	switch r.Status {
	case string(review.StatusDraft):
		return nil
	case string(review.StatusSubmitted), string(review.StatusPublished):
	default:
		return fmt.Errorf("unknown status %q", r.Status)
	}
	if v, err = svc.Submit(ctx, acc, v.ID, v.Version); err != nil {
		return fmt.Errorf("submit: %w", err)
	}
	if r.Status == string(review.StatusSubmitted) {
		return nil
	}
	checker := facilitatorBesides(setup.Roles[c.NetworkID], author)
	if checker == "" {
		return fmt.Errorf("no facilitator besides the author to publish")
	}
	if _, err = svc.Publish(ctx, access(checker, c.NetworkID, policy.RoleFacilitator), v.ID, v.Version); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// input turns a demo reflection into the write of all its parts, with
// code keys resolved to the network's code ids.
func input(r Reflection, codes map[string]string) (review.ReflectionInput, error) {
	code := func(key string) (string, error) {
		id, ok := codes[key]
		if !ok {
			return "", fmt.Errorf("no code %q in the network's codebook", key)
		}
		return id, nil
	}
	var items []review.ItemInput
	for _, part := range []struct {
		question string
		items    []Item
		effect   review.Effect
	}{{questionWorked, r.Worked, review.EffectHelped}, {questionDidNotWork, r.DidNotWork, review.EffectHindered}} {
		for _, it := range part.items {
			in := review.ItemInput{Question: part.question, What: it.What, Why: it.Why}
			for _, key := range it.Codes {
				id, err := code(key)
				if err != nil {
					return review.ReflectionInput{}, err
				}
				in.Codes = append(in.Codes, review.CodingInput{CodeID: id, Effect: part.effect})
			}
			items = append(items, in)
		}
	}
	var texts []review.TextInput
	if r.Differently != "" {
		texts = append(texts, review.TextInput{Question: questionDifferently, Text: r.Differently})
	}
	var ratings []review.RatingInput
	for _, q := range sortedKeys(r.Ratings) {
		rating := r.Ratings[q]
		ratings = append(ratings, review.RatingInput{Question: q, Rating: &rating})
	}
	lessons := []review.LessonInput{}
	for _, l := range r.Lessons {
		in := review.LessonInput{Statement: l.Statement}
		for _, key := range l.Codes {
			id, err := code(key)
			if err != nil {
				return review.ReflectionInput{}, err
			}
			in.Codes = append(in.Codes, id)
		}
		for _, src := range l.Sources {
			i, err := r.SourceIndex(src)
			if err != nil {
				return review.ReflectionInput{}, fmt.Errorf("lesson %s: %w", l.ID, err)
			}
			in.Sources = append(in.Sources, i)
		}
		lessons = append(lessons, in)
	}
	return review.ReflectionInput{Items: &items, Texts: &texts, Ratings: &ratings, Lessons: &lessons}, nil
}

// networkCodes reads a network's codebook: code key → code id.
func networkCodes(ctx context.Context, db *leerlus.DB, networkID string) (map[string]string, error) {
	var rows []review.Code
	if err := db.WithContext(ctx).Where("network_id = ?", networkID).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, c := range rows {
		out[c.Key] = c.ID
	}
	return out, nil
}

// facilitatorBesides picks the network's facilitator with the lowest id
// who is not the author, so that a load is repeatable.
func facilitatorBesides(roles map[string]policy.Role, author string) string {
	checker := ""
	for person, role := range roles {
		if role == policy.RoleFacilitator && person != author && (checker == "" || person < checker) {
			checker = person
		}
	}
	return checker
}

func access(person, network string, role policy.Role) leerlus.Access {
	return leerlus.Access{Actor: leerlus.Actor{PersonID: person, ClientAddr: "demo"}, NetworkID: network, Role: string(role), Scope: leerlus.ScopeOwn}
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
