package api_test

import (
	"net/http"
	"testing"

	"leerlus/api"
	"leerlus/policy"
)

// TestStaleVersionIsAConflict: two people edit the same network from the
// same version; the second edit is refused instead of overwriting the first.
func TestStaleVersionIsAConflict(t *testing.T) {
	e := newEnv(t)
	path := "/api/v1/networks/" + e.own.ID
	var n policy.Network
	e.expect(http.StatusOK, request{method: "GET", path: path, as: e.admin}).json(t, &n)
	e.expect(http.StatusOK, request{method: "PATCH", path: path, as: e.admin, body: map[string]any{"description": "eerste", "version": n.Version}})
	pr := e.expect(http.StatusConflict, request{method: "PATCH", path: path, as: e.admin,
		body: map[string]any{"description": "tweede", "version": n.Version}}).problem(t)
	if len(pr.Errors) == 0 || pr.Errors[0].Field != "version" {
		t.Fatalf("problem %+v", pr)
	}
	var after policy.Network
	e.expect(http.StatusOK, request{method: "GET", path: path, as: e.admin}).json(t, &after)
	if after.Description != "eerste" || after.Version != n.Version+1 {
		t.Fatalf("network after conflict %+v", after)
	}
	// Without a version the edit is refused as invalid.
	e.expect(http.StatusBadRequest, request{method: "PATCH", path: path, as: e.admin, body: map[string]any{"description": "x"}})
}

func TestDuplicateNamesAreConflicts(t *testing.T) {
	e := newEnv(t)
	e.expect(http.StatusConflict, request{method: "POST", path: "/api/v1/workplaces/" + e.work.ID + "/networks", as: e.admin,
		body: map[string]any{"name": e.own.Name}})
	e.expect(http.StatusConflict, request{method: "POST", path: "/api/v1/workplaces", as: e.admin,
		body: map[string]any{"name": e.work.Name, "region": "x"}})
}

func TestListsPageWithCursors(t *testing.T) {
	e := newEnv(t)
	for i := 0; i < 5; i++ {
		e.invite(e.own.ID, "")
	}
	path := "/api/v1/networks/" + e.own.ID + "/invitations"
	seen := map[string]bool{}
	cursor := ""
	pages := 0
	for {
		q := path + "?limit=2"
		if cursor != "" {
			q += "&cursor=" + cursor
		}
		var l api.List[api.InvitationBody]
		e.expect(http.StatusOK, request{method: "GET", path: q, as: e.admin}).json(t, &l)
		pages++
		for _, it := range l.Items {
			if seen[it.ID] {
				t.Fatalf("item %s on two pages", it.ID)
			}
			seen[it.ID] = true
		}
		if l.NextCursor == "" {
			break
		}
		cursor = l.NextCursor
	}
	if len(seen) != 5 || pages != 3 {
		t.Fatalf("saw %d items on %d pages, want 5 on 3", len(seen), pages)
	}
	for _, bad := range []string{"?limit=0", "?limit=201", "?limit=abc", "?cursor=%25%25"} {
		e.expect(http.StatusBadRequest, request{method: "GET", path: path + bad, as: e.admin}).problem(t)
	}
}
