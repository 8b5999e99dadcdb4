package policy

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// Workplace is a regional knowledge workplace (kenniswerkplaats).
type Workplace struct {
	ID          string    `gorm:"column:id;primaryKey"`
	Name        string    `gorm:"column:name"`
	Region      string    `gorm:"column:region"`
	Description string    `gorm:"column:description"`
	CreatedAt   time.Time `gorm:"column:created_at"`
	UpdatedAt   time.Time `gorm:"column:updated_at"`
	Version     int       `gorm:"column:version"`
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

func (in *WorkplaceInput) validate(create bool) error {
	var v leerlus.Validation
	leerlus.CheckText(&v, "name", in.Name, create, 1, 120)
	leerlus.CheckText(&v, "region", in.Region, create, 1, 120)
	leerlus.CheckText(&v, "description", in.Description, false, 0, 2000)
	if !create {
		leerlus.CheckVersion(&v, in.Version)
	}
	return v.Err()
}

// CreateWorkplace adds a workplace.
func (s *Service) CreateWorkplace(ctx context.Context, actor Actor, in WorkplaceInput) (*Workplace, error) {
	if err := in.validate(true); err != nil {
		return nil, err
	}
	now := s.clock()
	w := &Workplace{ID: leerlus.NewID(), Name: *in.Name, Region: *in.Region, Description: leerlus.Deref(in.Description),
		CreatedAt: now, UpdatedAt: now, Version: 1}
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(w).Error; err != nil {
			return leerlus.DuplicateOr(err, "workplace", "name")
		}
		return s.audit.Record(tx, actor, Event{Action: ActionWorkplaceCreated, ObjectType: "workplace", ObjectID: w.ID})
	})
	return w, err
}

// UpdateWorkplace edits a workplace, refusing a stale version.
func (s *Service) UpdateWorkplace(ctx context.Context, actor Actor, id string, in WorkplaceInput) (*Workplace, error) {
	if err := in.validate(false); err != nil {
		return nil, err
	}
	var out *Workplace
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		cols := map[string]any{"updated_at": s.clock(), "version": gorm.Expr("version + 1")}
		leerlus.SetIf(cols, "name", in.Name)
		leerlus.SetIf(cols, "region", in.Region)
		leerlus.SetIf(cols, "description", in.Description)
		if err := leerlus.UpdateVersioned(tx, &Workplace{}, id, in.Version, cols, "workplace", "name"); err != nil {
			return err
		}
		var err error
		if out, err = leerlus.GetByID[Workplace](tx, id, "workplace"); err != nil {
			return err
		}
		return s.audit.Record(tx, actor, Event{Action: ActionWorkplaceChanged, ObjectType: "workplace", ObjectID: id})
	})
	return out, err
}

// GetWorkplace returns one workplace.
func (s *Service) GetWorkplace(ctx context.Context, id string) (*Workplace, error) {
	return leerlus.GetByID[Workplace](s.db.WithContext(ctx), id, "workplace")
}

// ListWorkplaces pages through all workplaces.
func (s *Service) ListWorkplaces(ctx context.Context, p leerlus.Page) ([]Workplace, string, error) {
	return leerlus.PageByID(s.db.WithContext(ctx).Model(&Workplace{}), p, func(w Workplace) string { return w.ID })
}
