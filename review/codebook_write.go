package review

import (
	"encoding/json"
	"slices"

	"gorm.io/gorm"

	"leerlus"
)

// startChange begins a change that may be the network's first use of its
// codebook: seeded, then locked.
func (s *Service) startChange(tx *gorm.DB, networkID string) error {
	if err := s.ensureNetwork(tx, networkID); err != nil {
		return err
	}
	return s.lockCodebook(tx, networkID)
}

// wordingDiff compares the given texts with the stored ones: the columns
// to write, and a history entry for the labels (renamed) and one for the
// descriptions and examples (described), each with only what changed.
func wordingDiff(themeID, codeID string, stored, in Wording) (map[string]any, []change, error) {
	cols := map[string]any{}
	var renamedBefore, renamedAfter, describedBefore, describedAfter Wording
	diff := func(column string, old, new *string, before, after **string) bool {
		if new == nil || *new == *old {
			return false
		}
		cols[column], *before, *after = *new, old, new
		return true
	}
	renamed := diff("label_nl", stored.LabelNL, in.LabelNL, &renamedBefore.LabelNL, &renamedAfter.LabelNL)
	renamed = diff("label_en", stored.LabelEN, in.LabelEN, &renamedBefore.LabelEN, &renamedAfter.LabelEN) || renamed
	described := diff("description_nl", stored.DescriptionNL, in.DescriptionNL, &describedBefore.DescriptionNL, &describedAfter.DescriptionNL)
	described = diff("description_en", stored.DescriptionEN, in.DescriptionEN, &describedBefore.DescriptionEN, &describedAfter.DescriptionEN) || described
	if in.Examples != nil && !slices.Equal(*in.Examples, *stored.Examples) {
		b, err := json.Marshal(*in.Examples)
		if err != nil {
			return nil, nil, err
		}
		cols["examples"] = string(b)
		describedBefore.Examples, describedAfter.Examples = stored.Examples, in.Examples
		described = true
	}
	var out []change
	if renamed {
		out = append(out, change{themeID: themeID, codeID: codeID, action: ChangeRenamed, detail: ChangeDetail{Before: &renamedBefore, After: &renamedAfter}})
	}
	if described {
		out = append(out, change{themeID: themeID, codeID: codeID, action: ChangeDescribed, detail: ChangeDetail{Before: &describedBefore, After: &describedAfter}})
	}
	return cols, out, nil
}

func withBump(cols map[string]any, now any) map[string]any {
	for k, v := range leerlus.VersionBump(now) {
		cols[k] = v
	}
	return cols
}

// labelled is the labels of a sibling.
type labelled struct{ nl, en string }

// labelsTaken refuses labels a sibling has already, in either language.
func labelsTaken(what string, siblings []labelled, nl, en string) error {
	var fields []leerlus.FieldError
	for _, s := range siblings {
		if fold(s.nl) == fold(nl) {
			fields = append(fields, leerlus.NewFieldError("label_nl", leerlus.FieldInUse, nil))
			break
		}
	}
	for _, s := range siblings {
		if fold(s.en) == fold(en) {
			fields = append(fields, leerlus.NewFieldError("label_en", leerlus.FieldInUse, nil))
			break
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return &leerlus.Error{Code: leerlus.CodeConflict, Message: "Another " + what + " here has this label already.", Fields: fields}
}

// pick is the new value when given, else the stored one.
func pick(in *string, stored string) string {
	if in != nil {
		return *in
	}
	return stored
}
