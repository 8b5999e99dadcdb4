package review

// The stored form of a codebook change's detail (codebook_changes.detail):
// a stable JSON shape that later issues read too. The domain types carry
// no JSON names; these records do, and convert field for field.

type codebookChangeRecord struct {
	Key          string            `json:"key,omitempty"`
	Before       *wordingRecord    `json:"before,omitempty"`
	After        *wordingRecord    `json:"after,omitempty"`
	FromTheme    string            `json:"from_theme,omitempty"`
	ToTheme      string            `json:"to_theme,omitempty"`
	FromPosition int               `json:"from_position,omitempty"`
	ToPosition   int               `json:"to_position,omitempty"`
	Into         string            `json:"into,omitempty"`
	Counts       *countsRecord     `json:"counts,omitempty"`
	Collapsed    []collapsedRecord `json:"collapsed,omitempty"`
	Item         string            `json:"item,omitempty"`
	FromCode     string            `json:"from_code,omitempty"`
	ToCode       string            `json:"to_code,omitempty"`
	FromEffect   Effect            `json:"from_effect,omitempty"`
	ToEffect     Effect            `json:"to_effect,omitempty"`
}

type wordingRecord struct {
	LabelNL       *string   `json:"label_nl,omitempty"`
	LabelEN       *string   `json:"label_en,omitempty"`
	DescriptionNL *string   `json:"description_nl,omitempty"`
	DescriptionEN *string   `json:"description_en,omitempty"`
	Examples      *[]string `json:"examples,omitempty"`
}

type countsRecord struct {
	Codings          int `json:"codings"`
	Collapsed        int `json:"collapsed"`
	EffectConflicts  int `json:"effect_conflicts"`
	Items            int `json:"items"`
	Cases            int `json:"cases"`
	Lessons          int `json:"lessons"`
	LessonsCollapsed int `json:"lessons_collapsed"`
	Repointed        int `json:"repointed"`
}

type collapsedRecord struct {
	Item    string `json:"item"`
	Coding  string `json:"coding"`
	Effect  Effect `json:"effect"`
	Kept    Effect `json:"kept"`
	CodedBy string `json:"coded_by,omitempty"`
}

// recordOf is a change's detail in its stored form.
func recordOf(d ChangeDetail) codebookChangeRecord {
	r := codebookChangeRecord{Key: d.Key, FromTheme: d.FromTheme, ToTheme: d.ToTheme, FromPosition: d.FromPosition,
		ToPosition: d.ToPosition, Into: d.Into, Item: d.Item, FromCode: d.FromCode, ToCode: d.ToCode,
		FromEffect: d.FromEffect, ToEffect: d.ToEffect}
	if d.Before != nil {
		w := wordingRecord(*d.Before)
		r.Before = &w
	}
	if d.After != nil {
		w := wordingRecord(*d.After)
		r.After = &w
	}
	if d.Counts != nil {
		c := countsRecord(*d.Counts)
		r.Counts = &c
	}
	for _, c := range d.Collapsed {
		r.Collapsed = append(r.Collapsed, collapsedRecord(c))
	}
	return r
}

// detail is a stored change's detail as the domain speaks of it.
func (r codebookChangeRecord) detail() ChangeDetail {
	d := ChangeDetail{Key: r.Key, FromTheme: r.FromTheme, ToTheme: r.ToTheme, FromPosition: r.FromPosition,
		ToPosition: r.ToPosition, Into: r.Into, Item: r.Item, FromCode: r.FromCode, ToCode: r.ToCode,
		FromEffect: r.FromEffect, ToEffect: r.ToEffect}
	if r.Before != nil {
		w := Wording(*r.Before)
		d.Before = &w
	}
	if r.After != nil {
		w := Wording(*r.After)
		d.After = &w
	}
	if r.Counts != nil {
		c := MergeCounts(*r.Counts)
		d.Counts = &c
	}
	for _, c := range r.Collapsed {
		d.Collapsed = append(d.Collapsed, CollapsedCoding(c))
	}
	return d
}
