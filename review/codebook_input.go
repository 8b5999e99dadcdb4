package review

import (
	"fmt"
	"strings"

	"leerlus"
	"leerlus/cases"
)

// Limits of a codebook's texts, in characters. Labels fit a picker line;
// a description says what a code covers and what not in two or three
// sentences; examples are single statements as members write them.
const (
	LabelMax       = 80
	DescriptionMax = 600
	ExampleMax     = 200
	ExamplesMax    = 4
)

// Wording is the texts of a theme or code. In an input a nil field stays
// as it is; in a change's history it holds only what changed.
type Wording struct {
	LabelNL       *string
	LabelEN       *string
	DescriptionNL *string
	DescriptionEN *string
	Examples      *[]string // codes only
}

// ThemeInput is a new theme, or the changes of one: nil fields stay as
// they are. Position (1 is first) places it among the network's themes;
// left out, a new theme goes last.
type ThemeInput struct {
	Wording
	Position *int
	cases.Decisions
	Version int // the version a change is based on
}

// CodeInput is a new code, or the changes of one. ThemeID and Position
// move a code (left out, a new code goes last in its theme); Retired
// retires or restores it.
type CodeInput struct {
	Wording
	ThemeID  *string
	Position *int
	Retired  *bool
	cases.Decisions
	Version int
}

// check trims and validates the texts. New themes and codes need both
// labels.
func (w *Wording) check(v *leerlus.Validation, creating bool) {
	leerlus.CheckText(v, "label_nl", w.LabelNL, creating, 1, LabelMax)
	leerlus.CheckText(v, "label_en", w.LabelEN, creating, 1, LabelMax)
	leerlus.CheckText(v, "description_nl", w.DescriptionNL, false, 0, DescriptionMax)
	leerlus.CheckText(v, "description_en", w.DescriptionEN, false, 0, DescriptionMax)
	if w.Examples == nil {
		return
	}
	if len(*w.Examples) > ExamplesMax {
		v.Add("examples", leerlus.FieldTooMany, leerlus.Params{"max": ExamplesMax})
		return
	}
	seen := map[string]bool{}
	for i := range *w.Examples {
		e := &(*w.Examples)[i]
		field := fmt.Sprintf("/examples/%d", i)
		leerlus.CheckText(v, field, e, true, 1, ExampleMax)
		if k := fold(*e); *e != "" && seen[k] {
			v.Add(field, leerlus.FieldDuplicate, nil)
		} else {
			seen[k] = true
		}
	}
}

func (in *ThemeInput) check(v *leerlus.Validation, creating bool) {
	in.Wording.check(v, creating)
	v.Check(in.Examples == nil, "examples", leerlus.FieldNotAllowed, leerlus.Params{"reason": "theme"})
	checkPosition(v, in.Position)
	checkVersion(v, creating, in.Version)
}

func (in *CodeInput) check(v *leerlus.Validation, creating bool) {
	in.Wording.check(v, creating)
	if in.ThemeID != nil {
		v.Check(leerlus.ValidID(*in.ThemeID), "theme_id", leerlus.FieldFormat, leerlus.Params{"format": "id"})
	} else if creating {
		v.Add("theme_id", leerlus.FieldRequired, nil)
	}
	checkPosition(v, in.Position)
	v.Check(!creating || in.Retired == nil, "retired", leerlus.FieldNotAllowed, leerlus.Params{"reason": "new_code"})
	checkVersion(v, creating, in.Version)
}

func checkPosition(v *leerlus.Validation, p *int) {
	v.Check(p == nil || *p >= 1, "position", leerlus.FieldOutOfRange, leerlus.Params{"min": 1, "max": maxPosition})
}

// maxPosition bounds positions before the real count is known.
const maxPosition = 10000

func checkVersion(v *leerlus.Validation, creating bool, version int) {
	if creating {
		v.Check(version == 0, "version", leerlus.FieldNotAllowed, leerlus.Params{"reason": "new_object"})
		return
	}
	leerlus.CheckVersion(v, version)
}

// texts lists the given texts for the anonymiser, each with its pointer
// in the request body, so findings name the field.
func (w *Wording) texts() []cases.Text {
	var out []cases.Text
	add := func(pointer string, s *string) {
		if s != nil && *s != "" {
			out = append(out, cases.Text{Pointer: pointer, Field: pointer, Value: *s})
		}
	}
	add("/label_nl", w.LabelNL)
	add("/label_en", w.LabelEN)
	add("/description_nl", w.DescriptionNL)
	add("/description_en", w.DescriptionEN)
	if w.Examples != nil {
		for i := range *w.Examples {
			add(fmt.Sprintf("/examples/%d", i), &(*w.Examples)[i])
		}
	}
	return out
}

// screen refuses texts that identify someone: a codebook is read by the
// whole network and copied into research exports, so it holds no names
// even though it belongs to no case. The decisions are not kept.
func (s *Service) screen(w *Wording, d cases.Decisions) error {
	texts := w.texts()
	if len(texts) == 0 {
		return nil
	}
	return s.cases.ScreenFree(texts, d)
}

// fold is how labels compare for duplicates: case and surrounding space
// do not make two labels different.
func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
