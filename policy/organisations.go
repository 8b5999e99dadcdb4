package policy

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// Organisation is a partner organisation of a workplace. A retired
// organisation is no longer offered for new memberships but stays
// readable on the memberships that name it.
type Organisation struct {
	ID          string           `gorm:"column:id;primaryKey"`
	WorkplaceID string           `gorm:"column:workplace_id"`
	Name        string           `gorm:"column:name"`
	Kind        OrganisationKind `gorm:"column:kind"`
	CreatedAt   time.Time        `gorm:"column:created_at"`
	UpdatedAt   time.Time        `gorm:"column:updated_at"`
	RetiredAt   *time.Time       `gorm:"column:retired_at"`
	Version     int              `gorm:"column:version"`
}

// TableName names the table.
func (Organisation) TableName() string { return "organisations" }

// NewOrganisation is the input for adding a partner organisation.
type NewOrganisation struct {
	Name string
	Kind OrganisationKind
}

// CreateOrganisation adds a partner organisation to a workplace.
func (s *Service) CreateOrganisation(ctx context.Context, actor Actor, workplaceID string, in NewOrganisation) (*Organisation, error) {
	var v leerlus.Validation
	leerlus.CheckText(&v, "name", &in.Name, true, 1, 160)
	v.Check(in.Kind.Valid(), "kind", leerlus.FieldOneOf, leerlus.Params{"allowed": OrganisationKindNames()})
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock()
	o := &Organisation{ID: leerlus.NewID(), WorkplaceID: workplaceID, Name: in.Name, Kind: in.Kind, CreatedAt: now, UpdatedAt: now, Version: 1}
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if _, err := leerlus.GetByID[Workplace](tx, workplaceID, "workplace"); err != nil {
			return err
		}
		if err := tx.Create(o).Error; err != nil {
			return leerlus.DuplicateOr(err, "organisation", "name")
		}
		return s.audit.Record(tx, actor, Event{Action: ActionOrganisationCreated, ObjectType: "organisation", ObjectID: o.ID})
	})
	return o, err
}

// OrganisationChange edits an organisation; nil fields stay as they are.
// Retired true retires it, false brings it back.
type OrganisationChange struct {
	Name    *string
	Kind    *OrganisationKind
	Retired *bool
	Version int
}

// UpdateOrganisation renames, re-kinds, retires or restores an
// organisation, refusing a stale version.
func (s *Service) UpdateOrganisation(ctx context.Context, actor Actor, workplaceID, id string, ch OrganisationChange) (*Organisation, error) {
	var v leerlus.Validation
	leerlus.CheckText(&v, "name", ch.Name, false, 1, 160)
	v.Check(ch.Kind == nil || ch.Kind.Valid(), "kind", leerlus.FieldOneOf, leerlus.Params{"allowed": OrganisationKindNames()})
	leerlus.CheckVersion(&v, ch.Version)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out *Organisation
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		current, err := s.organisationIn(tx, workplaceID, id)
		if err != nil {
			return err
		}
		now := s.clock()
		cols := leerlus.VersionBump(now)
		leerlus.SetIf(cols, "name", ch.Name)
		leerlus.SetIf(cols, "kind", ch.Kind)
		action := ActionOrganisationChanged
		if ch.Retired != nil && *ch.Retired != (current.RetiredAt != nil) {
			if *ch.Retired {
				cols["retired_at"], action = now, ActionOrganisationRetired
			} else {
				cols["retired_at"] = nil
			}
		}
		if err := leerlus.UpdateVersioned(tx, &Organisation{}, id, ch.Version, cols, "organisation", "name"); err != nil {
			return err
		}
		if out, err = s.organisationIn(tx, workplaceID, id); err != nil {
			return err
		}
		return s.audit.Record(tx, actor, Event{Action: action, ObjectType: "organisation", ObjectID: id})
	})
	return out, err
}

// organisationIn loads an organisation of a workplace; one of another
// workplace is not found.
func (s *Service) organisationIn(tx *gorm.DB, workplaceID, id string) (*Organisation, error) {
	o, err := leerlus.GetByID[Organisation](tx, id, "organisation")
	if err != nil {
		return nil, err
	}
	if o.WorkplaceID != workplaceID {
		return nil, leerlus.NotFound("organisation")
	}
	return o, nil
}

// ListOrganisations pages through a workplace's partner organisations,
// retired ones included (they are marked).
func (s *Service) ListOrganisations(ctx context.Context, workplaceID string, p leerlus.Page) ([]Organisation, string, error) {
	if _, err := s.GetWorkplace(ctx, workplaceID); err != nil {
		return nil, "", err
	}
	db := s.db.WithContext(ctx).Where("workplace_id = ?", workplaceID)
	return leerlus.PageByID(db, p, func(o Organisation) string { return o.ID })
}
