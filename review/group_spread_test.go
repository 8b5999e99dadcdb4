package review

import (
	"math"
	"testing"

	"leerlus/cases"
)

func TestSpreadOf(t *testing.T) {
	org := func(s string) *string { return &s }
	facts := []lessonFact{
		{LessonID: "l1", CaseID: "c1", CaseTitle: "A", NetworkID: "n1", Perspective: "ouder", OrganisationID: org("o1"), Outcome: "stuck", StartPeriod: 20241},
		// A second lesson on the same case counts its perspective, not the case again.
		{LessonID: "l2", CaseID: "c1", CaseTitle: "A", NetworkID: "n1", Perspective: "professional", OrganisationID: org("o2"), Outcome: "stuck", StartPeriod: 20241},
		{LessonID: "l3", CaseID: "c2", CaseTitle: "B", NetworkID: "n1", Perspective: "ouder", Outcome: "good", StartPeriod: 20243},
		{LessonID: "l4", CaseID: "c3", CaseTitle: "C", NetworkID: "n2", Perspective: "jongere", OrganisationID: org("o1"), Outcome: "stuck", StartPeriod: 20252},
	}
	got := spreadOf(facts, OutcomeCounts{Good: 6, Stuck: 3, Mixed: 1})

	if len(got.Cases) != 3 || got.Cases[0].ID != "c1" || got.Cases[2].Title != "C" {
		t.Errorf("cases = %+v, want c1, c2, c3 in order", got.Cases)
	}
	if got.Networks != 2 || got.Organisations != 2 {
		t.Errorf("networks, organisations = %d, %d; want 2, 2", got.Networks, got.Organisations)
	}
	wantPersp := []PerspectiveCount{{"ouder", 2}, {"jongere", 1}, {"professional", 1}}
	if len(got.Perspectives) != 3 || got.Perspectives[0] != wantPersp[0] || got.Perspectives[1] != wantPersp[1] || got.Perspectives[2] != wantPersp[2] {
		t.Errorf("perspectives = %+v, want %+v", got.Perspectives, wantPersp)
	}
	if got.Outcomes != (OutcomeCounts{Good: 1, Stuck: 2}) {
		t.Errorf("outcomes = %+v", got.Outcomes)
	}
	// 2 of 3 cases stuck against 3 of 10 in the networks: lift 2/3 ÷ 0.3.
	if math.Abs(got.StuckShare-2.0/3) > 1e-9 || math.Abs(got.BaselineStuckShare-0.3) > 1e-9 {
		t.Errorf("shares = %v, %v", got.StuckShare, got.BaselineStuckShare)
	}
	if got.Lift == nil || math.Abs(*got.Lift-(2.0/3)/0.3) > 1e-9 {
		t.Errorf("lift = %v, want %v", got.Lift, (2.0/3)/0.3)
	}
	if got.FirstSeen != (cases.Period{Year: 2024, Quarter: 1}) || got.LastSeen != (cases.Period{Year: 2025, Quarter: 2}) {
		t.Errorf("seen %v … %v", got.FirstSeen, got.LastSeen)
	}
	// 2024-Q1 … 2025-Q2 without gaps: six quarters, cases in three.
	wantQ := []int{1, 0, 1, 0, 0, 1}
	if len(got.Quarters) != len(wantQ) {
		t.Fatalf("quarters = %+v", got.Quarters)
	}
	for i, n := range wantQ {
		if got.Quarters[i].Cases != n {
			t.Errorf("quarter %v: %d cases, want %d", got.Quarters[i].Period, got.Quarters[i].Cases, n)
		}
	}
}

func TestSpreadOfWithoutStuckBaseline(t *testing.T) {
	tests := []struct {
		name     string
		facts    []lessonFact
		baseline OutcomeCounts
		wantLift bool
	}{
		{"no stuck case in the networks", []lessonFact{{CaseID: "c1", Outcome: "good", StartPeriod: 20231}}, OutcomeCounts{Good: 4}, false},
		{"no facts", nil, OutcomeCounts{Stuck: 2, Good: 2}, false},
		{"a stuck baseline", []lessonFact{{CaseID: "c1", Outcome: "good", StartPeriod: 20231}}, OutcomeCounts{Good: 2, Stuck: 2}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := spreadOf(tt.facts, tt.baseline)
			if (got.Lift != nil) != tt.wantLift {
				t.Errorf("lift = %v, want set: %v", got.Lift, tt.wantLift)
			}
			if len(tt.facts) == 0 && len(got.Quarters) != 0 {
				t.Errorf("quarters without cases: %+v", got.Quarters)
			}
		})
	}
}
