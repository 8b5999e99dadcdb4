// Package cases holds the case reviews of the learning networks:
// anonymised care trajectories with their key episodes. Its fixed lists,
// the coarse categories that describe a trajectory without singling out a
// family, live here once and are served by the API.
package cases

// Term is one value of a fixed list: a stable code and its words in Dutch
// (B1, for parents and young people) and English.
type Term struct {
	Code string
	NL   string
	EN   string
}

// List is a named fixed list.
type List struct {
	Name  string
	Terms []Term
}

// Has reports whether code is one of the list's codes.
func (l List) Has(code string) bool {
	for _, t := range l.Terms {
		if t.Code == code {
			return true
		}
	}
	return false
}

// Mask sets bit i for the i-th code of the list that is in codes. Lists
// only ever grow at the end, so stored masks keep their meaning.
func (l List) Mask(codes ...string) int {
	m := 0
	for i, t := range l.Terms {
		for _, c := range codes {
			if c == t.Code {
				m |= 1 << i
			}
		}
	}
	return m
}

// FromMask lists the codes whose bits are set in m, in list order.
func (l List) FromMask(m int) []string {
	out := []string{}
	for i, t := range l.Terms {
		if m&(1<<i) != 0 {
			out = append(out, t.Code)
		}
	}
	return out
}

// Codes lists the list's codes in order, for field errors.
func (l List) Codes() []string {
	out := make([]string, len(l.Terms))
	for i, t := range l.Terms {
		out[i] = t.Code
	}
	return out
}

// The fixed lists of a case. Codes are stored and never change; words may.
var (
	Outcomes = List{"outcome", []Term{
		{"good", "goed verlopen", "went well"},
		{"stuck", "vastgelopen", "got stuck"},
		{"mixed", "wisselend", "mixed"},
	}}
	AgeBands = List{"age_band", []Term{
		{"0-4", "0 tot 4 jaar", "0 to 4 years"},
		{"4-12", "4 tot 12 jaar", "4 to 12 years"},
		{"12-18", "12 tot 18 jaar", "12 to 18 years"},
		{"18-23", "18 tot 23 jaar", "18 to 23 years"},
	}}
	Households = List{"household", []Term{
		{"two_parents", "twee ouders samen", "two parents together"},
		{"one_parent", "één ouder", "one parent"},
		{"parents_apart", "ouders uit elkaar, kind bij allebei", "parents apart, child with both"},
		{"blended", "samengesteld gezin", "blended family"},
		{"relatives", "bij familie (zoals opa en oma)", "with relatives (such as grandparents)"},
		{"foster", "pleeggezin", "foster family"},
		{"residential", "gezinshuis of leefgroep", "family home or residential group"},
		{"independent", "woont zelfstandig", "lives independently"},
		{"other", "anders", "other"},
	}}
	LifeDomains = List{"life_domain", []Term{
		{"upbringing", "opvoeden en opgroeien", "upbringing"},
		{"education_work", "school en werk", "school and work"},
		{"physical_health", "lichamelijke gezondheid", "physical health"},
		{"mental_health", "psychische gezondheid", "mental health"},
		{"safety", "veiligheid", "safety"},
		{"income_debts", "geld en schulden", "income and debts"},
		{"housing", "wonen", "housing"},
		{"social", "vrienden, vrije tijd en netwerk", "friends, leisure and network"},
		{"substances", "alcohol en drugs", "alcohol and drugs"},
		{"justice", "politie en justitie", "police and justice"},
	}}
	Services = List{"service", []Term{
		{"neighbourhood_team", "wijkteam of toegang", "neighbourhood team or access"},
		{"gp", "huisarts", "general practitioner"},
		{"youth_health", "jeugdgezondheidszorg", "youth health care"},
		{"youth_mental_health", "jeugd-ggz", "youth mental health care"},
		{"youth_care", "jeugd- en opvoedhulp", "youth and parenting support"},
		{"child_protection", "jeugdbescherming", "child protection"},
		{"veilig_thuis", "Veilig Thuis", "Veilig Thuis (domestic violence and child abuse advice centre)"},
		{"child_protection_board", "Raad voor de Kinderbescherming", "Child Protection Board"},
		{"education", "onderwijs of leerplicht", "education or school attendance"},
		{"disability_care", "gehandicaptenzorg", "disability care"},
		{"addiction_care", "verslavingszorg", "addiction care"},
		{"police_justice", "politie of justitie", "police or justice"},
		{"debt_income", "schuldhulp of inkomen", "debt counselling or income support"},
		{"housing", "wonen", "housing"},
	}}
	Durations = List{"duration", []Term{
		{"lt_3m", "korter dan 3 maanden", "less than 3 months"},
		{"3_6m", "3 tot 6 maanden", "3 to 6 months"},
		{"6_12m", "6 tot 12 maanden", "6 to 12 months"},
		{"1_2y", "1 tot 2 jaar", "1 to 2 years"},
		{"2_4y", "2 tot 4 jaar", "2 to 4 years"},
		{"gt_4y", "langer dan 4 jaar", "more than 4 years"},
	}}
	Phases = List{"phase", []Term{
		{"signalling", "zorgen zien (signaleren)", "noticing the problem"},
		{"access", "toegang tot hulp", "access to help"},
		{"help", "hulp", "help"},
		{"scaling", "meer of minder hulp (op- of afschalen)", "scaling help up or down"},
		{"closure", "afsluiting en nazorg", "closing and aftercare"},
	}}
	EpisodeDurations = List{"episode_duration", []Term{
		{"lt_1w", "korter dan een week", "less than a week"},
		{"1_4w", "1 tot 4 weken", "1 to 4 weeks"},
		{"4_12w", "4 tot 12 weken", "4 to 12 weeks"},
		{"12_26w", "12 tot 26 weken", "12 to 26 weeks"},
		{"gt_26w", "langer dan 26 weken", "more than 26 weeks"},
	}}
	Effects = List{"effect", []Term{
		{"helped", "hielp", "helped"},
		{"hindered", "hinderde", "hindered"},
		{"neutral", "neutraal", "neutral"},
	}}
)

// Vocabulary lists every fixed list of a case, in the order a form asks
// for them.
func Vocabulary() []List {
	return []List{Outcomes, AgeBands, Households, LifeDomains, Services, Durations, Phases, EpisodeDurations, Effects}
}
