package review

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"leerlus"
	"leerlus/policy"
)

// listScene is a scene with a lesson in every curation state, a lesson of
// an unpublished reflection, and an accepted lesson in another network.
type listScene struct {
	mergeScene
	merged, unpublished, elsewhere Lesson
}

func (w *lessonWorld) listScene() listScene {
	w.t.Helper()
	s := listScene{mergeScene: w.mergeScene()}
	s.merged = mergedOf(w, s.scene)
	s.unpublished = unpublishedOf(w, s.scene)
	c := w.publishedCase(w.other, "Elders")
	r := w.reflection(c, w.otherFac, "professional", StatusPublished)
	s.elsewhere = w.lesson(r, "Zorg voor overbrugging als er een wachtlijst is.", LessonAccepted, []string{"T1.wachttijd"})
	return s
}

func ids(items []LessonSummary) []string {
	out := []string{}
	for _, l := range items {
		out = append(out, l.ID)
	}
	return out
}

var everything = leerlus.Page{Limit: leerlus.MaxLimit}

func TestLessonListsByRole(t *testing.T) {
	w := newLessonWorld(t)
	s := w.listScene()
	// Newest first.
	curation := []string{s.merged.ID, s.duplicate.ID, s.rejected.ID, s.accepted.ID, s.proposed.ID}
	accepted := []string{s.accepted.ID}
	tests := []struct {
		who    string
		filter LessonFilter
		want   []string
		code   leerlus.Code
	}{
		{w.fac, LessonFilter{}, curation, ""},
		{w.fac, LessonFilter{Status: "proposed"}, []string{s.duplicate.ID, s.proposed.ID}, ""},
		{w.fac, LessonFilter{Status: "merged"}, []string{s.merged.ID}, ""},
		{w.fac, LessonFilter{Status: "rejected"}, []string{s.rejected.ID}, ""},
		{w.fac, LessonFilter{Status: "draft"}, nil, leerlus.CodeInvalid},
		{w.member, LessonFilter{}, accepted, ""},
		{w.researcher, LessonFilter{}, accepted, ""},
		{w.manager, LessonFilter{}, accepted, ""},
		{w.member, LessonFilter{Status: "accepted"}, accepted, ""},
		{w.member, LessonFilter{Status: "proposed"}, nil, leerlus.CodeInvalid},
		{w.researcher, LessonFilter{Status: "rejected"}, nil, leerlus.CodeInvalid},
		{w.otherFac, LessonFilter{}, []string{s.elsewhere.ID}, ""},
		{w.fac, LessonFilter{Code: w.code(w.network, "T4.stem_jongere")}, []string{s.duplicate.ID}, ""},
		{w.fac, LessonFilter{Code: w.code(w.network, "T1.wachttijd")}, []string{s.accepted.ID}, ""},
		{w.fac, LessonFilter{Code: w.code(w.other, "T1.wachttijd")}, []string{}, ""},
		{w.fac, LessonFilter{Code: "T1.wachttijd"}, nil, leerlus.CodeInvalid},
		{w.fac, LessonFilter{Case: s.case2}, []string{s.duplicate.ID}, ""},
		{w.fac, LessonFilter{Case: "x"}, nil, leerlus.CodeInvalid},
		{w.fac, LessonFilter{Q: "  JONGERE  "}, []string{s.duplicate.ID}, ""},
		{w.fac, LessonFilter{Q: "wachtlijst"}, []string{s.accepted.ID}, ""},
		{w.fac, LessonFilter{Q: "100%"}, []string{}, ""},
		{w.fac, LessonFilter{Q: strings.Repeat("x", lessonQueryMax+1)}, nil, leerlus.CodeInvalid},
		{w.member, LessonFilter{Q: "gezin"}, []string{}, ""},
	}
	for _, tt := range tests {
		l, err := w.svc.Lessons(w.ctx, w.as(tt.who), tt.filter, everything)
		if tt.code != "" {
			w.wantCode(err, tt.code)
			continue
		}
		w.must(err)
		if got := ids(l.Items); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s %+v: %v, want %v", w.roles[tt.who], tt.filter, got, tt.want)
		}
		for _, item := range l.Items {
			if (item.Curation != nil) != (w.roles[tt.who] == policy.RoleFacilitator) {
				t.Errorf("%s sees curation details %+v", w.roles[tt.who], item.Curation)
			}
		}
	}
}

func TestLessonListPagesAndAudits(t *testing.T) {
	w := newLessonWorld(t)
	s := w.listScene()
	var seen []string
	p := leerlus.Page{Limit: 2}
	for range 10 {
		l, err := w.svc.Lessons(w.ctx, w.as(w.fac), LessonFilter{Q: "Jongere"}, p)
		w.must(err)
		seen = append(seen, ids(l.Items)...)
		if l.NextCursor == "" {
			break
		}
		p.After = l.NextCursor
	}
	if len(seen) != 1 || seen[0] != s.duplicate.ID {
		t.Errorf("pages %v", seen)
	}
	all, err := w.svc.Lessons(w.ctx, w.as(w.fac), LessonFilter{}, leerlus.Page{Limit: 2})
	w.must(err)
	if len(all.Items) != 2 || all.NextCursor != all.Items[1].ID {
		t.Errorf("first page %v next %q", ids(all.Items), all.NextCursor)
	}
	rest, err := w.svc.Lessons(w.ctx, w.as(w.fac), LessonFilter{}, leerlus.Page{Limit: 10, After: all.NextCursor})
	w.must(err)
	if len(rest.Items) != 3 {
		t.Errorf("second page %v", ids(rest.Items))
	}
	var entries []policy.AuditEntry
	w.must(w.db.Gorm.Where("action = ?", string(policy.ActionLessonsListed)).Order("seq").Find(&entries).Error)
	if len(entries) != 3 {
		t.Fatalf("%d list entries", len(entries))
	}
	e := entries[0]
	if leerlus.Deref(e.ActorID) != w.fac || leerlus.Deref(e.NetworkID) != w.network || e.ObjectType != "network" ||
		!strings.Contains(e.Detail, "q=") || strings.Contains(strings.ToLower(e.Detail), "jongere") {
		t.Errorf("audit entry %+v: the filters without the search words", e)
	}
	if !strings.Contains(entries[2].Detail, "page=next") {
		t.Errorf("audit entry %q", entries[2].Detail)
	}
}

func TestLessonSummaryShowsWhatLiesBehind(t *testing.T) {
	w := newLessonWorld(t)
	s := w.listScene()
	l, err := w.svc.Lessons(w.ctx, w.as(w.fac), LessonFilter{Status: "accepted"}, everything)
	w.must(err)
	if len(l.Items) != 1 {
		t.Fatalf("%v", ids(l.Items))
	}
	got := l.Items[0]
	// The accepted lesson absorbed one lesson of the same reflection.
	if got.SourceCount != 1 || !reflect.DeepEqual(got.Perspectives, []string{"ouder"}) ||
		!reflect.DeepEqual(got.Cases, []CaseRef{{ID: s.caseID, Title: "Lang wachten op passende hulp"}}) {
		t.Errorf("summary %+v", got)
	}
	if len(got.Codes) != 1 || got.Codes[0].Key != "T1.wachttijd" || got.Codes[0].LabelNL != "Wachttijd" || got.Codes[0].LabelEN != "Waiting time" {
		t.Errorf("codes %+v", got.Codes)
	}
	m, err := w.svc.Lessons(w.ctx, w.as(w.fac), LessonFilter{Status: "merged"}, everything)
	w.must(err)
	if c := m.Items[0].Curation; c == nil || c.MergedInto == nil || *c.MergedInto != s.accepted.ID || c.CuratedAt == nil {
		t.Errorf("curation of a merged lesson %+v", c)
	}
}

func TestLessonReadByRole(t *testing.T) {
	w := newLessonWorld(t)
	s := w.listScene()
	tests := []struct {
		who, lesson string
		code        leerlus.Code
	}{
		{w.fac, s.proposed.ID, ""},
		{w.fac, s.rejected.ID, ""},
		{w.fac, s.merged.ID, ""},
		{w.fac, s.accepted.ID, ""},
		{w.fac, s.unpublished.ID, leerlus.CodeNotFound},
		{w.fac, s.elsewhere.ID, leerlus.CodeNotFound},
		{w.fac, leerlus.NewID(), leerlus.CodeNotFound},
		{w.fac, "not-an-id", leerlus.CodeNotFound},
		{w.member, s.accepted.ID, ""},
		{w.researcher, s.accepted.ID, ""},
		{w.manager, s.accepted.ID, ""},
		{w.member, s.proposed.ID, leerlus.CodeNotFound},
		{w.member, s.rejected.ID, leerlus.CodeNotFound},
		{w.member, s.merged.ID, leerlus.CodeNotFound},
		{w.researcher, s.unpublished.ID, leerlus.CodeNotFound},
		{w.otherFac, s.accepted.ID, leerlus.CodeNotFound},
	}
	for _, tt := range tests {
		v, err := w.svc.Lesson(w.ctx, w.as(tt.who), tt.lesson)
		if tt.code != "" {
			w.wantCode(err, tt.code)
			continue
		}
		w.must(err)
		facilitator := w.roles[tt.who] == policy.RoleFacilitator
		if (v.Curation != nil) != facilitator {
			t.Errorf("%s: curation %+v", w.roles[tt.who], v.Curation)
		}
		for _, src := range v.Sources {
			if (src.ReflectionID != "") != facilitator {
				t.Errorf("%s: source reflection %q", w.roles[tt.who], src.ReflectionID)
			}
		}
		if tt.lesson == s.accepted.ID {
			if len(v.Sources) != 2 || v.Sources[0].Items[0].What != "We wachtten vier maanden op de jeugd-ggz." ||
				v.Sources[0].Items[0].Why != "Er was geen plek." || v.Sources[0].Case.Title != "Lang wachten op passende hulp" ||
				v.Sources[1].LessonID != s.merged.ID || !v.Sources[1].Merged {
				t.Errorf("sources %+v", v.Sources)
			}
			// Nothing of the author in any form, for anyone.
			b, _ := json.Marshal(v)
			for _, p := range []string{w.author, w.author2, w.names[w.author], w.names[w.author2], "ouder@example.org"} {
				if strings.Contains(string(b), p) {
					t.Errorf("%s reads %q in %s", w.roles[tt.who], p, b)
				}
			}
		}
	}
	n := w.count("audit_log", "action = ? AND object_type = 'lesson' AND detail = 'read'", string(policy.ActionLessonsListed))
	if n != 7 {
		t.Errorf("%d read entries, want one per successful read (7)", n)
	}
}

// A lesson leaves every list and read when its reflection goes back to
// its check (a correction), and comes back once published again; the
// sources of a lesson show published texts only.
func TestLessonsFollowTheirReflection(t *testing.T) {
	w := newLessonWorld(t)
	m := w.mergeScene()
	v, err := w.svc.Merge(w.ctx, w.as(w.fac), LessonMergeInput{Into: m.accepted.ID, Lessons: []VersionedID{{m.duplicate.ID, 1}}})
	w.must(err)
	if len(v.Sources) != 2 {
		t.Fatalf("sources %+v", v.Sources)
	}
	w.must(w.db.Gorm.Model(&Reflection{}).Where("id = ?", m.reflection2).Update("status", StatusSubmitted).Error)
	v, err = w.svc.Lesson(w.ctx, w.as(w.member), m.accepted.ID)
	w.must(err)
	if len(v.Sources) != 1 || v.SourceCount != 1 || len(v.Cases) != 1 || !reflect.DeepEqual(v.Perspectives, []string{"ouder"}) {
		t.Errorf("with one reflection back in its check: %+v", v.LessonSummary)
	}
	for _, src := range v.Sources {
		for _, it := range src.Items {
			if it.ID == m.item2 {
				t.Error("an item of an unpublished reflection is shown")
			}
		}
	}
	w.must(w.db.Gorm.Model(&Reflection{}).Where("id = ?", m.reflectionID).Update("status", StatusSubmitted).Error)
	_, err = w.svc.Lesson(w.ctx, w.as(w.fac), m.accepted.ID)
	w.wantCode(err, leerlus.CodeNotFound)
	l, err := w.svc.Lessons(w.ctx, w.as(w.fac), LessonFilter{}, everything)
	w.must(err)
	if len(l.Items) != 0 {
		t.Errorf("listed: %v", ids(l.Items))
	}
	_, err = w.svc.Reword(w.ctx, w.as(w.fac), m.accepted.ID, LessonEdit{Version: 2, Statement: strp("Andere woorden.")})
	w.wantCode(err, leerlus.CodeNotFound)
	w.must(w.db.Gorm.Model(&Reflection{}).Where("id IN ?", []string{m.reflectionID, m.reflection2}).Update("status", StatusPublished).Error)
	v, err = w.svc.Lesson(w.ctx, w.as(w.member), m.accepted.ID)
	w.must(err)
	if len(v.Sources) != 2 {
		t.Errorf("published again: %+v", v.Sources)
	}
}

func TestLessonHistory(t *testing.T) {
	w := newLessonWorld(t)
	m := w.mergeScene()
	_, err := w.svc.Reject(w.ctx, w.as(w.fac), m.proposed.ID, Rejection{Version: 1, Reason: "Te vaag."})
	w.must(err)
	_, err = w.svc.Reopen(w.ctx, w.as(w.fac2), m.proposed.ID, 2)
	w.must(err)
	_, err = w.svc.Accept(w.ctx, w.as(w.fac), m.proposed.ID, LessonEdit{Version: 3, Statement: strp("Vraag het gezin eerst wat het wil.")})
	w.must(err)
	_, err = w.svc.Merge(w.ctx, w.as(w.fac), LessonMergeInput{Into: m.proposed.ID, Lessons: []VersionedID{{m.duplicate.ID, 1}}})
	w.must(err)
	h, next, err := w.svc.LessonHistory(w.ctx, w.as(w.fac), m.proposed.ID, everything)
	w.must(err)
	var actions []string
	for _, c := range h {
		actions = append(actions, c.Action)
	}
	if want := []string{LessonChangeRejected, LessonChangeReopened, LessonChangeAccepted, LessonChangeMergedIn}; !reflect.DeepEqual(actions, want) || next != "" {
		t.Fatalf("history %v, want %v", actions, want)
	}
	if h[0].Detail.Reason != "Te vaag." || h[1].Actor == nil || h[1].Actor.ID != w.fac2 || h[1].Actor.Name != "Persoon fac2" {
		t.Errorf("entries %+v %+v", h[0], h[1])
	}
	if h[2].Detail.Before.Statement != m.proposed.Statement || h[2].Detail.After.Statement != "Vraag het gezin eerst wat het wil." {
		t.Errorf("reworded in accepting: %+v %+v", h[2].Detail.Before, h[2].Detail.After)
	}
	if !reflect.DeepEqual(h[3].Detail.Merged, []string{m.duplicate.ID}) || len(h[3].Detail.After.Codes) != 2 {
		t.Errorf("merge entry %+v", h[3].Detail)
	}
	first, next, err := w.svc.LessonHistory(w.ctx, w.as(w.fac), m.proposed.ID, leerlus.Page{Limit: 3})
	w.must(err)
	rest, _, err := w.svc.LessonHistory(w.ctx, w.as(w.fac), m.proposed.ID, leerlus.Page{Limit: 3, After: next})
	w.must(err)
	if len(first) != 3 || len(rest) != 1 || rest[0].ID != h[3].ID {
		t.Errorf("pages of %d and %d", len(first), len(rest))
	}
	for _, who := range []string{w.member, w.researcher, w.manager} {
		_, _, err := w.svc.LessonHistory(w.ctx, w.as(who), m.proposed.ID, everything)
		w.wantCode(err, leerlus.CodeForbidden)
	}
	_, _, err = w.svc.LessonHistory(w.ctx, w.as(w.otherFac), m.proposed.ID, everything)
	w.wantCode(err, leerlus.CodeNotFound)
}

func TestLessonNetwork(t *testing.T) {
	w := newLessonWorld(t)
	s := w.scene("Lang wachten op passende hulp")
	got, err := w.svc.LessonNetwork(w.ctx, s.proposed.ID)
	w.must(err)
	if got != w.network {
		t.Errorf("network %s", got)
	}
	for _, id := range []string{leerlus.NewID(), "nope", ""} {
		_, err := w.svc.LessonNetwork(w.ctx, id)
		w.wantCode(err, leerlus.CodeNotFound)
	}
}
