package demo

// Contrast is a difference between stuck and good trajectories the demo
// reflections were written to show: in how many distinct demo cases of
// each outcome a published reflection names the code with the effect.
// The tests hold the data to these figures, so that the research queries
// have a known answer on the demo.
type Contrast struct {
	Code        string // key in the default codebook
	Effect      string // helped | hindered
	Stuck, Good int    // distinct cases, of 21 stuck and 24 good published or archived demo cases
}

// Contrasts lists the designed contrasts: waiting, hand-overs, staff
// turnover, silos between laws and a young person not heard hinder mostly
// in stuck trajectories; the young person's voice, trust and deciding
// together help mostly in good ones.
func Contrasts() []Contrast {
	return []Contrast{
		{Code: "T1.wachttijd", Effect: "hindered", Stuck: 11, Good: 1},
		{Code: "T2.overdracht", Effect: "hindered", Stuck: 9, Good: 0},
		{Code: "T3.wisseling_hulpverleners", Effect: "hindered", Stuck: 8, Good: 2},
		{Code: "T10.schotten_wetten", Effect: "hindered", Stuck: 5, Good: 0},
		{Code: "T4.stem_jongere", Effect: "hindered", Stuck: 8, Good: 3},
		{Code: "T4.stem_jongere", Effect: "helped", Stuck: 4, Good: 14},
		{Code: "T4.vertrouwensrelatie", Effect: "helped", Stuck: 2, Good: 17},
		{Code: "T4.samen_beslissen", Effect: "helped", Stuck: 2, Good: 14},
	}
}
