package api_test

import (
	"net/http"
	"testing"

	"leerlus"
	"leerlus/policy"
)

// TestLastFacilitatorKeepsTheRole: a network always keeps one facilitator.
// Demoting or removing the last one answers 400 with a field error on
// "role", whoever asks (the facilitator themself or an administrator);
// with a second facilitator both are allowed.
func TestLastFacilitatorKeepsTheRole(t *testing.T) {
	tests := []struct {
		name         string
		second       bool   // the network has a second facilitator
		asAdmin      bool   // an administrator asks, not the facilitator themself
		method       string // PATCH (demote to member) or DELETE
		role         string // the new role for PATCH
		status       int
		stillPresent bool // the facilitator is still facilitator afterwards
	}{
		{"last facilitator demotes themself", false, false, "PATCH", "member", http.StatusBadRequest, true},
		{"admin demotes the last facilitator", false, true, "PATCH", "researcher", http.StatusBadRequest, true},
		{"last facilitator removes themself", false, false, "DELETE", "", http.StatusBadRequest, true},
		{"admin removes the last facilitator", false, true, "DELETE", "", http.StatusBadRequest, true},
		{"last facilitator stays facilitator", false, false, "PATCH", "facilitator", http.StatusOK, true},
		{"one of two demotes themself", true, false, "PATCH", "member", http.StatusOK, false},
		{"admin demotes one of two", true, true, "PATCH", "manager", http.StatusOK, false},
		{"one of two removes themself", true, false, "DELETE", "", http.StatusNoContent, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			fac := e.people[facilitator]
			if tt.second {
				e.addMember(e.newPerson("facilitator2", false), e.own.ID, policy.RoleFacilitator)
			}
			as := fac
			if tt.asAdmin {
				as = e.admin
			}
			m := e.membershipOf(fac, e.own.ID)
			path := "/api/v1/networks/" + e.own.ID + "/members/" + m.ID
			req := request{method: tt.method, path: path, as: as}
			if tt.method == "PATCH" {
				req.body = map[string]any{"role": tt.role, "version": m.Version}
			}
			res := e.expect(tt.status, req)
			if tt.status == http.StatusBadRequest {
				p := res.problem(t)
				if len(p.Errors) != 1 || p.Errors[0].Field != "role" {
					t.Fatalf("errors = %+v, want one on role", p.Errors)
				}
			}
			still := false
			ms, _, err := e.svc.ListMembers(t.Context(), leerlus.Access{NetworkID: e.own.ID}, pageAll)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range ms {
				if x.PersonID == fac.ID && x.Role == policy.RoleFacilitator {
					still = true
				}
			}
			if still != tt.stillPresent {
				t.Errorf("still facilitator = %v, want %v", still, tt.stillPresent)
			}
		})
	}
}

// TestTwoFacilitatorsLeaveAtOnce: when the only two facilitators remove
// each other at the same moment, one of them stays (on PostgreSQL the two
// transactions really run side by side).
func TestTwoFacilitatorsLeaveAtOnce(t *testing.T) {
	e := newEnv(t)
	first := e.membershipOf(e.people[facilitator], e.own.ID)
	second := e.addMember(e.newPerson("facilitator2", false), e.own.ID, policy.RoleFacilitator)
	errs := make(chan error, 2)
	for _, id := range []string{first.ID, second.ID} {
		go func() {
			errs <- e.svc.RemoveMembership(t.Context(), leerlus.Access{Actor: policy.Actor{ClientAddr: "test"}, NetworkID: e.own.ID, Scope: leerlus.ScopeAny}, id)
		}()
	}
	var failed int
	for range 2 {
		if err := <-errs; err != nil {
			if !leerlus.IsCode(err, leerlus.CodeInvalid) {
				t.Fatalf("removal failed with %v, want the last-facilitator rule", err)
			}
			failed++
		}
	}
	if failed != 1 {
		t.Fatalf("%d of 2 removals failed, want exactly 1", failed)
	}
	ms, _, err := e.svc.ListMembers(t.Context(), leerlus.Access{NetworkID: e.own.ID}, pageAll)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range ms {
		if m.Role == policy.RoleFacilitator {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d facilitators left, want 1", n)
	}
}
