package api

import (
	"strconv"

	"leerlus"
	"leerlus/review"
)

type searchResultJSON struct {
	Items []searchHitJSON `json:"items"`
	Total int             `json:"total"`
	// TotalCapped: more texts matched than the search reads; total is
	// then the most it reads (1,000), the newest of them.
	TotalCapped bool   `json:"total_capped"`
	NextCursor  string `json:"next_cursor,omitempty"`
}

// searchHitJSON is a found text's object, without any trace of its author.
type searchHitJSON struct {
	Kind        string              `json:"kind"`
	ID          string              `json:"id"`
	CaseID      string              `json:"case_id"`
	CaseTitle   string              `json:"case_title"`
	NetworkID   string              `json:"network_id"`
	NetworkName string              `json:"network_name"`
	Perspective string              `json:"perspective,omitempty"`
	Outcome     string              `json:"outcome"`
	AgeBand     string              `json:"age_band"`
	Start       *PeriodBody         `json:"start"`
	Score       float64             `json:"score"`
	Snippets    []searchSnippetJSON `json:"snippets"`
}

type searchSnippetJSON struct {
	Field      string     `json:"field"`
	Question   string     `json:"question,omitempty"`
	Position   int        `json:"position,omitempty"`
	Text       string     `json:"text"`
	Highlights []spanJSON `json:"highlights"`
}

// spanJSON is a highlight in UTF-16 code units, as JavaScript counts.
type spanJSON struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

func searchResultBody(r *review.SearchResult) searchResultJSON {
	out := searchResultJSON{Items: make([]searchHitJSON, len(r.Hits)), Total: r.Total, TotalCapped: r.Capped}
	if r.NextOffset > 0 {
		out.NextCursor = leerlus.Cursor(strconv.Itoa(r.NextOffset))
	}
	for i, h := range r.Hits {
		b := searchHitJSON{Kind: h.Kind, ID: h.ID, CaseID: h.CaseID, CaseTitle: h.CaseTitle, NetworkID: h.NetworkID,
			NetworkName: h.NetworkName, Perspective: h.Perspective, Outcome: h.Outcome, AgeBand: h.AgeBand, Start: periodBody(&h.Start), Score: h.Score,
			Snippets: make([]searchSnippetJSON, len(h.Snippets))}
		for j, sn := range h.Snippets {
			sb := searchSnippetJSON{Field: sn.Field, Question: sn.Question, Position: sn.Position, Text: sn.Text,
				Highlights: make([]spanJSON, len(sn.Highlights))}
			for k, hl := range sn.Highlights {
				sb.Highlights[k] = spanJSON{Start: hl.Start, End: hl.End}
			}
			b.Snippets[j] = sb
		}
		out.Items[i] = b
	}
	return out
}
