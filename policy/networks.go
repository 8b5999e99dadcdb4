package policy

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// Network is a learning network (leernetwerk): the unit of access.
type Network struct {
	ID          string    `gorm:"column:id;primaryKey"`
	WorkplaceID string    `gorm:"column:workplace_id"`
	Name        string    `gorm:"column:name"`
	Description string    `gorm:"column:description"`
	CreatedAt   time.Time `gorm:"column:created_at"`
	UpdatedAt   time.Time `gorm:"column:updated_at"`
	Version     int       `gorm:"column:version"`
}

// TableName names the table.
func (Network) TableName() string { return "networks" }

// NetworkInput creates or edits a network; nil fields stay as they are on
// edit, and the name is required on create.
type NetworkInput struct {
	Name        *string
	Description *string
	Version     int
}

func (in *NetworkInput) validate(create bool) error {
	var v leerlus.Validation
	leerlus.CheckText(&v, "name", in.Name, create, 1, 160)
	leerlus.CheckText(&v, "description", in.Description, false, 0, 2000)
	if !create {
		leerlus.CheckVersion(&v, in.Version)
	}
	return v.Err()
}

// CreateNetwork adds a learning network to a workplace.
func (s *Service) CreateNetwork(ctx context.Context, actor Actor, workplaceID string, in NetworkInput) (*Network, error) {
	if err := in.validate(true); err != nil {
		return nil, err
	}
	now := s.clock()
	n := &Network{ID: leerlus.NewID(), WorkplaceID: workplaceID, Name: *in.Name, Description: leerlus.Deref(in.Description),
		CreatedAt: now, UpdatedAt: now, Version: 1}
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if _, err := leerlus.GetByID[Workplace](tx, workplaceID, "workplace"); err != nil {
			return err
		}
		if err := tx.Create(n).Error; err != nil {
			return leerlus.DuplicateOr(err, "network", "name")
		}
		return s.audit.Record(tx, actor, Event{Action: ActionNetworkCreated, ObjectType: "network", ObjectID: n.ID, NetworkID: n.ID})
	})
	return n, err
}

// UpdateNetwork edits a network, refusing a stale version.
func (s *Service) UpdateNetwork(ctx context.Context, actor Actor, id string, in NetworkInput) (*Network, error) {
	if err := in.validate(false); err != nil {
		return nil, err
	}
	var out *Network
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		cols := map[string]any{"updated_at": s.clock(), "version": gorm.Expr("version + 1")}
		leerlus.SetIf(cols, "name", in.Name)
		leerlus.SetIf(cols, "description", in.Description)
		if err := leerlus.UpdateVersioned(tx, &Network{}, id, in.Version, cols, "network", "name"); err != nil {
			return err
		}
		var err error
		if out, err = leerlus.GetByID[Network](tx, id, "network"); err != nil {
			return err
		}
		return s.audit.Record(tx, actor, Event{Action: ActionNetworkChanged, ObjectType: "network", ObjectID: id, NetworkID: id})
	})
	return out, err
}

// GetNetwork returns one network.
func (s *Service) GetNetwork(ctx context.Context, id string) (*Network, error) {
	return leerlus.GetByID[Network](s.db.WithContext(ctx), id, "network")
}

// ListNetworks pages through the networks of a workplace that viewer may
// see: every one for an administrator, otherwise only those where viewer
// holds a role. A network without a role answers 404 on its own route, so
// the list must not reveal it either.
func (s *Service) ListNetworks(ctx context.Context, viewer *Caller, workplaceID string, p leerlus.Page) ([]Network, string, error) {
	if _, err := s.GetWorkplace(ctx, workplaceID); err != nil {
		return nil, "", err
	}
	db := s.db.WithContext(ctx).Where("workplace_id = ?", workplaceID)
	if viewer == nil || !viewer.IsAdmin {
		personID := ""
		if viewer != nil {
			personID = viewer.PersonID
		}
		db = db.Where("id IN (SELECT network_id FROM memberships WHERE person_id = ?)", personID)
	}
	return leerlus.PageByID(db, p, func(n Network) string { return n.ID })
}
