package api_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"leerlus/dbtest"
)

// The identifying text sent into every free-text field: a name and a BSN
// that must never reach the database.
const (
	identifyingName = "Jolanda Hoogvliet-Brakman"
	identifyingBSN  = "223456784"
	identifyingText = "De moeder, " + identifyingName + ", gaf haar BSN " + identifyingBSN + " door."
)

// textKinds are the values of x-text: what an unconstrained string in a
// request body holds.
var textKinds = map[string]bool{"free": true, "code": true, "account": true, "organisation": true, "secret": true, "reference": true, "transient": true}

// freeTextFields lists, as JSON pointers with index 0 for list items, the
// fields of a request schema marked x-text: free, and reports every
// unconstrained string that does not say what it holds.
func freeTextFields(t *testing.T, op string, s *openapi3.Schema, at string, out *[]string) {
	switch {
	case s.Type.Is("object"):
		for name, p := range s.Properties {
			freeTextFields(t, op, p.Value, at+"/"+name, out)
		}
	case s.Type.Is("array"):
		freeTextFields(t, op, s.Items.Value, at+"/0", out)
	case s.Type.Is("string") && len(s.Enum) == 0 && s.Format == "" && s.Pattern == "":
		kind, _ := s.Extensions["x-text"].(string)
		if !textKinds[kind] {
			t.Errorf("%s: the string at %s does not say what it holds (x-text)", op, at)
		}
		if kind == "free" {
			*out = append(*out, at)
		}
	}
}

// setPointer puts v at a JSON pointer in body, making the objects and
// one-element lists on the way.
func setPointer(body map[string]any, pointer string, v any) {
	parts := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	var cur any = body
	for i, p := range parts {
		last := i == len(parts)-1
		next := func() any {
			if _, err := strconv.Atoi(parts[min(i+1, len(parts)-1)]); err == nil && !last {
				return []any{map[string]any{}}
			}
			return map[string]any{}
		}
		switch c := cur.(type) {
		case map[string]any:
			if last {
				c[p] = v
				return
			}
			if _, ok := c[p]; !ok {
				c[p] = next()
			}
			cur = c[p]
		case []any:
			n, _ := strconv.Atoi(p)
			if last {
				c[n] = v
				return
			}
			cur = c[n]
		}
	}
}

// TestIdentifyingTextIsNeverStored sends, for every free-text field of
// every write route in the OpenAPI document, a text with a name and a
// BSN, expects 422 naming that field, and then searches the whole database
// (on SQLite also the file and its WAL) for the name and the number.
func TestIdentifyingTextIsNeverStored(t *testing.T) {
	c, err := loadContract()
	if err != nil {
		t.Fatal(err)
	}
	address := dbtest.Address(t)
	e := newEnvOn(t, dbtest.OpenAddress(t, address), true)
	routes := map[string]matrixRoute{}
	for _, r := range matrix() {
		routes[r.method+" "+openAPIPath(r.path)] = r
	}
	var keys []string
	for path, item := range c.doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.RequestBody != nil {
				keys = append(keys, method+" "+path)
			}
		}
	}
	sort.Strings(keys)
	tested := 0
	for _, key := range keys {
		method, path, _ := strings.Cut(key, " ")
		op := c.doc.Paths.Find(path).GetOperation(method)
		var fields []string
		freeTextFields(t, key, op.RequestBody.Value.Content.Get("application/json").Schema.Value, "", &fields)
		for _, field := range fields {
			r, ok := routes[key]
			if !ok {
				t.Errorf("%s has free text but no entry in the access matrix", key)
				continue
			}
			t.Run(key+" "+field, func(t *testing.T) {
				e.t = t
				req := r.build(e, e.writerFor(r), e.own.ID)
				body, _ := req.body.(map[string]any)
				if body == nil {
					body = map[string]any{}
				}
				setPointer(body, field, identifyingText)
				req.body = body
				res := e.do(req)
				if res.status != 422 {
					t.Fatalf("status %d, want 422; body %s", res.status, res.body)
				}
				p := res.problem(t)
				types := map[string]bool{}
				for _, f := range p.Findings {
					if f.Field == field && f.Direct {
						types[f.Type] = true
					}
				}
				if !types["person"] || !types["bsn"] {
					t.Errorf("findings %+v lack a person and a BSN at %s", p.Findings, field)
				}
				if bytes.Contains(res.body, []byte(identifyingName)) || bytes.Contains(res.body, []byte(identifyingBSN)) {
					t.Errorf("the answer repeats the identifiers: %s", res.body)
				}
			})
			tested++
		}
	}
	if tested < 8 {
		t.Fatalf("only %d free-text fields tested; the document marks too few", tested)
	}
	e.t = t
	for _, needle := range []string{identifyingName, "Hoogvliet", identifyingBSN} {
		for _, hit := range e.searchTextColumns(needle) {
			t.Errorf("%q is stored in %s", needle, hit)
		}
	}
	if !dbtest.Postgres() {
		for _, file := range []string{address, address + "-wal"} {
			b, err := os.ReadFile(file)
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			for _, needle := range []string{"Hoogvliet", identifyingBSN} {
				if bytes.Contains(b, []byte(needle)) {
					t.Errorf("%s holds %q", file, needle)
				}
			}
		}
	}
}

// searchTextColumns looks for needle in every text column of every table.
func (e *env) searchTextColumns(needle string) []string {
	e.t.Helper()
	ctx := context.Background()
	db := e.db.SQL()
	var tables []string
	query := "SELECT name FROM sqlite_master WHERE type = 'table'"
	if dbtest.Postgres() {
		query = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
	}
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		e.t.Fatal(err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			e.t.Fatal(err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	var hits []string
	for _, table := range tables {
		cols, err := db.QueryContext(ctx, "SELECT * FROM "+table+" LIMIT 0")
		if err != nil {
			e.t.Fatal(err)
		}
		names, _ := cols.Columns()
		cols.Close()
		for _, col := range names {
			var n int
			q := fmt.Sprintf("SELECT COUNT(*) FROM %s WHERE CAST(%s AS TEXT) LIKE '%%' || $1 || '%%'", table, col)
			if err := db.QueryRowContext(ctx, q, needle).Scan(&n); err != nil {
				e.t.Fatalf("%s: %v", q, err)
			}
			if n > 0 {
				hits = append(hits, table+"."+col)
			}
		}
	}
	return hits
}
