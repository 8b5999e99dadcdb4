package leerlus_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/dbtest"
)

// workplaceRow is just enough of a versioned table to exercise the shared
// persistence helpers on a real database.
type workplaceRow struct {
	ID          string `gorm:"column:id;primaryKey"`
	Name        string `gorm:"column:name"`
	Region      string `gorm:"column:region"`
	Description string `gorm:"column:description"`
	CreatedAt   string `gorm:"column:created_at"`
	UpdatedAt   string `gorm:"column:updated_at"`
	Version     int    `gorm:"column:version"`
}

func (workplaceRow) TableName() string { return "workplaces" }

func TestVersionedUpdatesAndPaging(t *testing.T) {
	ctx := context.Background()
	db := dbtest.Open(t)
	now := leerlus.Clock(nil).Now()
	var ids []string
	for _, name := range []string{"Een", "Twee", "Drie"} {
		id := leerlus.NewID()
		ids = append(ids, id)
		err := db.Gorm.Exec("INSERT INTO workplaces (id, name, region, description, created_at, updated_at, version) VALUES (?, ?, 'R', '', ?, ?, 1)",
			id, name, now, now).Error
		if err != nil {
			t.Fatal(err)
		}
	}
	update := func(id string, version int, name string) error {
		return db.InTx(ctx, func(tx *gorm.DB) error {
			cols := leerlus.VersionBump(now)
			cols["name"] = name
			return leerlus.UpdateVersioned(tx, &workplaceRow{}, id, version, cols, "workplace", "name")
		})
	}
	for _, tc := range []struct {
		name    string
		id      string
		version int
		value   string
		code    leerlus.Code
	}{
		{"current version", ids[0], 1, "Eén", ""},
		{"stale version", ids[0], 1, "Een weer", leerlus.CodeConflict},
		{"duplicate name", ids[0], 2, "Twee", leerlus.CodeConflict},
		{"unknown id", leerlus.NewID(), 1, "X", leerlus.CodeNotFound},
		{"malformed id", "x", 1, "X", leerlus.CodeNotFound},
	} {
		err := update(tc.id, tc.version, tc.value)
		if (tc.code == "" && err != nil) || (tc.code != "" && !leerlus.IsCode(err, tc.code)) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.code)
		}
	}
	got, err := leerlus.GetByID[workplaceRow](db.WithContext(ctx), ids[0], "workplace")
	if err != nil || got.Name != "Eén" || got.Version != 2 {
		t.Fatalf("after updates: %+v %v", got, err)
	}

	var seen []string
	page := leerlus.Page{Limit: 2}
	for {
		rows, next, err := leerlus.PageByID(db.WithContext(ctx).Model(&workplaceRow{}), page, func(w workplaceRow) string { return w.ID })
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			seen = append(seen, r.ID)
		}
		if next == "" {
			break
		}
		page.After = next
	}
	if len(seen) != 3 || seen[0] != ids[0] || seen[2] != ids[2] {
		t.Errorf("paged %v, want %v in order", seen, ids)
	}
}
