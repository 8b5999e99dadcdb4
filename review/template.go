package review

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"gorm.io/gorm"

	"leerlus"
	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review/defaults"
)

// Template is one immutable version of a network's reflection form. The
// network's current template is its highest version; a reflection keeps
// the version it was written with.
type Template struct {
	ID        string
	NetworkID string
	Version   int
	Current   bool
	CreatedAt time.Time
	// Author is who saved the version, for the network's facilitators
	// only; nil for everyone else and for the version copied from the
	// default.
	Author     *cases.Author
	Definition defaults.Template
}

// TemplateSummary is a version in the list of a network's versions.
type TemplateSummary struct {
	ID        string
	Version   int
	Current   bool
	CreatedAt time.Time
	Author    *cases.Author // as on Template
}

// CurrentTemplate returns the network's current form template, copying
// the default into the network first if it has none yet.
func (s *Service) CurrentTemplate(ctx context.Context, acc leerlus.Access) (*Template, error) {
	row, err := s.currentTemplateRow(ctx, acc.NetworkID)
	if err != nil {
		return nil, err
	}
	return s.templateOf(ctx, acc, row, row.Version)
}

// TemplateVersion returns one version of the network's form template.
func (s *Service) TemplateVersion(ctx context.Context, acc leerlus.Access, version int) (*Template, error) {
	current, err := s.currentTemplateRow(ctx, acc.NetworkID)
	if err != nil {
		return nil, err
	}
	if version < 1 || version > current.Version {
		return nil, leerlus.NotFound("template version")
	}
	row := current
	if version != current.Version {
		row = &TemplateVersion{}
		err := s.db.WithContext(ctx).Where("network_id = ? AND version = ?", acc.NetworkID, version).Take(row).Error
		if leerlus.IsNotFound(err) {
			return nil, leerlus.NotFound("template version")
		}
		if err != nil {
			return nil, err
		}
	}
	return s.templateOf(ctx, acc, row, current.Version)
}

// TemplateVersions lists the network's template versions, newest first.
// The cursor is the version number the page ends at.
func (s *Service) TemplateVersions(ctx context.Context, acc leerlus.Access, p leerlus.Page) ([]TemplateSummary, string, error) {
	current, err := s.currentTemplateRow(ctx, acc.NetworkID)
	if err != nil {
		return nil, "", err
	}
	q := s.db.WithContext(ctx).Model(&TemplateVersion{}).Select("id, version, created_by, created_at").
		Where("network_id = ?", acc.NetworkID)
	if p.After != "" {
		after, err := strconv.Atoi(p.After)
		if err != nil || after < 1 {
			return nil, "", leerlus.Invalid("cursor", leerlus.FieldFormat, leerlus.Params{"format": "cursor"})
		}
		q = q.Where("version < ?", after)
	}
	var rows []TemplateVersion
	if err := q.Order("version DESC").Limit(p.Limit + 1).Find(&rows).Error; err != nil {
		return nil, "", err
	}
	next := ""
	if len(rows) > p.Limit {
		rows = rows[:p.Limit]
		next = strconv.Itoa(rows[len(rows)-1].Version)
	}
	authors, err := s.templateAuthors(ctx, acc, rows)
	if err != nil {
		return nil, "", err
	}
	out := make([]TemplateSummary, len(rows))
	for i, r := range rows {
		out[i] = TemplateSummary{ID: r.ID, Version: r.Version, Current: r.Version == current.Version, CreatedAt: r.CreatedAt,
			Author: authors[leerlus.Deref(r.CreatedBy)]}
	}
	return out, next, nil
}

// currentTemplateRow reads the network's highest template version. A
// network that has none yet gets the default copied in first (in a write
// transaction; later reads stay on the reader pool).
func (s *Service) currentTemplateRow(ctx context.Context, networkID string) (*TemplateVersion, error) {
	row, err := latestTemplate(s.db.WithContext(ctx), networkID)
	if !leerlus.IsNotFound(err) {
		return row, err
	}
	err = s.db.InTx(ctx, func(tx *gorm.DB) error {
		if err := s.ensureNetwork(tx, networkID); err != nil {
			return err
		}
		row, err = latestTemplate(tx, networkID)
		return err
	})
	return row, err
}

// latestTemplate reads the highest version of a network's template, or
// gorm's not-found error when it has none.
func latestTemplate(db *gorm.DB, networkID string) (*TemplateVersion, error) {
	var row TemplateVersion
	if err := db.Where("network_id = ?", networkID).Order("version DESC").Take(&row).Error; err != nil {
		return nil, err
	}
	return &row, nil
}

// templateOf turns a stored version into what its reader may see.
func (s *Service) templateOf(ctx context.Context, acc leerlus.Access, row *TemplateVersion, current int) (*Template, error) {
	def, err := parseDefinition(row)
	if err != nil {
		return nil, err
	}
	authors, err := s.templateAuthors(ctx, acc, []TemplateVersion{*row})
	if err != nil {
		return nil, err
	}
	return &Template{ID: row.ID, NetworkID: row.NetworkID, Version: row.Version, Current: row.Version == current,
		CreatedAt: row.CreatedAt, Author: authors[leerlus.Deref(row.CreatedBy)], Definition: def}, nil
}

// parseDefinition reads a stored definition. It is not strict: a version
// saved before a later, optional field existed must still render.
func parseDefinition(row *TemplateVersion) (defaults.Template, error) {
	var def defaults.Template
	if err := json.Unmarshal([]byte(row.Definition), &def); err != nil {
		return def, fmt.Errorf("template %s: %w", row.ID, err)
	}
	return def, nil
}

// templateAuthors names the people who saved the versions, by id, when
// the reader facilitates the network; for anyone else it is empty, so no
// response to a member, manager or researcher carries a person.
func (s *Service) templateAuthors(ctx context.Context, acc leerlus.Access, rows []TemplateVersion) (map[string]*cases.Author, error) {
	out := map[string]*cases.Author{}
	if acc.Role != string(policy.RoleFacilitator) {
		return out, nil
	}
	var ids []string
	for _, r := range rows {
		if r.CreatedBy != nil {
			ids = append(ids, *r.CreatedBy)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	var people []cases.Author
	if err := s.db.WithContext(ctx).Table("people").Select("id, name").Where("id IN ?", ids).Scan(&people).Error; err != nil {
		return nil, err
	}
	for i := range people {
		out[people[i].ID] = &people[i]
	}
	return out, nil
}
