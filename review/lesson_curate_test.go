package review

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
)

// curationCase is one curation step tried on one lesson: either it fails
// with code (naming field, when set) and changes nothing, or it leaves
// the lesson in status with action last in its history.
type curationCase struct {
	name   string
	lesson func(w *lessonWorld, sc scene) Lesson
	step   func(w *lessonWorld, l Lesson) (*LessonView, error)
	code   leerlus.Code
	field  string
	fcode  leerlus.FieldCode
	status LessonStatus
	action string
	check  func(w *lessonWorld, l Lesson, v *LessonView)
}

func proposedOf(_ *lessonWorld, sc scene) Lesson { return sc.proposed }
func acceptedOf(_ *lessonWorld, sc scene) Lesson { return sc.accepted }
func rejectedOf(_ *lessonWorld, sc scene) Lesson { return sc.rejected }

// mergedOf merges a new lesson of the scene's reflection into its
// accepted lesson and returns the merged one.
func mergedOf(w *lessonWorld, sc scene) Lesson {
	l := w.lesson(sc.reflectionID, "Zorg dat er iets is terwijl je wacht.", LessonProposed, nil)
	_, err := w.svc.Merge(w.ctx, w.as(w.fac), LessonMergeInput{Into: sc.accepted.ID, Lessons: []VersionedID{{l.ID, l.Version}}})
	w.must(err)
	return w.stored(l.ID)
}

// unpublishedOf is a proposed lesson of a reflection that waits for its check.
func unpublishedOf(w *lessonWorld, sc scene) Lesson {
	r := w.reflection(sc.caseID, w.author2, "professional", StatusSubmitted)
	return w.lesson(r, "Werk samen met school vanaf het begin.", LessonProposed, nil)
}

func accept(who func(*lessonWorld) string, in LessonEdit) func(*lessonWorld, Lesson) (*LessonView, error) {
	return func(w *lessonWorld, l Lesson) (*LessonView, error) {
		if in.Version == 0 {
			in.Version = l.Version
		}
		return w.svc.Accept(w.ctx, w.as(who(w)), l.ID, in)
	}
}

func reword(who func(*lessonWorld) string, in LessonEdit) func(*lessonWorld, Lesson) (*LessonView, error) {
	return func(w *lessonWorld, l Lesson) (*LessonView, error) {
		if in.Version == 0 {
			in.Version = l.Version
		}
		return w.svc.Reword(w.ctx, w.as(who(w)), l.ID, in)
	}
}

func reject(reason string) func(*lessonWorld, Lesson) (*LessonView, error) {
	return func(w *lessonWorld, l Lesson) (*LessonView, error) {
		return w.svc.Reject(w.ctx, w.as(w.fac), l.ID, Rejection{Version: l.Version, Reason: reason})
	}
}

func reopen(version int) func(*lessonWorld, Lesson) (*LessonView, error) {
	return func(w *lessonWorld, l Lesson) (*LessonView, error) {
		if version < 0 {
			version = l.Version
		}
		return w.svc.Reopen(w.ctx, w.as(w.fac), l.ID, version)
	}
}

func fac(w *lessonWorld) string        { return w.fac }
func member(w *lessonWorld) string     { return w.member }
func researcher(w *lessonWorld) string { return w.researcher }
func manager(w *lessonWorld) string    { return w.manager }
func otherFac(w *lessonWorld) string   { return w.otherFac }

// codes is a list of code ids of the network by key.
func (w *lessonWorld) codes(network string, keys ...string) *[]string {
	out := []string{}
	for _, k := range keys {
		out = append(out, w.code(network, k))
	}
	return &out
}

// codesOf builds an edit's codes once the world exists.
func withCodes(in LessonEdit, keys ...string) func(*lessonWorld) LessonEdit {
	return func(w *lessonWorld) LessonEdit {
		in.Codes = w.codes(w.network, keys...)
		return in
	}
}

func acceptWith(edit func(*lessonWorld) LessonEdit) func(*lessonWorld, Lesson) (*LessonView, error) {
	return func(w *lessonWorld, l Lesson) (*LessonView, error) { return accept(fac, edit(w))(w, l) }
}

func TestCurationSteps(t *testing.T) {
	long := strings.Repeat("a", curatedStatementMax+1)
	tests := []curationCase{
		{name: "accept a proposed lesson", lesson: proposedOf, step: accept(fac, LessonEdit{}), status: LessonAccepted, action: LessonChangeAccepted,
			check: func(w *lessonWorld, l Lesson, v *LessonView) {
				if v.Statement != l.Statement || !reflect.DeepEqual(w.storedCodes(l.ID), []string{"T4.samen_beslissen"}) {
					t.Errorf("accepting without changes changed the lesson: %q %v", v.Statement, w.storedCodes(l.ID))
				}
			}},
		{name: "accept in new words with new codes", lesson: proposedOf,
			step:   acceptWith(withCodes(LessonEdit{Statement: strp("  Vraag de jongere eerst wat hij zelf wil.  ")}, "T4.stem_jongere", "T1.wachttijd")),
			status: LessonAccepted, action: LessonChangeAccepted,
			check: func(w *lessonWorld, l Lesson, v *LessonView) {
				if got := w.stored(l.ID).Statement; got != "Vraag de jongere eerst wat hij zelf wil." {
					t.Errorf("statement %q", got)
				}
				if got := w.storedCodes(l.ID); !reflect.DeepEqual(got, []string{"T1.wachttijd", "T4.stem_jongere"}) {
					t.Errorf("codes %v", got)
				}
				var c LessonChange
				w.must(w.db.Gorm.Where("lesson_id = ?", l.ID).Take(&c).Error)
				var rec changeRecord
				w.must(json.Unmarshal([]byte(c.Detail), &rec))
				if rec.Before == nil || rec.Before.Statement != l.Statement || rec.After.Statement != v.Statement ||
					len(rec.Before.Codes) != 1 || len(rec.After.Codes) != 2 || c.ActorID == nil || *c.ActorID != w.fac {
					t.Errorf("history %+v %+v %+v", c, rec.Before, rec.After)
				}
			}},
		{name: "accept an accepted lesson", lesson: acceptedOf, step: accept(fac, LessonEdit{}), code: leerlus.CodeConflict},
		{name: "accept a rejected lesson", lesson: rejectedOf, step: accept(fac, LessonEdit{}), code: leerlus.CodeConflict},
		{name: "accept a merged lesson", lesson: mergedOf, step: accept(fac, LessonEdit{}), code: leerlus.CodeConflict},
		{name: "accept an old version", lesson: func(w *lessonWorld, sc scene) Lesson {
			w.must(w.db.Gorm.Model(&Lesson{}).Where("id = ?", sc.proposed.ID).Update("version", 2).Error)
			return w.stored(sc.proposed.ID)
		}, step: accept(fac, LessonEdit{Version: 1}), code: leerlus.CodeConflict, field: "version", fcode: leerlus.FieldStaleVersion},
		{name: "accept without a version", lesson: proposedOf, step: func(w *lessonWorld, l Lesson) (*LessonView, error) {
			return w.svc.Accept(w.ctx, w.as(w.fac), l.ID, LessonEdit{})
		}, code: leerlus.CodeInvalid, field: "version", fcode: leerlus.FieldRequired},
		{name: "accept a statement too short", lesson: proposedOf, step: accept(fac, LessonEdit{Statement: strp(" ab ")}),
			code: leerlus.CodeInvalid, field: "statement", fcode: leerlus.FieldTooShort},
		{name: "accept a statement too long", lesson: proposedOf, step: accept(fac, LessonEdit{Statement: &long}),
			code: leerlus.CodeInvalid, field: "statement", fcode: leerlus.FieldTooLong},
		{name: "accept an empty statement", lesson: proposedOf, step: accept(fac, LessonEdit{Statement: strp("   ")}),
			code: leerlus.CodeInvalid, field: "statement", fcode: leerlus.FieldRequired},
		{name: "accept with an unknown code", lesson: proposedOf, step: accept(fac, LessonEdit{Codes: &[]string{leerlus.NewID()}}),
			code: leerlus.CodeInvalid, field: "codes", fcode: leerlus.FieldNotAllowed},
		{name: "accept with a code that is no id", lesson: proposedOf, step: accept(fac, LessonEdit{Codes: &[]string{"T1.wachttijd"}}),
			code: leerlus.CodeInvalid, field: "/codes/0", fcode: leerlus.FieldFormat},
		{name: "accept with a code of another network", lesson: proposedOf, step: func(w *lessonWorld, l Lesson) (*LessonView, error) {
			w.reflection(w.publishedCase(w.other, "Elders"), w.otherFac, "professional", StatusPublished) // seeds its codebook
			return accept(fac, LessonEdit{Codes: w.codes(w.other, "T1.wachttijd")})(w, l)
		}, code: leerlus.CodeInvalid, field: "codes", fcode: leerlus.FieldNotAllowed},
		{name: "accept with a retired code", lesson: proposedOf, step: func(w *lessonWorld, l Lesson) (*LessonView, error) {
			id := w.code(w.network, "T9.werkdruk")
			w.must(w.db.Gorm.Model(&Code{}).Where("id = ?", id).Update("retired_at", w.svc.now.Now()).Error)
			return accept(fac, LessonEdit{Codes: &[]string{w.code(w.network, "T1.wachttijd"), id}})(w, l)
		}, code: leerlus.CodeInvalid, field: "codes", fcode: leerlus.FieldNotAllowed},
		{name: "accept with a merged code", lesson: proposedOf, step: func(w *lessonWorld, l Lesson) (*LessonView, error) {
			id, into := w.code(w.network, "T9.werkdruk"), w.code(w.network, "T10.personeelstekort")
			w.must(w.db.Gorm.Model(&Code{}).Where("id = ?", id).Update("merged_into", into).Error)
			return accept(fac, LessonEdit{Codes: &[]string{id, into}})(w, l)
		}, status: LessonAccepted, action: LessonChangeAccepted,
			check: func(w *lessonWorld, l Lesson, v *LessonView) {
				// The code it was merged into, once.
				if got := w.storedCodes(l.ID); !reflect.DeepEqual(got, []string{"T10.personeelstekort"}) {
					t.Errorf("codes %v", got)
				}
			}},
		{name: "accept with too many codes", lesson: proposedOf,
			step: acceptWith(withCodes(LessonEdit{}, "T1.wachttijd", "T2.overdracht", "T3.doorzettingsmacht", "T4.stem_jongere", "T5.geweld", "T6.complexe_scheiding")),
			code: leerlus.CodeInvalid, field: "codes", fcode: leerlus.FieldTooMany},
		{name: "accept with a code twice", lesson: proposedOf, step: acceptWith(withCodes(LessonEdit{}, "T1.wachttijd", "T1.wachttijd")),
			code: leerlus.CodeInvalid, field: "/codes/1", fcode: leerlus.FieldDuplicate},
		{name: "accept with no codes", lesson: proposedOf, step: accept(fac, LessonEdit{Codes: &[]string{}}), status: LessonAccepted, action: LessonChangeAccepted,
			check: func(w *lessonWorld, l Lesson, v *LessonView) {
				if len(v.Codes) != 0 || len(w.storedCodes(l.ID)) != 0 {
					t.Errorf("codes left: %v", v.Codes)
				}
			}},
		{name: "accept as a member", lesson: proposedOf, step: accept(member, LessonEdit{}), code: leerlus.CodeNotFound},
		{name: "accept as a facilitator of another network", lesson: proposedOf, step: accept(otherFac, LessonEdit{}), code: leerlus.CodeNotFound},
		{name: "accept a lesson of a reflection not published", lesson: unpublishedOf, step: accept(fac, LessonEdit{}), code: leerlus.CodeNotFound},
		{name: "accept a name and a BSN", lesson: proposedOf, step: accept(fac, LessonEdit{Statement: strp("Bel Jolanda Hoogvliet, BSN 223456784, eerder.")}),
			code: leerlus.CodeIdentifying},
		{name: "accept an unknown lesson", lesson: proposedOf, step: func(w *lessonWorld, l Lesson) (*LessonView, error) {
			return w.svc.Accept(w.ctx, w.as(w.fac), leerlus.NewID(), LessonEdit{Version: 1})
		}, code: leerlus.CodeNotFound},

		{name: "reword a proposed lesson", lesson: proposedOf, step: reword(fac, LessonEdit{Statement: strp("Vraag het gezin wat het nodig heeft.")}),
			status: LessonProposed, action: LessonChangeReworded,
			check: func(w *lessonWorld, l Lesson, v *LessonView) {
				if v.Statement != "Vraag het gezin wat het nodig heeft." || w.stored(l.ID).Statement != v.Statement {
					t.Errorf("statement %q", v.Statement)
				}
			}},
		{name: "reword the codes of an accepted lesson", lesson: acceptedOf,
			step: func(w *lessonWorld, l Lesson) (*LessonView, error) {
				return reword(fac, LessonEdit{Codes: w.codes(w.network, "T1.geen_passend_aanbod")})(w, l)
			}, status: LessonAccepted, action: LessonChangeReworded,
			check: func(w *lessonWorld, l Lesson, v *LessonView) {
				if len(v.Codes) != 1 || v.Codes[0].Key != "T1.geen_passend_aanbod" || v.Statement != l.Statement {
					t.Errorf("codes %+v statement %q", v.Codes, v.Statement)
				}
			}},
		{name: "reword without anything", lesson: proposedOf, step: reword(fac, LessonEdit{}),
			code: leerlus.CodeInvalid, field: "statement", fcode: leerlus.FieldRequired},
		{name: "reword a rejected lesson", lesson: rejectedOf, step: reword(fac, LessonEdit{Statement: strp("Andere woorden.")}), code: leerlus.CodeConflict},
		{name: "reword a merged lesson", lesson: mergedOf, step: reword(fac, LessonEdit{Statement: strp("Andere woorden.")}), code: leerlus.CodeConflict},
		{name: "reword as a member", lesson: acceptedOf, step: reword(member, LessonEdit{Statement: strp("Andere woorden.")}), code: leerlus.CodeForbidden},
		{name: "reword as a researcher", lesson: acceptedOf, step: reword(researcher, LessonEdit{Statement: strp("Andere woorden.")}), code: leerlus.CodeForbidden},
		{name: "reword as a manager", lesson: acceptedOf, step: reword(manager, LessonEdit{Statement: strp("Andere woorden.")}), code: leerlus.CodeForbidden},
		{name: "reword with a name", lesson: acceptedOf, step: reword(fac, LessonEdit{Statement: strp("Luister naar Jolanda Hoogvliet-Brakman.")}), code: leerlus.CodeIdentifying},

		{name: "reject a proposed lesson", lesson: proposedOf, step: reject("  Dit staat al in een andere les.  "), status: LessonRejected, action: LessonChangeRejected,
			check: func(w *lessonWorld, l Lesson, v *LessonView) {
				if got := w.stored(l.ID).RejectReason; got != "Dit staat al in een andere les." || v.Curation.RejectReason != got {
					t.Errorf("reason %q, view %+v", got, v.Curation)
				}
			}},
		{name: "reject an accepted lesson", lesson: acceptedOf, step: reject("Toch te algemeen."), status: LessonRejected, action: LessonChangeRejected},
		{name: "reject without a reason", lesson: proposedOf, step: reject("  "), code: leerlus.CodeInvalid, field: "reason", fcode: leerlus.FieldRequired},
		{name: "reject with a reason too long", lesson: proposedOf, step: reject(strings.Repeat("b", rejectReasonMax+1)),
			code: leerlus.CodeInvalid, field: "reason", fcode: leerlus.FieldTooLong},
		{name: "reject a rejected lesson", lesson: rejectedOf, step: reject("Nog een keer."), code: leerlus.CodeConflict},
		{name: "reject a merged lesson", lesson: mergedOf, step: reject("Dubbel."), code: leerlus.CodeConflict},
		{name: "reject with a name and a BSN", lesson: proposedOf, step: reject("Gaat over Jolanda Hoogvliet, BSN 223456784."), code: leerlus.CodeIdentifying},

		{name: "reopen a rejected lesson", lesson: rejectedOf, step: reopen(-1), status: LessonProposed, action: LessonChangeReopened,
			check: func(w *lessonWorld, l Lesson, v *LessonView) {
				if w.stored(l.ID).RejectReason != "" {
					t.Error("the reason stayed")
				}
			}},
		{name: "reopen a proposed lesson", lesson: proposedOf, step: reopen(-1), code: leerlus.CodeConflict},
		{name: "reopen an accepted lesson", lesson: acceptedOf, step: reopen(-1), code: leerlus.CodeConflict},
		{name: "reopen without a version", lesson: rejectedOf, step: reopen(0), code: leerlus.CodeInvalid, field: "version", fcode: leerlus.FieldRequired},
		{name: "reopen an old version", lesson: rejectedOf, step: reopen(7), code: leerlus.CodeConflict, field: "version", fcode: leerlus.FieldStaleVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newLessonWorld(t)
			sc := w.scene("Lang wachten op passende hulp")
			l := tt.lesson(w, sc)
			before := w.stored(l.ID)
			changes := w.count("lesson_changes", "lesson_id = ?", l.ID)
			audits := w.count("audit_log", "action = ? AND object_id = ?", string(policy.ActionLessonCurated), l.ID)
			var codesBefore []string
			codesBefore = w.storedCodes(l.ID)
			v, err := tt.step(w, l)
			if tt.code != "" {
				if tt.field != "" {
					w.wantField(err, tt.code, tt.field, tt.fcode)
				} else {
					w.wantCode(err, tt.code)
				}
				after := w.stored(l.ID)
				if after.Version != before.Version || after.Status != before.Status || after.Statement != before.Statement ||
					!reflect.DeepEqual(w.storedCodes(l.ID), codesBefore) {
					t.Errorf("a refused step changed the lesson: %+v → %+v", before, after)
				}
				if w.count("lesson_changes", "lesson_id = ?", l.ID) != changes ||
					w.count("audit_log", "action = ? AND object_id = ?", string(policy.ActionLessonCurated), l.ID) != audits {
					t.Error("a refused step left history or an audit entry")
				}
				return
			}
			w.must(err)
			after := w.stored(l.ID)
			if v.Status != tt.status || after.Status != tt.status || after.Version != before.Version+1 || v.Version != after.Version {
				t.Errorf("view %s v%d, stored %s v%d; want %s v%d", v.Status, v.Version, after.Status, after.Version, tt.status, before.Version+1)
			}
			if after.CuratedBy == nil || *after.CuratedBy != w.fac || after.CuratedAt == nil {
				t.Errorf("curated by %v at %v", after.CuratedBy, after.CuratedAt)
			}
			if h := w.history(l.ID); len(h) == 0 || h[len(h)-1] != tt.action {
				t.Errorf("history %v, want %s last", h, tt.action)
			}
			if n := w.count("audit_log", "action = ? AND object_id = ? AND network_id = ?", string(policy.ActionLessonCurated), l.ID, w.network); n != audits+1 {
				t.Errorf("%d audit entries, want %d", n, audits+1)
			}
			if tt.check != nil {
				tt.check(w, l, v)
			}
		})
	}
}

// A finding the facilitator calls a false alarm (sent back as dismissed)
// lets the step through; the statement is screened with the case's
// numbering, like every text of the case.
func TestCurationTakesDecisionsOnFindings(t *testing.T) {
	w := newLessonWorld(t)
	sc := w.scene("Lang wachten op passende hulp")
	statement := "Neem Roos Bloem serieus als ze iets zegt."
	_, err := w.svc.Accept(w.ctx, w.as(w.fac), sc.proposed.ID, LessonEdit{Version: 1, Statement: &statement})
	e := w.wantCode(err, leerlus.CodeIdentifying)
	var d cases.Decisions
	for _, f := range e.Findings {
		if f.Field != "/statement" {
			t.Fatalf("finding at %s", f.Field)
		}
		m := cases.MarkInput{Field: f.Field, Type: f.Type, Start: f.Start, End: f.End}
		if f.Direct {
			d.Dismissed = append(d.Dismissed, m)
		} else {
			d.Confirmed = append(d.Confirmed, m)
		}
	}
	if len(e.Findings) == 0 {
		t.Fatal("no findings")
	}
	v, err := w.svc.Accept(w.ctx, w.as(w.fac), sc.proposed.ID, LessonEdit{Version: 1, Statement: &statement, Decisions: d})
	w.must(err)
	if v.Status != LessonAccepted || v.Statement != statement {
		t.Errorf("%s %q", v.Status, v.Statement)
	}
}

// Two facilitators curating one lesson at once: one wins, the other gets
// a conflict and nothing of theirs is kept.
func TestConcurrentCurationKeepsOneStep(t *testing.T) {
	w := newLessonWorld(t)
	sc := w.scene("Lang wachten op passende hulp")
	errs := make(chan error, 2)
	go func() {
		_, err := w.svc.Accept(w.ctx, w.as(w.fac), sc.proposed.ID, LessonEdit{Version: 1})
		errs <- err
	}()
	go func() {
		_, err := w.svc.Reject(w.ctx, w.as(w.fac2), sc.proposed.ID, Rejection{Version: 1, Reason: "Te vaag."})
		errs <- err
	}()
	var ok, conflicts int
	for range 2 {
		switch err := <-errs; {
		case err == nil:
			ok++
		case leerlus.IsCode(err, leerlus.CodeConflict):
			conflicts++
		default:
			t.Fatal(err)
		}
	}
	if ok != 1 || conflicts != 1 {
		t.Fatalf("%d succeeded, %d conflicts", ok, conflicts)
	}
	if n := w.count("lesson_changes", "lesson_id = ?", sc.proposed.ID); n != 1 {
		t.Errorf("%d history entries", n)
	}
	if l := w.stored(sc.proposed.ID); l.Version != 2 {
		t.Errorf("version %d", l.Version)
	}
}
