package review

import (
	"context"

	"leerlus/cases"
)

// ExportCase is a case as an export describes it: its coarse attributes
// and, for the project export, its published texts. Never its author.
type ExportCase struct {
	ID          string
	NetworkID   string
	NetworkName string
	Outcome     string
	AgeBand     string
	Household   string
	Duration    string
	Start       string // 2024-Q3
	End         string // "" while the trajectory runs
	Services    []string
	Phases      []string
	Title       string // project export only
	Summary     string // project export only
}

// exportPageSize is how many cases one page reads. A page's rows (about
// ten codings per case) are read into memory, the cursor closed, and then
// handed on: memory is bounded by the page, and a slow download never
// holds a database cursor open for longer than one page's writing. 1,000
// cases (some 10,000 rows, a few MB) rather than 250: each page's queries
// are planned anew, which on PostgreSQL cost about as much as running them
// (10 ms of 35 per page of 250 cases, 200 pages for 50,000 cases).
const exportPageSize = 1000

// casePage is one page of an export's cases, in one network and status:
// the cases with ids in (after, last], read by the index on
// (network_id, status, id) without sorting.
type casePage struct {
	cases []*ExportCase
	byID  map[string]*ExportCase
	// where and args select the page's cases again (alias k), for the
	// queries of what hangs on them.
	where string
	args  []any
}

// eachPage hands every page of the export's cases to fn, network by
// network, published cases before archived ones.
func (e *Export) eachPage(ctx context.Context, withText bool, fn func(p *casePage) error) error {
	cols := "k.id, k.outcome, k.age_band, k.household, k.duration, k.start_period, k.end_period, k.service_mask, k.phase_mask"
	if withText {
		cols += ", k.title, k.summary"
	}
	db := e.s.db.WithContext(ctx)
	for _, n := range e.networks {
		for _, status := range []cases.Status{cases.StatusPublished, cases.StatusArchived} {
			cond, args := e.filter.caseConditions(n.ID, status)
			after := ""
			for {
				q := "SELECT " + cols + " FROM cases k WHERE " + cond + " AND k.id > ? ORDER BY k.id LIMIT ?"
				rows, err := db.Raw(q, append(append([]any{}, args...), after, exportPageSize)...).Rows()
				if err != nil {
					return err
				}
				p := &casePage{byID: map[string]*ExportCase{}}
				for rows.Next() {
					c := &ExportCase{NetworkID: n.ID, NetworkName: n.Name}
					var start int
					var end *int
					var services, phases int
					dest := []any{&c.ID, &c.Outcome, &c.AgeBand, &c.Household, &c.Duration, &start, &end, &services, &phases}
					if withText {
						dest = append(dest, &c.Title, &c.Summary)
					}
					if err := rows.Scan(dest...); err != nil {
						rows.Close()
						return err
					}
					c.Start = cases.PeriodOfCode(start).String()
					if end != nil {
						c.End = cases.PeriodOfCode(*end).String()
					}
					c.Services, c.Phases = cases.Services.FromMask(services), cases.Phases.FromMask(phases)
					p.cases = append(p.cases, c)
					p.byID[c.ID] = c
				}
				rows.Close()
				if err := rows.Err(); err != nil {
					return err
				}
				if len(p.cases) == 0 {
					break
				}
				last := p.cases[len(p.cases)-1].ID
				p.where = cond + " AND k.id > ? AND k.id <= ?"
				p.args = append(append([]any{}, args...), after, last)
				if err := fn(p); err != nil {
					return err
				}
				if len(p.cases) < exportPageSize {
					break
				}
				after = last
			}
		}
	}
	return nil
}

// exportCode is a code as exports name it, with its theme.
type exportCode struct {
	ID, NetworkID, Key, LabelNL, LabelEN, DescriptionNL string
	ThemeKey, ThemeLabelNL, ThemeLabelEN                string
	ThemeDescriptionNL                                  string
	Codable                                             bool // not merged
}

// codes reads the codebooks of the export's networks, by code id, with
// their themes, in theme and code order.
func (e *Export) codes(ctx context.Context) ([]exportCode, map[string]*exportCode, error) {
	ids := make([]string, len(e.networks))
	for i, n := range e.networks {
		ids[i] = n.ID
	}
	var list []exportCode
	err := e.s.db.WithContext(ctx).Raw(`SELECT c.id, c.network_id, c.key, c.label_nl, c.label_en, c.description_nl,
			t.key AS theme_key, t.label_nl AS theme_label_nl, t.label_en AS theme_label_en, t.description_nl AS theme_description_nl,
			c.merged_into IS NULL AS codable
		FROM codebook_codes c JOIN codebook_themes t ON t.id = c.theme_id
		WHERE c.network_id IN ? ORDER BY t.position, t.id, c.position, c.id`, ids).Scan(&list).Error
	if err != nil {
		return nil, nil, err
	}
	byID := make(map[string]*exportCode, len(list))
	for i := range list {
		byID[list[i].ID] = &list[i]
	}
	return list, byID, nil
}
