package grouping_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"leerlus/review/demo"
	"leerlus/review/grouping"
	"leerlus/review/grouping/internal/score"
)

const devSetPath = "../../../shared/eval/lessons/dev.jsonl"

// ownSetPath is the team's own labelled set, written without reading this
// package (testdata/README.md).
const ownSetPath = "testdata/own.jsonl"

// freshSetPath is a second set written apart from the rules, in the
// style of the dev set (testdata/fresh.md).
const freshSetPath = "testdata/fresh.jsonl"

// labelled is a lesson of a labelled set.
type labelled struct {
	grouping.Lesson
	Group, NearMissOf string
}

// readSet reads a labelled set in the format of shared/eval/lessons:
// {"id","text","group","near_miss_of"} and optionally "codes".
func readSet(tb testing.TB, path string) []labelled {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("labelled set not available: %v", err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var row struct {
			ID         string   `json:"id"`
			Text       string   `json:"text"`
			Codes      []string `json:"codes"`
			Group      *string  `json:"group"`
			NearMissOf string   `json:"near_miss_of"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			tb.Fatal(err)
		}
		l := labelled{Lesson: grouping.Lesson{ID: row.ID, Text: row.Text, Codes: row.Codes}, NearMissOf: row.NearMissOf}
		if row.Group != nil {
			l.Group = *row.Group
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// demoSet is the demo lessons with their ground truth, with the codes of
// the items each lesson came from.
func demoSet(tb testing.TB) []labelled {
	tb.Helper()
	list, err := demo.Reflections()
	if err != nil {
		tb.Fatal(err)
	}
	var out []labelled
	for _, cr := range list {
		for _, r := range cr.Reflections {
			for _, l := range r.Lessons {
				var items []string
				for _, src := range l.Sources {
					kind, pos, _ := strings.Cut(src, "/")
					k, err := strconv.Atoi(pos)
					if err != nil {
						tb.Fatalf("lesson %s: source %q", l.ID, src)
					}
					switch kind {
					case "worked":
						items = append(items, r.Worked[k].Codes...)
					case "did_not_work":
						items = append(items, r.DidNotWork[k].Codes...)
					}
				}
				out = append(out, labelled{
					Lesson: grouping.Lesson{ID: l.ID, Text: l.Statement, Codes: l.Codes, ItemCodes: items},
					Group:  l.Group, NearMissOf: l.NearMissOf,
				})
			}
		}
	}
	return out
}

// evaluate groups a labelled set and scores the grouping.
func evaluate(set []labelled) (score.Result, []grouping.Group) {
	lessons := make([]grouping.Lesson, len(set))
	for i, l := range set {
		lessons[i] = l.Lesson
	}
	groups := grouping.Compute(lessons, nil)
	return scoreGroups(set, groups), groups
}

func scoreGroups(set []labelled, groups []grouping.Group) score.Result {
	cluster := map[string]string{}
	for _, g := range groups {
		for _, m := range g.Members {
			cluster[m] = g.Anchor()
		}
	}
	items := make([]score.Item, len(set))
	for i, l := range set {
		items[i] = score.Item{ID: l.ID, Gold: l.Group, Pred: cluster[l.ID], NearMissOf: l.NearMissOf}
	}
	return score.Score(items)
}

func describe(r score.Result) string {
	return fmt.Sprintf("clusters %d  B³ P %.3f R %.3f F1 %.3f  ARI %.3f  near misses merged %d/%d",
		r.Clusters, r.Precision, r.Recall, r.F1, r.ARI, r.NearMissMerged, r.NearMisses)
}

// TestQualityReport prints the figures per set and, with
// LEERLUS_GROUPING_DEBUG=1, every predicted group with its gold labels.
func TestQualityReport(t *testing.T) {
	for _, s := range []struct {
		name string
		set  func(testing.TB) []labelled
	}{
		{"dev", func(tb testing.TB) []labelled { return readSet(tb, devSetPath) }},
		{"own", func(tb testing.TB) []labelled { return readSet(tb, ownSetPath) }},
		{"fresh", func(tb testing.TB) []labelled { return readSet(tb, freshSetPath) }},
		{"demo", demoSet},
	} {
		set := s.set(t)
		r, groups := evaluate(set)
		t.Logf("%-6s%s", s.name, describe(r))
		for _, m := range mergedNearMisses(set, groups) {
			t.Logf("      near miss merged: %s", m)
		}
		if os.Getenv("LEERLUS_GROUPING_DEBUG") != "" {
			byID := map[string]labelled{}
			for _, l := range set {
				byID[l.ID] = l
			}
			for _, g := range groups {
				t.Logf("group %s", g.Anchor())
				for _, m := range g.Members {
					t.Logf("   %-8s %s", byID[m].Group, byID[m].Text)
				}
			}
		}
	}
}

// mergedNearMisses lists the near-miss pairs a grouping put together.
func mergedNearMisses(set []labelled, groups []grouping.Group) []string {
	cluster := map[string]string{}
	for _, g := range groups {
		for _, m := range g.Members {
			cluster[m] = g.Anchor()
		}
	}
	text := map[string]string{}
	for _, l := range set {
		text[l.ID] = l.Text
	}
	var out []string
	for _, l := range set {
		if l.NearMissOf != "" && cluster[l.ID] != "" && cluster[l.ID] == cluster[l.NearMissOf] {
			out = append(out, fmt.Sprintf("%q ~ %q", l.Text, text[l.NearMissOf]))
		}
	}
	return out
}

// TestQualityFloor fails when grouping quality drops below the figures
// reached when the floors were set (docs/lessons.md), rounded down to two
// decimals, or when more near-miss pairs are merged than then.
func TestQualityFloor(t *testing.T) {
	floors := []struct {
		name      string
		set       func(testing.TB) []labelled
		f1, ari   float64
		nearMaxed int
	}{
		// Set with concepts in the term block and the wider concessions
		// (docs/lessons.md): dev 0.744 / 0.615 / 2, own 0.535 / 0.195 / 8,
		// demo 0.588 / 0.486 / 1; fresh (added later) 0.473 / 0.162 / 10.
		{"dev", func(tb testing.TB) []labelled { return readSet(tb, devSetPath) }, 0.74, 0.61, 2},
		{"own", func(tb testing.TB) []labelled { return readSet(tb, ownSetPath) }, 0.53, 0.19, 8},
		{"fresh", func(tb testing.TB) []labelled { return readSet(tb, freshSetPath) }, 0.47, 0.16, 10},
		{"demo", demoSet, 0.58, 0.48, 1},
	}
	for _, f := range floors {
		t.Run(f.name, func(t *testing.T) {
			r, _ := evaluate(f.set(t))
			if r.F1 < f.f1 || r.ARI < f.ari || r.NearMissMerged > f.nearMaxed {
				t.Errorf("%s: %s; floor B³ F1 %.2f, ARI %.2f, near misses merged at most %d",
					f.name, describe(r), f.f1, f.ari, f.nearMaxed)
			}
		})
	}
}

// TestQualityAtScale (LEERLUS_GROUPING_SCALE=n) groups the dev set among n
// synthetic lessons, as in a large network, and scores the dev lessons
// only: what the posting cap and the neighbour limit cost when the
// features of the labelled lessons are shared by many others. A report,
// not a floor: it prints the figures for docs/lessons.md.
func TestQualityAtScale(t *testing.T) {
	s := os.Getenv("LEERLUS_GROUPING_SCALE")
	if s == "" {
		t.Skip("set LEERLUS_GROUPING_SCALE to the number of synthetic lessons to add")
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	set := readSet(t, devSetPath)
	lessons := synthetic(t, n)
	for _, l := range set {
		lessons = append(lessons, l.Lesson)
	}
	dev := map[string]bool{}
	for _, l := range set {
		dev[l.ID] = true
	}
	t.Logf("dev among %d synthetic lessons: %s", n, describe(scoreAmong(set, dev, grouping.Compute(lessons, nil))))
	if n <= 5000 {
		// Without the limits (quadratic): what they cost.
		for _, v := range []struct {
			name   string
			cap, k int
		}{{"without either limit", 1 << 30, 1 << 30}, {"posting cap only", grouping.PostingCap, 1 << 30}, {"neighbour limit only", 1 << 30, grouping.Neighbours}} {
			g := grouping.BuildLimited(v.cap, v.k, lessons, nil)
			t.Logf("  %s: %s", v.name, describe(scoreAmong(set, dev, g.Groups())))
		}
	}
}

// scoreAmong scores the lessons of a labelled set grouped among others:
// a lesson's cluster is the labelled lessons of its group.
func scoreAmong(set []labelled, dev map[string]bool, groups []grouping.Group) score.Result {
	// A dev lesson's cluster is the dev lessons of its group.
	var restricted []grouping.Group
	for _, g := range groups {
		var ms []string
		for _, m := range g.Members {
			if dev[m] {
				ms = append(ms, m)
			}
		}
		if len(ms) > 1 {
			restricted = append(restricted, grouping.Group{Members: ms})
		}
	}
	return scoreGroups(set, restricted)
}
