package review_test

import (
	"context"
	"testing"

	"leerlus"
	"leerlus/review"
)

// answers is a complete set of answers with one coded item on each side
// and a lesson drawn from the item that did not work.
func (w *world) answers(t *testing.T, wait, heard review.Effect) review.ReflectionInput {
	return review.ReflectionInput{
		Items: &[]review.ItemInput{
			{Question: "worked", What: "De mentor bleef contact houden.", Why: "Daardoor bleef de jongere in beeld.",
				Codes: []review.CodingInput{{CodeID: w.code(t, "T4.stem_jongere"), Effect: heard}}},
			{Question: "did_not_work", What: "Het wachten op de jeugd-ggz duurde maanden.",
				Codes: []review.CodingInput{{CodeID: w.code(t, "T1.wachttijd"), Effect: wait}}},
		},
		Texts:   &[]review.TextInput{{Question: "differently", Text: "Eerder overbruggingshulp regelen."}},
		Ratings: &[]review.RatingInput{{Question: "young_person_heard", Rating: ptr(2)}},
		Lessons: &[]review.LessonInput{{Statement: "Regel hulp tijdens het wachten.", Codes: []string{w.code(t, "T1.wachttijd")}, Sources: []int{1}}},
	}
}

// write creates a draft (which gives the network its codebook) and fills
// it with answers.
func (w *world) write(t *testing.T, person string, answers func() review.ReflectionInput) *review.ReflectionView {
	t.Helper()
	ctx := context.Background()
	r, err := w.svc.Create(ctx, w.as(person), w.caseID, review.ReflectionInput{})
	must(t, err)
	in := answers()
	in.Version = r.Version
	r, err = w.svc.Update(ctx, w.as(person), r.ID, in)
	must(t, err)
	return r
}

// publish submits a reflection as its author and publishes it as fac2.
func (w *world) publish(t *testing.T, r *review.ReflectionView) *review.ReflectionView {
	t.Helper()
	ctx := context.Background()
	r, err := w.svc.Submit(ctx, w.as(r.AuthorID), r.ID, r.Version)
	must(t, err)
	r, err = w.svc.Publish(ctx, w.as(w.fac2), r.ID, r.Version)
	must(t, err)
	return r
}

func TestWriteAReflectionWithCodesAndLessons(t *testing.T) {
	w := newWorld(t)
	r := w.write(t, w.parent, func() review.ReflectionInput { return w.answers(t, review.EffectHindered, review.EffectHelped) })
	if r.Perspective != "ouder" || r.Status != review.StatusDraft {
		t.Fatalf("perspective %q status %q", r.Perspective, r.Status)
	}
	if len(r.Items) != 2 || len(r.Items[0].Codes) != 1 || len(r.Lessons) != 1 || len(r.Answers) != 2 {
		t.Fatalf("items %d lessons %d answers %d", len(r.Items), len(r.Lessons), len(r.Answers))
	}
	var notWorked string
	for _, it := range r.Items {
		if it.QuestionKey == "did_not_work" {
			notWorked = it.ID
		}
	}
	if got := r.Lessons[0].ItemIDs; len(got) != 1 || got[0] != notWorked {
		t.Fatalf("lesson sources %v, want the item that did not work %s", got, notWorked)
	}
	// Saving the items again with their ids keeps them, and the lesson's link.
	again := w.answers(t, review.EffectHindered, review.EffectHelped)
	(*again.Items)[1].ID = notWorked
	again.Version = r.Version
	r2, err := w.svc.Update(context.Background(), w.as(w.parent), r.ID, again)
	must(t, err)
	for _, it := range r2.Items {
		if it.QuestionKey == "did_not_work" && it.ID != notWorked {
			t.Fatalf("the item kept its id? got %s want %s", it.ID, notWorked)
		}
	}
	if len(r2.Lessons) != 1 || len(r2.Lessons[0].ItemIDs) != 1 {
		t.Fatalf("the lesson lost its source: %+v", r2.Lessons)
	}
	// A stale version is refused.
	_, err = w.svc.Update(context.Background(), w.as(w.parent), r.ID, review.ReflectionInput{Version: r.Version, Texts: &[]review.TextInput{{Question: "differently", Text: "Iets anders."}}})
	domainError(t, err, leerlus.CodeConflict)
}

func TestOneReflectionPerPersonPerCase(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	_, err := w.svc.Create(ctx, w.as(w.parent), w.caseID, review.ReflectionInput{})
	must(t, err)
	_, err = w.svc.Create(ctx, w.as(w.parent), w.caseID, review.ReflectionInput{})
	domainError(t, err, leerlus.CodeConflict)
	// The case's author writes one too.
	_, err = w.svc.Create(ctx, w.as(w.author), w.caseID, review.ReflectionInput{})
	must(t, err)
}

func TestIdentifyingTextIsRefusedAndNothingStored(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	r, err := w.svc.Create(ctx, w.as(w.parent), w.caseID, review.ReflectionInput{})
	must(t, err)
	in := review.ReflectionInput{Version: r.Version, Items: &[]review.ItemInput{
		{Question: "did_not_work", What: "Het wachten duurde lang.", Why: "Mevrouw Sanne Jansen belde nooit terug, haar BSN is 111222333."}}}
	_, err = w.svc.Update(ctx, w.as(w.parent), r.ID, in)
	e := domainError(t, err, leerlus.CodeIdentifying)
	if len(e.Findings) == 0 || e.Findings[0].Field != "/items/0/why" {
		t.Fatalf("findings %+v", e.Findings)
	}
	if n := w.count(t, "reflection_items"); n != 0 {
		t.Fatalf("%d items stored", n)
	}
	types := map[string]bool{}
	for _, f := range e.Findings {
		types[f.Type] = true
	}
	if !types["bsn"] || !types["person"] {
		t.Fatalf("want a name and a number among %+v", e.Findings)
	}
}

func TestDismissedFindingIsStoredAsAMark(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	r, err := w.svc.Create(ctx, w.as(w.parent), w.caseID, review.ReflectionInput{})
	must(t, err)
	text := "Het gesprek met Roos ging goed."
	in := review.ReflectionInput{Version: r.Version, Items: &[]review.ItemInput{{Question: "did_not_work", What: "Het wachten duurde lang."}, {Question: "worked", What: text}}}
	_, err = w.svc.Update(ctx, w.as(w.parent), r.ID, in)
	e := domainError(t, err, leerlus.CodeIdentifying)
	for _, f := range e.Findings {
		in.Dismissed = append(in.Dismissed, casesMark(f))
	}
	r, err = w.svc.Update(ctx, w.as(w.parent), r.ID, in)
	must(t, err)
	// The mark points into the view's items, where the text is.
	if len(r.Marks) != len(e.Findings) || r.Marks[0].Field != "/items/1/what" || r.Marks[0].ReflectionID == nil || r.Items[1].What != text {
		t.Fatalf("marks %+v", r.Marks)
	}
	// The case's own view does not show the reflection's marks.
	c, err := w.cases.Get(ctx, w.as(w.author), w.caseID)
	must(t, err)
	if len(c.Marks) != 0 {
		t.Fatalf("the case shows the reflection's marks: %+v", c.Marks)
	}
}

func TestLifecycleAndFourEyes(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	r, err := w.svc.Create(ctx, w.as(w.fac1), w.caseID, review.ReflectionInput{})
	must(t, err)
	// Incomplete: the required questions are named.
	_, err = w.svc.Submit(ctx, w.as(w.fac1), r.ID, r.Version)
	e := domainError(t, err, leerlus.CodeInvalid)
	if len(e.Fields) != 2 {
		t.Fatalf("fields %+v", e.Fields)
	}
	in := w.answers(t, review.EffectHindered, review.EffectHelped)
	in.Version = r.Version
	r, err = w.svc.Update(ctx, w.as(w.fac1), r.ID, in)
	must(t, err)
	// Nobody else may change or submit the draft, and it is hidden.
	_, err = w.svc.Submit(ctx, w.as(w.parent), r.ID, r.Version)
	domainError(t, err, leerlus.CodeNotFound)
	_, err = w.svc.Get(ctx, w.as(w.fac2), r.ID)
	domainError(t, err, leerlus.CodeNotFound)
	r, err = w.svc.Submit(ctx, w.as(w.fac1), r.ID, r.Version)
	must(t, err)
	// A facilitator does not publish their own reflection.
	_, err = w.svc.Publish(ctx, w.as(w.fac1), r.ID, r.Version)
	domainError(t, err, leerlus.CodeForbidden)
	// A member cannot check.
	_, err = w.svc.Publish(ctx, w.as(w.parent), r.ID, r.Version)
	domainError(t, err, leerlus.CodeNotFound)
	// Sent back with a comment the author sees.
	r2, err := w.svc.SendBack(ctx, w.as(w.fac2), r.ID, review.SendBack{Version: r.Version, Comment: "Maak het tweede punt wat algemener."})
	must(t, err)
	if r2.Status != review.StatusDraft || r2.ReviewComment == "" {
		t.Fatalf("sent back: %+v", r2.Reflection)
	}
	r2, err = w.svc.Submit(ctx, w.as(w.fac1), r.ID, r2.Version)
	must(t, err)
	r2, err = w.svc.Publish(ctx, w.as(w.fac2), r.ID, r2.Version)
	must(t, err)
	if r2.Status != review.StatusPublished {
		t.Fatalf("status %s", r2.Status)
	}
	// Published is final for its author.
	_, err = w.svc.Update(ctx, w.as(w.fac1), r.ID, review.ReflectionInput{Version: r2.Version})
	domainError(t, err, leerlus.CodeConflict)
}

func TestReflectionsNeedASubmittedCase(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.seed(t)
	c, err := w.cases.Create(ctx, w.as(w.author), complete())
	must(t, err)
	// A draft case: not yet.
	_, err = w.svc.Create(ctx, w.as(w.author), c.ID, review.ReflectionInput{})
	domainError(t, err, leerlus.CodeConflict)
	_, err = w.svc.Create(ctx, w.as(w.parent), c.ID, review.ReflectionInput{})
	domainError(t, err, leerlus.CodeNotFound)
	c, err = w.cases.Submit(ctx, w.as(w.author), c.ID, c.Version)
	must(t, err)
	// Submitted: its author may start, a member who cannot see it may not.
	r, err := w.svc.Create(ctx, w.as(w.author), c.ID, w.answers(t, review.EffectHindered, review.EffectHelped))
	must(t, err)
	_, err = w.svc.Create(ctx, w.as(w.parent), c.ID, review.ReflectionInput{})
	domainError(t, err, leerlus.CodeNotFound)
	r, err = w.svc.Submit(ctx, w.as(w.author), r.ID, r.Version)
	must(t, err)
	// Not published before its case.
	_, err = w.svc.Publish(ctx, w.as(w.fac2), r.ID, r.Version)
	domainError(t, err, leerlus.CodeConflict)
}

func TestAuthorsAreHiddenButFromFacilitators(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	r := w.publish(t, w.write(t, w.parent, func() review.ReflectionInput { return w.answers(t, review.EffectHindered, review.EffectHelped) }))
	for _, tc := range []struct {
		who   string
		knows bool
	}{{w.parent, true}, {w.fac1, true}, {w.youth, false}, {w.rs, false}, {w.mgr, false}, {w.author, false}} {
		got, err := w.svc.Get(ctx, w.as(tc.who), r.ID)
		must(t, err)
		hidden := got.AuthorID == "" && got.LastEditorID == "" && got.PublishedBy == nil && got.Author == nil && got.Marks == nil
		for _, it := range got.Items {
			for _, c := range it.Codes {
				hidden = hidden && c.CodedBy == nil
			}
		}
		if hidden == tc.knows {
			t.Errorf("%s (%s): author hidden %v", tc.who, w.Roles[tc.who], hidden)
		}
		if got.Perspective != "ouder" {
			t.Errorf("perspective %q", got.Perspective)
		}
	}
}

func TestCasePageComparesPerspectives(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.publish(t, w.write(t, w.parent, func() review.ReflectionInput {
		return w.answers(t, review.EffectHindered, review.EffectHindered)
	}))
	prof := w.publish(t, w.write(t, w.author, func() review.ReflectionInput {
		a := w.answers(t, review.EffectHindered, review.EffectHelped)
		a.Ratings = &[]review.RatingInput{{Question: "young_person_heard", Rating: ptr(5)}}
		return a
	}))
	// A draft of a third person is not compared.
	w.write(t, w.youth, func() review.ReflectionInput { return w.answers(t, review.EffectHelped, review.EffectHelped) })
	got, err := w.svc.ForCase(ctx, w.as(w.rs), w.caseID)
	must(t, err)
	if len(got.Reflections) != 2 {
		t.Fatalf("%d reflections", len(got.Reflections))
	}
	agreement := map[string]review.Agreement{}
	for _, c := range got.Comparison.Codes {
		agreement[c.Code.Key] = c.Agreement
	}
	if agreement["T1.wachttijd"] != review.AgreementAgree || agreement["T4.stem_jongere"] != review.AgreementDiffer {
		t.Fatalf("agreement %v", agreement)
	}
	if len(got.Comparison.Ratings) != 1 || got.Comparison.Ratings[0].Agreement != review.AgreementDiffer {
		t.Fatalf("ratings %+v", got.Comparison.Ratings)
	}
	for _, r := range got.Reflections {
		if r.AuthorID != "" || r.Author != nil {
			t.Fatalf("a researcher sees an author")
		}
	}
	_ = prof
}

func TestFacilitatorRecodesWithHistory(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	r := w.publish(t, w.write(t, w.parent, func() review.ReflectionInput { return w.answers(t, review.EffectHindered, review.EffectHelped) }))
	var item string
	for _, it := range r.Items {
		if it.QuestionKey == "did_not_work" {
			item = it.ID
		}
	}
	codes := []review.CodingInput{{CodeID: w.code(t, "T1.geen_passend_aanbod"), Effect: review.EffectHindered}}
	_, err := w.svc.Recode(ctx, w.as(w.parent), r.ID, item, r.Version, codes)
	domainError(t, err, leerlus.CodeForbidden)
	got, err := w.svc.Recode(ctx, w.as(w.fac1), r.ID, item, r.Version, codes)
	must(t, err)
	for _, it := range got.Items {
		if it.ID == item && (len(it.Codes) != 1 || it.Codes[0].Code.Key != "T1.geen_passend_aanbod") {
			t.Fatalf("codes %+v", it.Codes)
		}
	}
	// One entry for the code that left the item, one for the code that came.
	if n := w.count(t, "codebook_changes"); n != 2 {
		t.Fatalf("%d history entries", n)
	}
	_, err = w.svc.Recode(ctx, w.as(w.fac1), r.ID, item, r.Version, codes)
	domainError(t, err, leerlus.CodeConflict)
}

func TestDismissalsCountInTheQualityReport(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	r, err := w.svc.Create(ctx, w.as(w.parent), w.caseID, review.ReflectionInput{})
	must(t, err)
	in := w.answers(t, review.EffectHindered, review.EffectHelped)
	(*in.Items)[0].What = "Het gesprek met Roos ging goed."
	in.Version = r.Version
	_, err = w.svc.Update(ctx, w.as(w.parent), r.ID, in)
	e := domainError(t, err, leerlus.CodeIdentifying)
	for _, f := range e.Findings {
		in.Dismissed = append(in.Dismissed, casesMark(f))
	}
	r, err = w.svc.Update(ctx, w.as(w.parent), r.ID, in)
	must(t, err)
	r, err = w.svc.Submit(ctx, w.as(w.parent), r.ID, r.Version)
	must(t, err)
	before := w.count(t, "anonymiser_tallies")
	r, err = w.svc.SendBack(ctx, w.as(w.fac1), r.ID, review.SendBack{Version: r.Version, Comment: "Dit was toch een naam.", RealIdentifiers: []string{r.Marks[0].ID}})
	must(t, err)
	if w.count(t, "anonymiser_tallies") <= before {
		t.Fatal("sending back with a real identifier was not counted")
	}
	var verdict string
	row := w.db.WithContext(ctx).Table("anonymity_marks").Select("verdict").Where("id = ?", r.Marks[0].ID).Row()
	must(t, row.Scan(&verdict))
	if verdict != "real_identifier" {
		t.Fatalf("verdict %q", verdict)
	}
}

// Codings feed the code suggestions: a coded item's words count for its
// code while the coding exists, and no longer once it is gone.
func TestCodingsKeepTheSuggestionIndex(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	r := w.write(t, w.parent, func() review.ReflectionInput { return w.answers(t, review.EffectHindered, review.EffectHelped) })
	wait := w.code(t, "T1.wachttijd")
	texts := func() int64 {
		var n int64
		must(t, w.db.WithContext(ctx).Table("code_term_totals").Where("code_id = ? AND source = ?", wait, "codings").Select("COALESCE(SUM(texts), 0)").Scan(&n).Error)
		return n
	}
	if n := texts(); n != 1 {
		t.Fatalf("%d coded texts for the code, want 1", n)
	}
	must(t, w.svc.Delete(ctx, w.as(w.parent), r.ID, r.Version))
	if n := texts(); n != 0 {
		t.Fatalf("%d coded texts after the reflection went, want 0", n)
	}
}
