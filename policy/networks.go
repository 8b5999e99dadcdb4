package policy

import (
	"context"
	"time"

	"gorm.io/gorm"

	"leerlus"
)

// Network is a learning network (leernetwerk): the unit of access.
type Network struct {
	ID          string    `gorm:"column:id;primaryKey" json:"id"`
	WorkplaceID string    `gorm:"column:workplace_id" json:"workplace_id"`
	Name        string    `gorm:"column:name" json:"name"`
	Description string    `gorm:"column:description" json:"description"`
	CreatedAt   time.Time `gorm:"column:created_at" json:"created_at"`
	UpdatedAt   time.Time `gorm:"column:updated_at" json:"-"`
	Version     int       `gorm:"column:version" json:"version"`
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
	checkText(&v, "name", in.Name, create, 1, 160)
	checkText(&v, "description", in.Description, false, 0, 2000)
	if !create {
		v.Check(in.Version >= 1, "version", "is required: the version you last saw")
	}
	return v.Err()
}

// CreateNetwork adds a learning network to a workplace.
func (s *Service) CreateNetwork(ctx context.Context, actor Actor, workplaceID string, in NetworkInput) (*Network, error) {
	if err := in.validate(true); err != nil {
		return nil, err
	}
	now := s.clock()
	n := &Network{ID: newID(), WorkplaceID: workplaceID, Name: *in.Name, Description: str(in.Description),
		CreatedAt: now, UpdatedAt: now, Version: 1}
	err := s.db.InTx(ctx, func(tx *gorm.DB) error {
		if _, err := getByID[Workplace](tx, workplaceID, "workplace"); err != nil {
			return err
		}
		if err := tx.Create(n).Error; err != nil {
			return duplicateName(err, "network")
		}
		return s.record(tx, actor, Event{Action: "network.created", ObjectType: "network", ObjectID: n.ID, NetworkID: n.ID})
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
		setIf(cols, "name", in.Name)
		setIf(cols, "description", in.Description)
		if err := updateVersioned(tx, &Network{}, id, in.Version, cols, "network"); err != nil {
			return err
		}
		var err error
		if out, err = getByID[Network](tx, id, "network"); err != nil {
			return err
		}
		return s.record(tx, actor, Event{Action: "network.changed", ObjectType: "network", ObjectID: id, NetworkID: id})
	})
	return out, err
}

// GetNetwork returns one network.
func (s *Service) GetNetwork(ctx context.Context, id string) (*Network, error) {
	return getByID[Network](s.db.WithContext(ctx), id, "network")
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
	return pageByID(db, p, func(n Network) string { return n.ID })
}
