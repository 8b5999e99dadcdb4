package review

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"leerlus/cases"
	"leerlus/policy"
)

// The flags of a code in one case from one perspective: one bit per kind
// of item and effect, so that a filter on both (what worked, hindering)
// matches only codings that were both, and one for lessons.
const (
	factWorkedHelped uint8 = 1 << iota
	factWorkedHindered
	factDidNotHelped
	factDidNotHindered
	factOtherHelped // an items question of a network's own template
	factOtherHindered
	factLesson // on a lesson that was not rejected

	factHelped   = factWorkedHelped | factDidNotHelped | factOtherHelped
	factHindered = factWorkedHindered | factDidNotHindered | factOtherHindered
	factItems    = factHelped | factHindered
)

// caseFact is what the pattern queries know of a published case: its
// coarse attributes only, never text.
type caseFact struct {
	outcome, age int8   // index in cases.Outcomes / cases.AgeBands, -1 unknown
	start        int32  // year * 10 + quarter
	services     int32  // cases.Services mask
	phases       int32  // cases.Phases mask
	material     uint16 // perspectives (bits in policy.Perspectives order) with a published reflection
	first, end   int32  // the case's codeFacts: facts[first:end]
}

// codeFact says that a code was named in a case from a perspective, and how.
type codeFact struct {
	code  int32 // index in networkFacts.keys
	persp int8
	flags uint8
}

// networkFacts is one network's published material as the pattern
// queries count it: small enough to keep (some 20 bytes per case and 6 per
// coded case, code and perspective), and counted in memory in a few
// milliseconds where the same counts in SQL take seconds on SQLite.
type networkFacts struct {
	loaded time.Time
	cases  []caseFact
	facts  []codeFact
	keys   []string             // code keys, as their codings and lessons name them
	labels map[string][2]string // key → Dutch and English label, of codes not merged away
}

// patternCache keeps each network's facts. Pattern queries are
// aggregates over published material, so facts up to TTL old serve as
// they are; older ones still serve while one background load per network
// replaces them, so that no researcher waits for a reload. Only a
// network's first query waits for its load.
type patternCache struct {
	ttl time.Duration
	mu  sync.Mutex
	by  map[string]*cachedFacts
}

type cachedFacts struct {
	mu      sync.Mutex // held while loading the first facts
	facts   atomic.Pointer[networkFacts]
	loading atomic.Bool
}

// DefaultPatternCacheTTL is how long a network's pattern facts serve
// before a query starts loading them anew.
const DefaultPatternCacheTTL = time.Minute

func newPatternCache(ttl time.Duration) *patternCache {
	return &patternCache{ttl: ttl, by: map[string]*cachedFacts{}}
}

// PatternCacheTTL sets how long pattern queries use a network's facts
// before reloading them; zero loads them for every query, while it waits.
func PatternCacheTTL(d time.Duration) Option {
	return func(s *Service) {
		if d >= 0 {
			s.patterns = newPatternCache(d)
		}
	}
}

// patternLoadTimeout bounds a background load of a network's facts.
const patternLoadTimeout = 2 * time.Minute

// networkFacts returns a network's facts: loaded now when there are none
// (or the cache keeps none), else the kept ones, starting a background
// load when they are older than the TTL.
func (s *Service) networkFacts(ctx context.Context, networkID string) (*networkFacts, error) {
	c := s.patterns
	c.mu.Lock()
	entry := c.by[networkID]
	if entry == nil {
		entry = &cachedFacts{}
		c.by[networkID] = entry
	}
	c.mu.Unlock()
	if f := entry.facts.Load(); f != nil && c.ttl > 0 {
		if s.now.Now().Sub(f.loaded) >= c.ttl && entry.loading.CompareAndSwap(false, true) {
			go func() {
				defer entry.loading.Store(false)
				bg, cancel := context.WithTimeout(context.Background(), patternLoadTimeout)
				defer cancel()
				if nf, err := s.loadFacts(bg, networkID); err == nil {
					nf.loaded = s.now.Now()
					entry.facts.Store(nf)
				}
			}()
		}
		return f, nil
	}
	entry.mu.Lock()
	defer entry.mu.Unlock()
	if f := entry.facts.Load(); f != nil && c.ttl > 0 {
		return f, nil // loaded by the request this one waited for
	}
	f, err := s.loadFacts(ctx, networkID)
	if err != nil {
		return nil, err
	}
	f.loaded = s.now.Now()
	entry.facts.Store(f)
	return f, nil
}

// loadFacts reads a network's published material: published and archived
// cases, the perspectives of their published reflections, the codings of
// those reflections' items, and the codes of lessons not rejected (of a
// published reflection, or merged ones without one).
func (s *Service) loadFacts(ctx context.Context, networkID string) (*networkFacts, error) {
	out := &networkFacts{labels: map[string][2]string{}}
	index := map[string]int32{}
	rows, err := s.db.ReadRows(ctx, `SELECT id, outcome, age_band, start_period, service_mask, phase_mask FROM cases
		WHERE network_id = ? AND status IN (?, ?) ORDER BY id`, networkID, string(cases.StatusPublished), string(cases.StatusArchived))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, outcome, age string
		var f caseFact
		if err := rows.Scan(&id, &outcome, &age, &f.start, &f.services, &f.phases); err != nil {
			rows.Close()
			return nil, err
		}
		f.outcome, f.age = termIndex(cases.Outcomes, outcome), termIndex(cases.AgeBands, age)
		index[id] = int32(len(out.cases))
		out.cases = append(out.cases, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	codeKey := map[string]int32{}
	codes, err := s.db.ReadRows(ctx, `SELECT id, key, label_nl, label_en, merged_into IS NULL FROM codebook_codes WHERE network_id = ?`, networkID)
	if err != nil {
		return nil, err
	}
	for codes.Next() {
		var id, key, nl, en string
		var active bool
		if err := codes.Scan(&id, &key, &nl, &en, &active); err != nil {
			codes.Close()
			return nil, err
		}
		if active {
			out.labels[key] = [2]string{nl, en}
		}
		i := slices.Index(out.keys, key)
		if i < 0 {
			i = len(out.keys)
			out.keys = append(out.keys, key)
		}
		codeKey[id] = int32(i)
	}
	codes.Close()
	if err := codes.Err(); err != nil {
		return nil, err
	}
	type raw struct {
		c int32
		f codeFact
	}
	var all []raw
	add := func(caseID, codeID, persp string, flags uint8) {
		c, ok := index[caseID]
		code, known := codeKey[codeID]
		if !ok || !known {
			return // a case not (or no longer) published
		}
		all = append(all, raw{c, codeFact{code: code, persp: perspectiveIndex(persp), flags: flags}})
	}
	refl, err := s.db.ReadRows(ctx, `SELECT case_id, perspective FROM reflections WHERE network_id = ? AND status = ?`,
		networkID, string(StatusPublished))
	if err != nil {
		return nil, err
	}
	for refl.Next() {
		var caseID, persp string
		if err := refl.Scan(&caseID, &persp); err != nil {
			refl.Close()
			return nil, err
		}
		if c, ok := index[caseID]; ok {
			if p := perspectiveIndex(persp); p >= 0 {
				out.cases[c].material |= 1 << p
			}
		}
	}
	refl.Close()
	if err := refl.Err(); err != nil {
		return nil, err
	}
	coded, err := s.db.ReadRows(ctx, `SELECT g.case_id, g.code_id, g.effect, i.question_key, r.perspective
		FROM codings g JOIN reflections r ON r.id = g.reflection_id JOIN reflection_items i ON i.id = g.item_id
		WHERE g.network_id = ? AND r.status = ?`, networkID, string(StatusPublished))
	if err != nil {
		return nil, err
	}
	for coded.Next() {
		var caseID, codeID, effect, question, persp string
		if err := coded.Scan(&caseID, &codeID, &effect, &question, &persp); err != nil {
			coded.Close()
			return nil, err
		}
		flags := factOtherHelped
		switch question {
		case "worked":
			flags = factWorkedHelped
		case "did_not_work":
			flags = factDidNotHelped
		}
		if Effect(effect) == EffectHindered {
			flags <<= 1 // the hindering bit sits beside the helping one
		}
		add(caseID, codeID, persp, flags)
	}
	coded.Close()
	if err := coded.Err(); err != nil {
		return nil, err
	}
	lessons, err := s.db.ReadRows(ctx, `SELECT l.case_id, lc.code_id, l.perspective FROM lessons l
		JOIN lesson_codes lc ON lc.lesson_id = l.id LEFT JOIN reflections r ON r.id = l.reflection_id
		WHERE l.network_id = ? AND l.status <> ? AND (l.reflection_id IS NULL OR r.status = ?)`,
		networkID, string(LessonRejected), string(StatusPublished))
	if err != nil {
		return nil, err
	}
	for lessons.Next() {
		var caseID, codeID, persp string
		if err := lessons.Scan(&caseID, &codeID, &persp); err != nil {
			lessons.Close()
			return nil, err
		}
		add(caseID, codeID, persp, factLesson)
	}
	lessons.Close()
	if err := lessons.Err(); err != nil {
		return nil, err
	}
	// One fact per case, code and perspective, flags merged; grouped by case.
	slices.SortFunc(all, func(a, b raw) int {
		if a.c != b.c {
			return int(a.c - b.c)
		}
		if a.f.code != b.f.code {
			return int(a.f.code - b.f.code)
		}
		return int(a.f.persp) - int(b.f.persp)
	})
	for i := range out.cases {
		out.cases[i].first, out.cases[i].end = -1, -1
	}
	for i, r := range all {
		n := len(out.facts)
		if i > 0 && all[i-1].c == r.c && all[i-1].f.code == r.f.code && all[i-1].f.persp == r.f.persp {
			out.facts[n-1].flags |= r.f.flags
			continue
		}
		if out.cases[r.c].first < 0 {
			out.cases[r.c].first = int32(n)
		}
		out.facts = append(out.facts, r.f)
		out.cases[r.c].end = int32(n + 1)
	}
	for i := range out.cases {
		if out.cases[i].first < 0 {
			out.cases[i].first, out.cases[i].end = 0, 0
		}
	}
	return out, nil
}

func termIndex(l cases.List, code string) int8 {
	for i, t := range l.Terms {
		if t.Code == code {
			return int8(i)
		}
	}
	return -1
}

func perspectiveIndex(p string) int8 {
	return int8(slices.Index(policy.Perspectives, policy.Perspective(p)))
}
