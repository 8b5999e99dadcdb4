package leerlus

import (
	"database/sql"
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
	return InsertRowsOnConflict(tx, table, columns, "", n, row)
}

// InsertRowsOnConflict is InsertRows with a conflict clause after the
// values of each statement ("ON CONFLICT (…) DO NOTHING"): a constant of
// the caller, the same on both engines.
//
// The statement of a full batch is prepared once and run for every full
// batch: SQLite parses a statement of 8,000 placeholders anew on every
// Exec, which was a tenth of writing a full regrouping's memberships.
// Statements go to the transaction's connection directly, with the
// engine's placeholders, and errors are translated as GORM's are.
func InsertRowsOnConflict(tx *gorm.DB, table string, columns []string, onConflict string, n int, row func(i int, args []any) []any) error {
	perStmt := max(1, insertParamsMax/len(columns))
	ctx, conn := tx.Statement.Context, tx.Statement.ConnPool
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	for start := 0; start < n; start += perStmt {
		rows := min(perStmt, n-start)
		args := make([]any, 0, rows*len(columns))
		for i := range rows {
			args = row(start+i, args)
		}
		var err error
		switch {
		case rows < perStmt || n < 2*perStmt:
			_, err = conn.ExecContext(ctx, insertSQL(Dialect(tx.Dialector.Name()), table, columns, onConflict, rows), args...)
		case full == nil:
			if full, err = conn.PrepareContext(ctx, insertSQL(Dialect(tx.Dialector.Name()), table, columns, onConflict, rows)); err != nil {
				return translate(tx, err)
			}
			fallthrough
		default:
			_, err = full.ExecContext(ctx, args...)
		}
		if err != nil {
			return translate(tx, err)
		}
	}
	return nil
}

// insertSQL is a multi-row insert of rows rows, with the placeholders of
// the dialect.
func insertSQL(dialect Dialect, table string, columns []string, onConflict string, rows int) string {
	tuple := "(" + strings.Repeat("?,", len(columns)-1) + "?)"
	var b strings.Builder
	b.Grow(len(table) + len(onConflict) + 40 + rows*(len(tuple)+1))
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES ")
	for i := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(tuple)
	}
	if onConflict != "" {
		b.WriteString(" " + onConflict)
	}
	return rebind(dialect, b.String())
}

// translate maps a driver's error as GORM's TranslateError does, so that
// callers see gorm.ErrDuplicatedKey and the like from both paths.
func translate(tx *gorm.DB, err error) error {
	if t, ok := tx.Dialector.(gorm.ErrorTranslator); ok {
		return t.Translate(err)
	}
	return err
}
