package grouping_test

import (
	"fmt"
	"slices"
	"testing"

	"leerlus/review/grouping"
)

var regie = []grouping.Lesson{
	{ID: "a", Text: "Zorg dat er één casusregisseur is die het overzicht over alle hulp houdt."},
	{ID: "b", Text: "Er moet één iemand zijn die de regie heeft en het overzicht houdt over alle hulp."},
	{ID: "c", Text: "Eén gezin, één regisseur die het overzicht houdt."},
	{ID: "d", Text: "Wachtlijsten overbruggen met lichte hulp werkte goed."},
	{ID: "e", Text: "Overbrug de wachttijd met lichte ambulante hulp in plaats van niets doen."},
}

func members(gs []grouping.Group) [][]string {
	var out [][]string
	for _, g := range gs {
		out = append(out, g.Members)
	}
	return out
}

func TestComputeGroupsParaphrases(t *testing.T) {
	got := members(grouping.Compute(regie, nil))
	want := [][]string{{"a", "b", "c"}, {"d", "e"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("groups %q, want %q", got, want)
	}
}

func TestNearMissStaysApart(t *testing.T) {
	lessons := []grouping.Lesson{
		{ID: "1", Text: "Betrek school direct bij het eerste gesprek als een kind thuiszit."},
		{ID: "2", Text: "Betrek school minder in het begin als een kind thuiszit, het heeft eerst rust nodig."},
		{ID: "3", Text: "Lees het dossier voor het eerste gesprek, dan hoeft het gezin niet alles opnieuw te vertellen."},
		{ID: "4", Text: "Lees het dossier bewust niet voor het eerste gesprek, dan kijk je met een frisse blik."},
		// A lesson that grants another and then limits it.
		{ID: "5", Text: "Huiswerkbegeleiding via de buurtvereniging klinkt handig, maar regel eerst een rustige plek thuis."},
		{ID: "6", Text: "Regel huiswerkbegeleiding via de buurtvereniging voor kinderen die thuis geen rustige plek hebben."},
	}
	for _, g := range grouping.Compute(lessons, nil) {
		t.Errorf("near misses grouped: %q", g.Members)
	}
}

func TestConstraints(t *testing.T) {
	// Apart splits a group; together joins lessons the text would not.
	got := members(grouping.Compute(regie, []grouping.Constraint{
		{A: "c", B: "a", Kind: grouping.Apart},
		{A: "a", B: "d", Kind: grouping.Together},
	}))
	for _, g := range got {
		if slices.Contains(g, "a") && slices.Contains(g, "c") {
			t.Errorf("apart pair a, c grouped: %q", got)
		}
	}
	if !slices.ContainsFunc(got, func(g []string) bool { return slices.Contains(g, "a") && slices.Contains(g, "d") }) {
		t.Errorf("together pair a, d not grouped: %q", got)
	}
	// Apart wins over a together that would join it.
	got = members(grouping.Compute(regie[:2], []grouping.Constraint{
		{A: "a", B: "b", Kind: grouping.Apart},
		{A: "b", B: "a", Kind: grouping.Together},
	}))
	if len(got) != 0 {
		t.Errorf("apart and together on one pair: groups %q, want none", got)
	}
}

func TestNearest(t *testing.T) {
	g := grouping.Build(regie, nil)
	got := g.Nearest(grouping.Lesson{ID: "new", Text: "Eén regisseur per gezin die de regie houdt."}, 3)
	if len(got) == 0 || got[0].Group.Anchor() != "a" {
		t.Fatalf("nearest = %+v, want the regie group first", got)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Score > got[i-1].Score {
			t.Errorf("not best first: %+v", got)
		}
	}
	if len(g.Nearest(grouping.Lesson{ID: "x", Text: "fiets"}, 3)) != 0 {
		t.Error("a lesson with nothing in common has nearest groups")
	}
	// A held lesson is not compared with itself.
	for _, m := range g.Nearest(regie[0], 3) {
		if m.Group.Anchor() == "a" && m.Score >= 1 {
			t.Errorf("lesson a scored against itself: %+v", m)
		}
	}
}

func TestChangeOfAnAdd(t *testing.T) {
	g := grouping.Build(regie[:4], nil)
	ch := g.Set(regie[4])
	if len(ch.Before) != 0 || len(ch.After) != 1 || !slices.Equal(ch.After[0].Members, []string{"d", "e"}) {
		t.Fatalf("change %+v, want one new group d, e", ch)
	}
	ch = g.Remove("e")
	if len(ch.Before) != 1 || len(ch.After) != 0 {
		t.Fatalf("change %+v, want the group d, e gone", ch)
	}
}

// TestOftenSaidLessonStaysOneGroup: a lesson written the same way by many
// people is the recurring lesson that matters most; past the neighbour
// limit and past a few hundred lessons it must still be one group, with
// every lesson in it.
func TestOftenSaidLessonStaysOneGroup(t *testing.T) {
	g := grouping.New()
	const n = 260
	for i := 0; i < n; i++ {
		g.Set(grouping.Lesson{ID: fmt.Sprintf("l%04d", i), Text: "Zorg voor overbrugging als er een wachtlijst is."})
	}
	groups := g.Groups()
	if len(groups) != 1 || len(groups[0].Members) != n {
		sizes := []int{}
		for _, gr := range groups {
			sizes = append(sizes, len(gr.Members))
		}
		t.Fatalf("%d lessons saying the same thing end in groups of %v, want one group of all", n, sizes)
	}
}

// TestLabelledSetsFitTheShares: docs/lessons.md says the labelled sets'
// figures are those of grouping without share limits, because no feature
// there is held by more items than a share takes.
func TestLabelledSetsFitTheShares(t *testing.T) {
	var dev, demo []grouping.Lesson
	for _, l := range readSet(t, devSetPath) {
		dev = append(dev, l.Lesson)
	}
	for _, l := range demoSet(t) {
		demo = append(demo, l.Lesson)
	}
	for name, set := range map[string][]grouping.Lesson{"dev": dev, "demo": demo} {
		if n := grouping.LongestPosting(grouping.Build(set, nil)); n > grouping.PostingCap {
			t.Errorf("%s: a feature is held by %d items, more than a share of %d", name, n, grouping.PostingCap)
		}
	}
}

func TestWords(t *testing.T) {
	g := grouping.Build([]grouping.Lesson{
		{ID: "a", Text: "Luister naar de ouders."},
		{ID: "b", Text: "Ouders: luisteren! En luister."},
		{ID: "c", Text: "Bel de school."},
	}, nil)
	a, b, c := g.Words("a"), g.Words("b"), g.Words("c")
	// Inflections share a key, stop words ("naar", "de", "en") are left
	// out, and a word said twice counts once.
	if len(a) != 2 || !slices.Equal(a, b) {
		t.Errorf("Words(a) = %v, Words(b) = %v: want the same two words", a, b)
	}
	if !slices.IsSorted(a) || len(c) != 2 || slices.Contains(c, a[0]) || slices.Contains(c, a[1]) {
		t.Errorf("Words(c) = %v: want two words of its own, sorted, none of %v", c, a)
	}
	if w := g.Words("unknown"); w != nil {
		t.Errorf("Words of a lesson not held = %v, want nil", w)
	}
}
