package policy

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"leerlus"
)

// Workplace is a regional knowledge workplace (kenniswerkplaats).
type Workplace struct {
	ID          string    `gorm:"column:id;primaryKey" json:"id"`
	Name        string    `gorm:"column:name" json:"name"`
	Region      string    `gorm:"column:region" json:"region"`
	Description string    `gorm:"column:description" json:"description"`
	CreatedAt   time.Time `gorm:"column:created_at" json:"created_at"`
	UpdatedAt   time.Time `gorm:"column:updated_at" json:"-"`
	Version     int       `gorm:"column:version" json:"version"`
}

// TableName names the table.
func (Workplace) TableName() string { return "workplaces" }

// WorkplaceInput creates or edits a workplace; nil fields stay as they are
// on edit and are required on create.
type WorkplaceInput struct {
	Name        *string
	Region      *string
	Description *string
	Version     int
}

// checkText trims a text field and checks its length in characters.
func checkText(v *leerlus.Validation, field string, s *string, required bool, min, max int) {
	if s == nil {
		v.Check(!required, field, "is required")
		return
	}
	*s = strings.TrimSpace(*s)
	n := utf8.RuneCountInString(*s)
	v.Check(n >= min && n <= max, field, lengthMessage(min, max))
}

func lengthMessage(min, max int) string {
	if min == 0 {
		return fmt.Sprintf("must be at most %d characters", max)
	}
	return fmt.Sprintf("must be %d to %d characters", min, max)
}

func (in *WorkplaceInput) validate(create bool) error {
	var v leerlus.Validation
	checkText(&v, "name", in.Name, create, 1, 120)
	checkText(&v, "region", in.Region, create, 1, 120)
	checkText(&v, "description", in.Description, false, 0, 2000)
	if !create {
		v.Check(in.Version >= 1, "version", "is required: the version you last saw")
	}
	return v.Err()
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// CreateWorkplace adds a workplace.
func (s *Service) CreateWorkplace(ctx context.Context, actor Actor, in WorkplaceInput) (*Workplace, error) {
	if err := in.validate(true); err != nil {
		return nil, err
	}
	now := s.clock()
	w := &Workplace{ID: newID(), Name: *in.Name, Region: *in.Region, Description: str(in.Description),
		CreatedAt: now, UpdatedAt: now, Version: 1}
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(w).Error; err != nil {
			return duplicateName(err, "workplace")
		}
		return s.record(tx, actor, Event{Action: "workplace.created", ObjectType: "workplace", ObjectID: w.ID})
	})
	return w, err
}

// duplicateName turns a unique violation on a name into a field error.
func duplicateName(err error, what string) error {
	if leerlus.IsDuplicate(err) {
		return &leerlus.Error{Code: leerlus.CodeConflict, Message: "Another " + what + " has this name already.",
			Fields: []leerlus.FieldError{{Field: "name", Message: "is in use already"}}}
	}
	return err
}

// UpdateWorkplace edits a workplace, refusing a stale version.
func (s *Service) UpdateWorkplace(ctx context.Context, actor Actor, id string, in WorkplaceInput) (*Workplace, error) {
	if err := in.validate(false); err != nil {
		return nil, err
	}
	var out *Workplace
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		cols := map[string]any{"updated_at": s.clock(), "version": gorm.Expr("version + 1")}
		setIf(cols, "name", in.Name)
		setIf(cols, "region", in.Region)
		setIf(cols, "description", in.Description)
		if err := updateVersioned(tx, &Workplace{}, id, in.Version, cols, "workplace"); err != nil {
			return err
		}
		var err error
		if out, err = getByID[Workplace](tx, id, "workplace"); err != nil {
			return err
		}
		return s.record(tx, actor, Event{Action: "workplace.changed", ObjectType: "workplace", ObjectID: id})
	})
	return out, err
}

func setIf(cols map[string]any, column string, v *string) {
	if v != nil {
		cols[column] = *v
	}
}

// getByID loads one row by id or answers not found.
func getByID[T any](tx *gorm.DB, id, what string) (*T, error) {
	var out T
	if !ValidID(id) {
		return nil, notFound(what)
	}
	if err := tx.Where("id = ?", id).Take(&out).Error; err != nil {
		if leerlus.IsNotFound(err) {
			return nil, notFound(what)
		}
		return nil, err
	}
	return &out, nil
}

// GetWorkplace returns one workplace.
func (s *Service) GetWorkplace(ctx context.Context, id string) (*Workplace, error) {
	return getByID[Workplace](s.db.WithContext(ctx), id, "workplace")
}

// ListWorkplaces pages through all workplaces.
func (s *Service) ListWorkplaces(ctx context.Context, p leerlus.Page) ([]Workplace, string, error) {
	return pageByID(s.db.WithContext(ctx).Model(&Workplace{}), p, func(w Workplace) string { return w.ID })
}

// Organisation is a partner organisation of a workplace.
type Organisation struct {
	ID          string           `gorm:"column:id;primaryKey" json:"id"`
	WorkplaceID string           `gorm:"column:workplace_id" json:"workplace_id"`
	Name        string           `gorm:"column:name" json:"name"`
	Kind        OrganisationKind `gorm:"column:kind" json:"kind"`
	CreatedAt   time.Time        `gorm:"column:created_at" json:"created_at"`
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
	checkText(&v, "name", &in.Name, true, 1, 160)
	v.Check(in.Kind.Valid(), "kind", "must be one of care_provider, municipality, school, university, other")
	if err := v.Err(); err != nil {
		return nil, err
	}
	o := &Organisation{ID: newID(), WorkplaceID: workplaceID, Name: in.Name, Kind: in.Kind, CreatedAt: s.clock()}
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if _, err := getByID[Workplace](tx, workplaceID, "workplace"); err != nil {
			return err
		}
		if err := tx.Create(o).Error; err != nil {
			return duplicateName(err, "organisation")
		}
		return s.record(tx, actor, Event{Action: "organisation.created", ObjectType: "organisation", ObjectID: o.ID})
	})
	return o, err
}

// ListOrganisations pages through a workplace's partner organisations.
func (s *Service) ListOrganisations(ctx context.Context, workplaceID string, p leerlus.Page) ([]Organisation, string, error) {
	if _, err := s.GetWorkplace(ctx, workplaceID); err != nil {
		return nil, "", err
	}
	db := s.db.WithContext(ctx).Where("workplace_id = ?", workplaceID)
	return pageByID(db, p, func(o Organisation) string { return o.ID })
}
