package leerlus

import (
	"strings"

	"gorm.io/gorm"
)

// insertParamsMax bounds the values bound in one insert: well below
// SQLite's limit (32,766) and PostgreSQL's (65,535), and large enough that
// a few statements write thousands of rows.
const insertParamsMax = 8000

// InsertRows writes n rows into table in multi-row inserts, asking row for
// the values of row i (in the order of columns, appended to args). GORM's
// CreateInBatches reflects over every field of every row; on the paths
// that write many rows at once (a full regrouping, the audit entries of a
// batch of reads) that reflection was most of the time. Only placeholders
// are written into the statement, never values.
func InsertRows(tx *gorm.DB, table string, columns []string, n int, row func(i int, args []any) []any) error {
	perStmt := max(1, insertParamsMax/len(columns))
	tuple := "(" + strings.Repeat("?,", len(columns)-1) + "?)"
	head := "INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES "
	for start := 0; start < n; start += perStmt {
		rows := min(perStmt, n-start)
		var b strings.Builder
		b.Grow(len(head) + rows*(len(tuple)+1))
		b.WriteString(head)
		args := make([]any, 0, rows*len(columns))
		for i := range rows {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(tuple)
			args = row(start+i, args)
		}
		if err := tx.Exec(b.String(), args...).Error; err != nil {
			return err
		}
	}
	return nil
}
