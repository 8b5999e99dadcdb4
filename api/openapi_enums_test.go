package api_test

import (
	"slices"
	"sort"
	"testing"

	"leerlus"
	"leerlus/policy"
	"leerlus/review/defaults"
)

// TestOpenAPIEnumsMatchCode keeps the lists that the web app labels (field
// codes, audit actions, permissions, perspectives, question types) equal
// to the ones the code uses, so that a new code cannot reach a client that
// has no words for it.
func TestOpenAPIEnumsMatchCode(t *testing.T) {
	doc, err := loadOpenAPIDoc()
	if err != nil {
		t.Fatal(err)
	}
	srv := newOpenAPIServer(t)
	asStrings := func(n int, at func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = at(i)
		}
		sort.Strings(out)
		return out
	}
	codes := leerlus.FieldCodes()
	perms := srv.Permissions()
	for _, tc := range []struct {
		schema string
		want   []string
	}{
		{"FieldCode", asStrings(len(codes), func(i int) string { return string(codes[i]) })},
		{"AuditAction", asStrings(len(policy.AuditActions), func(i int) string { return string(policy.AuditActions[i]) })},
		{"Permission", asStrings(len(perms), func(i int) string { return string(perms[i]) })},
		{"Perspective", asStrings(len(policy.Perspectives), func(i int) string { return string(policy.Perspectives[i]) })},
		{"QuestionType", asStrings(len(defaults.QuestionTypes), func(i int) string { return string(defaults.QuestionTypes[i]) })},
	} {
		ref := doc.Components.Schemas[tc.schema]
		if ref == nil || ref.Value == nil {
			t.Errorf("schema %s is missing", tc.schema)
			continue
		}
		var got []string
		for _, v := range ref.Value.Enum {
			s, _ := v.(string)
			got = append(got, s)
		}
		sort.Strings(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s enum in openapi.yaml = %v, code has %v", tc.schema, got, tc.want)
		}
	}
}
