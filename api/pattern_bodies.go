package api

import (
	"leerlus/review"
	"leerlus/review/disclosure"
)

// cellJSON is a count as researchers see it: rounded, or suppressed with
// no value.
type cellJSON struct {
	Value      *int `json:"value"`
	Suppressed bool `json:"suppressed"`
}

func cellBody(c disclosure.Cell) cellJSON {
	if c.Suppressed {
		return cellJSON{Suppressed: true}
	}
	v := c.Value
	return cellJSON{Value: &v}
}

type networkRefJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// patternHeadJSON is what every pattern result starts with: the networks
// it read and the rules its counts follow.
type patternHeadJSON struct {
	Networks  []networkRefJSON `json:"networks"`
	K         int              `json:"k"`
	RoundedTo int              `json:"rounded_to"`
}

func patternHead(networks []review.NetworkRef, k int) patternHeadJSON {
	out := patternHeadJSON{Networks: []networkRefJSON{}, K: k, RoundedTo: disclosure.Base}
	for _, n := range networks {
		out.Networks = append(out.Networks, networkRefJSON{n.ID, n.Name})
	}
	return out
}

type patternCodeJSON struct {
	Key     string `json:"key"`
	LabelNL string `json:"label_nl"`
	LabelEN string `json:"label_en"`
}

func patternCodeBody(c review.PatternCode) patternCodeJSON {
	return patternCodeJSON{c.Key, c.LabelNL, c.LabelEN}
}

type contrastJSON struct {
	Lift      *float64 `json:"lift"`
	OddsRatio float64  `json:"odds_ratio"`
	CILow     float64  `json:"ci_low"`
	CIHigh    float64  `json:"ci_high"`
	PValue    float64  `json:"p_value"`
}

type codeFrequencyJSON struct {
	patternCodeJSON
	Cases     cellJSON            `json:"cases"`
	ByOutcome map[string]cellJSON `json:"by_outcome"`
	Helped    *cellJSON           `json:"helped,omitempty"`
	Hindered  *cellJSON           `json:"hindered,omitempty"`
	Contrast  *contrastJSON       `json:"contrast"`
}

type codeFrequenciesJSON struct {
	patternHeadJSON
	Cases     cellJSON            `json:"cases"`
	ByOutcome map[string]cellJSON `json:"by_outcome"`
	Codes     []codeFrequencyJSON `json:"codes"`
}

func byOutcomeBody(cells []review.OutcomeCell) map[string]cellJSON {
	out := map[string]cellJSON{}
	for _, c := range cells {
		out[c.Outcome] = cellBody(c.Cell)
	}
	return out
}

func codeFrequenciesBody(r *review.CodeFrequencies) codeFrequenciesJSON {
	out := codeFrequenciesJSON{patternHeadJSON: patternHead(r.Networks, r.K), Cases: cellBody(r.Cases),
		ByOutcome: byOutcomeBody(r.ByOutcome), Codes: []codeFrequencyJSON{}}
	for _, c := range r.Codes {
		row := codeFrequencyJSON{patternCodeJSON: patternCodeBody(c.PatternCode), Cases: cellBody(c.Cases), ByOutcome: byOutcomeBody(c.ByOutcome)}
		if c.HasEffect {
			h, d := cellBody(c.Helped), cellBody(c.Hindered)
			row.Helped, row.Hindered = &h, &d
		}
		if x := c.Contrast; x != nil {
			row.Contrast = &contrastJSON{Lift: x.Lift, OddsRatio: x.OddsRatio, CILow: x.Low, CIHigh: x.High, PValue: x.P}
		}
		out.Codes = append(out.Codes, row)
	}
	return out
}

type codeCountJSON struct {
	patternCodeJSON
	Cases cellJSON `json:"cases"`
}

type codePairJSON struct {
	A       string   `json:"a"`
	B       string   `json:"b"`
	Cases   cellJSON `json:"cases"`
	Jaccard *float64 `json:"jaccard"`
}

type cooccurrenceJSON struct {
	patternHeadJSON
	Cases cellJSON        `json:"cases"`
	Codes []codeCountJSON `json:"codes"`
	Pairs []codePairJSON  `json:"pairs"`
}

func cooccurrenceBody(r *review.Cooccurrence) cooccurrenceJSON {
	out := cooccurrenceJSON{patternHeadJSON: patternHead(r.Networks, r.K), Cases: cellBody(r.Cases),
		Codes: []codeCountJSON{}, Pairs: []codePairJSON{}}
	for _, c := range r.Codes {
		out.Codes = append(out.Codes, codeCountJSON{patternCodeBody(c.PatternCode), cellBody(c.Cases)})
	}
	for _, p := range r.Pairs {
		out.Pairs = append(out.Pairs, codePairJSON{A: r.Codes[p.A].Key, B: r.Codes[p.B].Key, Cases: cellBody(p.Cases), Jaccard: p.Jaccard})
	}
	return out
}

type attrValueJSON struct {
	Value   string `json:"value"`
	LabelNL string `json:"label_nl"`
	LabelEN string `json:"label_en"`
}

type crosstabTotalsJSON struct {
	Total cellJSON   `json:"total"`
	Cells []cellJSON `json:"cells"`
}

type crosstabRowJSON struct {
	patternCodeJSON
	crosstabTotalsJSON
}

type crosstabJSON struct {
	patternHeadJSON
	By     string             `json:"by"`
	Values []attrValueJSON    `json:"values"`
	Cases  crosstabTotalsJSON `json:"cases"`
	Rows   []crosstabRowJSON  `json:"rows"`
}

func crosstabTotals(r review.CrosstabRow) crosstabTotalsJSON {
	out := crosstabTotalsJSON{Total: cellBody(r.Total), Cells: []cellJSON{}}
	for _, c := range r.Cells {
		out.Cells = append(out.Cells, cellBody(c))
	}
	return out
}

func crosstabBody(r *review.Crosstab) crosstabJSON {
	out := crosstabJSON{patternHeadJSON: patternHead(r.Networks, r.K), By: r.Attribute, Values: []attrValueJSON{},
		Cases: crosstabTotals(r.Cases), Rows: []crosstabRowJSON{}}
	for _, v := range r.Values {
		out.Values = append(out.Values, attrValueJSON{v.Value, v.LabelNL, v.LabelEN})
	}
	for _, row := range r.Rows {
		out.Rows = append(out.Rows, crosstabRowJSON{patternCodeBody(*row.Code), crosstabTotals(row)})
	}
	return out
}
