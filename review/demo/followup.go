package demo

import (
	"context"
	"fmt"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review"
)

// The follow-up series gives one network enough trajectories over enough
// quarters for an improvement action's run chart to say something: two
// short cases a quarter from 2022 on, each with one parent's published
// reflection. Before the action on passing on signals started (the third
// quarter of 2024) most of them hold that lesson, in different words;
// after it few do. The grouping finds the lesson itself; the loader only
// links the action to the groups its lessons ended in.

// FollowUpTitle begins the title of every case of the follow-up series,
// so that checks of the hand-written demo can leave the series out.
const FollowUpTitle = "Zorgen over een leerling in de onderbouw"

// followUpStart is when the demo's action on signals began.
var followUpStart = cases.Period{Year: 2024, Quarter: 3}

// followUpFirst is the first quarter of the series.
var followUpFirst = cases.Period{Year: 2022, Quarter: 1}

// signalLessons say one lesson: bring the signals together, do not assume
// that someone else acted on them.
var signalLessons = []string{
	"Breng de signalen van school, wijkagent en jongerenwerk samen, zodat niemand ervan uitgaat dat een ander het al doet.",
	"Ga er niet van uit dat een ander de signalen al heeft opgepakt; breng de zorgen zelf bij elkaar.",
	"Breng signalen van school en wijkteam op één plek samen; denk niet dat een ander ze al heeft opgepakt.",
	"Leg de signalen van school, huisarts en jongerenwerk naast elkaar, zodat iemand het hele plaatje ziet.",
}

// otherLessons are lessons on other subjects, for the cases without it.
var otherLessons = []string{
	"Geef ouders na elk gesprek op papier wat er is afgesproken.",
	"Laat de jongere zelf kiezen wie er bij het gesprek zit.",
	"Plan de overdracht naar de volgende hulpverlener samen met het gezin.",
	"Spreek bij een wachtlijst af wie het gezin in de tussentijd belt.",
	"Vier kleine stappen vooruit samen met de jongere.",
	"Houd de hulp licht en dichtbij, in de buurt of op school.",
	"Neem een tolk mee als ouders de taal niet goed spreken.",
	"Geef de mentor tijd om de leerling elke week even te spreken.",
	"Zet het plan voor de zomervakantie op tijd op papier.",
	"Laat de sportclub weten hoe ze een jongere kunnen steunen.",
	"Evalueer na drie maanden samen met de ouders of de hulp werkt.",
	"Bied een rustige plek in school voor een leerling die overprikkeld raakt.",
}

// signalPattern says, per quarter of the series, in how many of its two
// cases the signal lesson comes back: mostly both before the action
// started, rarely after.
var signalPattern = []int{2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0}

// followUpSeries writes the series in a network: cases by author,
// published by checker, each with a reflection of parent. It returns the
// ids of the signal lessons and the number of cases.
func followUpSeries(ctx context.Context, cs *cases.Service, svc *review.Service, network, author, parent, checker string, now cases.Period) ([]string, int, error) {
	var signals []string
	written := 0
	p := followUpFirst
	for q := 0; q < len(signalPattern) && !now.Before(p); q, p = q+1, p.Next() {
		for j := 0; j < 2; j++ {
			n := q*2 + j
			caseID, err := followUpCase(ctx, cs, network, author, checker, p, n)
			if err != nil {
				return nil, written, fmt.Errorf("follow-up case %d: %w", n, err)
			}
			written++
			lesson := otherLessons[n%len(otherLessons)]
			signal := j < signalPattern[q]
			if signal {
				lesson = signalLessons[n%len(signalLessons)]
			}
			id, err := followUpReflection(ctx, svc, network, caseID, parent, checker, lesson)
			if err != nil {
				return nil, written, fmt.Errorf("follow-up reflection %d: %w", n, err)
			}
			if signal {
				signals = append(signals, id)
			}
		}
	}
	return signals, written, nil
}

func followUpCase(ctx context.Context, cs *cases.Service, network, author, checker string, start cases.Period, n int) (string, error) {
	s := func(v string) *string { return &v }
	outcomes := []string{"stuck", "mixed", "good"}
	end := start.Next()
	in := cases.CaseInput{
		Title:   s(fmt.Sprintf("%s (%s, %d)", FollowUpTitle, start, n%2+1)),
		Outcome: s(outcomes[n%len(outcomes)]), Start: &start, End: &end,
		AgeBand: s("12-18"), Household: s("two_parents"), Duration: s("3_6m"),
		LifeDomains: &[]string{"education_work"}, Services: &[]string{"neighbourhood_team"},
		Summary: s("Een leerling verzuimde steeds vaker. School, wijkteam en jongerenwerk zagen elk een deel van de zorgen."),
		Episodes: []cases.EpisodeInput{{Phase: s("signalling"), WhatHappened: s("De mentor zag dat de leerling vaak afwezig was en belde de ouders."),
			Duration: s("1_4w"), Effect: s("helped")}},
	}
	acc := leerlus.Access{Actor: leerlus.Actor{PersonID: author, ClientAddr: "demo"}, NetworkID: network, Role: string(policy.RoleMember), Scope: leerlus.ScopeOwn}
	v, err := cs.Create(ctx, acc, in)
	if err != nil {
		return "", err
	}
	if v, err = cs.Submit(ctx, acc, v.ID, v.Version); err != nil {
		return "", err
	}
	_, err = cs.Publish(ctx, access(checker, network, policy.RoleFacilitator), v.ID, v.Version)
	return v.ID, err
}

func followUpReflection(ctx context.Context, svc *review.Service, network, caseID, parent, checker, lesson string) (string, error) {
	acc := access(parent, network, policy.RoleMember)
	items := []review.ItemInput{
		{Question: "worked", What: "De mentor belde ons meteen.", Why: "Zo wisten we snel wat er speelde."},
		{Question: "did_not_work", What: "Niemand wist wat de anderen al wisten.", Why: "Iedereen keek alleen naar zijn eigen stukje."},
	}
	lessons := []review.LessonInput{{Statement: lesson, Sources: []int{1}}}
	v, err := svc.Create(ctx, acc, caseID, review.ReflectionInput{Items: &items, Lessons: &lessons})
	if err != nil {
		return "", err
	}
	if v, err = svc.Submit(ctx, acc, v.ID, v.Version); err != nil {
		return "", err
	}
	if v, err = svc.Publish(ctx, access(checker, network, policy.RoleFacilitator), v.ID, v.Version); err != nil {
		return "", err
	}
	if len(v.Lessons) != 1 {
		return "", fmt.Errorf("the reflection holds %d lessons", len(v.Lessons))
	}
	return v.Lessons[0].ID, nil
}
