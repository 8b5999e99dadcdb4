package review

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review/defaults"
)

// TemplateInput is a new version of a network's form template: the whole
// definition, the version it was based on, and the author's decisions on
// findings in its wording. Field errors and findings name places in it
// as JSON pointers under /definition (/definition/sections/0/nl), and so
// do decisions.
type TemplateInput struct {
	Definition defaults.Template
	BasedOn    int
	Decisions  cases.Decisions
}

// definitionPointer is where the definition sits in a TemplateInput.
const definitionPointer = "/definition"

// SaveTemplate stores a facilitator's new version of the network's form
// template, based on the current one. Every broken rule is reported at
// once (invalid, with pointers); wording that identifies someone refuses
// the save (identifying, with findings); a save based on an older version
// than the current one is a conflict. Nothing is stored in any of these
// cases. Earlier versions stay as they were: reflections render with the
// version they were written with.
func (s *Service) SaveTemplate(ctx context.Context, acc leerlus.Access, in TemplateInput) (*Template, error) {
	def, err := cloneTemplate(in.Definition) // tidied in place below
	if err != nil {
		return nil, err
	}
	var v leerlus.Validation
	v.Check(in.BasedOn >= 1, "based_on", leerlus.FieldRequired, nil)
	texts := tidy(&def)
	for _, f := range def.Problems(policy.PerspectiveNames()) {
		v.Add(definitionPointer+f.Field, f.Code, f.Params)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	// Template wording belongs to no case: it is screened with a
	// numbering of its own, and a finding nobody decided on refuses it.
	if err := s.cases.ScreenFree(texts, in.Decisions); err != nil {
		return nil, err
	}
	data, err := json.Marshal(def)
	if err != nil {
		return nil, err
	}
	row := &TemplateVersion{ID: leerlus.NewID(), NetworkID: acc.NetworkID, Definition: string(data),
		CreatedBy: leerlus.Optional(acc.PersonID())}
	err = s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := s.ensureNetwork(tx, acc.NetworkID); err != nil {
			return err
		}
		current, err := latestTemplate(tx, acc.NetworkID)
		if err != nil {
			return err
		}
		if in.BasedOn != current.Version {
			return staleTemplate()
		}
		row.Version, row.CreatedAt = current.Version+1, s.now.Now()
		// Two saves based on the same version race to the same number on
		// PostgreSQL; the unique key lets one win and the other is stale.
		if err := tx.Create(row).Error; err != nil {
			if leerlus.IsDuplicate(err) {
				return staleTemplate()
			}
			return err
		}
		return s.audit.Record(tx, acc.Actor, policy.Event{Action: policy.ActionTemplateCreated, ObjectType: "template",
			ObjectID: row.ID, NetworkID: acc.NetworkID, Detail: fmt.Sprintf("version %d, based on version %d", row.Version, in.BasedOn)})
	})
	if err != nil {
		return nil, err
	}
	return s.templateOf(ctx, acc, row, row.Version)
}

// staleTemplate answers a save based on a version that is no longer the
// current one: someone else saved in the meantime.
func staleTemplate() error {
	return leerlus.FieldFailure(leerlus.CodeConflict, "Someone else saved a new version of the form in the meantime. Reload and try again.",
		"based_on", leerlus.FieldStaleVersion, nil)
}

// tidy trims every wording of def in place (a label of spaces is empty)
// and returns the texts to screen, named by their pointers in the input.
func tidy(def *defaults.Template) []cases.Text {
	refs := def.Texts()
	out := make([]cases.Text, 0, len(refs))
	for _, r := range refs {
		*r.Value = strings.TrimSpace(*r.Value)
		p := definitionPointer + r.Pointer
		out = append(out, cases.Text{Pointer: p, Field: p, Value: *r.Value})
	}
	return out
}

// cloneTemplate copies a definition deeply, so that tidying it leaves the
// caller's slices as they were.
func cloneTemplate(t defaults.Template) (defaults.Template, error) {
	var out defaults.Template
	b, err := json.Marshal(t)
	if err == nil {
		err = json.Unmarshal(b, &out)
	}
	return out, err
}
