package policy_test

import (
	"context"
	"testing"

	"leerlus"
	"leerlus/dbtest"
	"leerlus/policy"
)

func TestOrganisationEditAndRetire(t *testing.T) {
	ctx := context.Background()
	db := dbtest.Open(t)
	svc := policy.NewService(db, nil, cheap())
	admin := policy.Actor{}
	name, region := "Werkplaats", "Noord"
	w, err := svc.CreateWorkplace(ctx, admin, policy.WorkplaceInput{Name: &name, Region: &region})
	must(t, err)
	netName := "Netwerk"
	n, err := svc.CreateNetwork(ctx, admin, w.ID, policy.NetworkInput{Name: &netName})
	must(t, err)
	o, err := svc.CreateOrganisation(ctx, admin, w.ID, policy.NewOrganisation{Name: "Wijkteam", Kind: policy.KindCareProvider})
	must(t, err)
	p, err := svc.CreatePerson(ctx, admin, policy.NewPerson{Email: "ouder@example.org", Name: "Ouder", Password: "een lang genoeg wachtwoord"})
	must(t, err)
	_, err = svc.AddMembership(ctx, admin, policy.Membership{NetworkID: n.ID, PersonID: p.ID, Role: policy.RoleMember,
		Perspective: policy.PerspectiveParent, OrganisationID: &o.ID})
	must(t, err)

	yes, renamed := true, "Wijkteam Noord"
	for _, tc := range []struct {
		name    string
		change  policy.OrganisationChange
		code    leerlus.Code
		field   leerlus.FieldCode
		retired bool
	}{
		{"rename", policy.OrganisationChange{Name: &renamed, Version: 1}, "", "", false},
		{"stale version", policy.OrganisationChange{Retired: &yes, Version: 1}, leerlus.CodeConflict, leerlus.FieldStaleVersion, false},
		{"no version", policy.OrganisationChange{Retired: &yes}, leerlus.CodeInvalid, leerlus.FieldRequired, false},
		{"retire", policy.OrganisationChange{Retired: &yes, Version: 2}, "", "", true},
	} {
		got, err := svc.UpdateOrganisation(ctx, admin, w.ID, o.ID, tc.change)
		if tc.code != "" {
			var e *leerlus.Error
			if !leerlus.IsCode(err, tc.code) || !errorsAs(err, &e) || len(e.Fields) == 0 || e.Fields[0].Code != tc.field {
				t.Errorf("%s: %v, want %s with field code %s", tc.name, err, tc.code, tc.field)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if (got.RetiredAt != nil) != tc.retired {
			t.Errorf("%s: retired %v, want %v", tc.name, got.RetiredAt != nil, tc.retired)
		}
	}

	// The networks where someone holds a role, for queries across networks.
	if got, err := svc.NetworksWithRole(ctx, p.ID, policy.RoleMember); err != nil || len(got) != 1 || got[0] != n.ID {
		t.Errorf("NetworksWithRole(member) = %v, %v; want [%s]", got, err, n.ID)
	}
	if got, err := svc.NetworksWithRole(ctx, p.ID, policy.RoleResearcher); err != nil || len(got) != 0 {
		t.Errorf("NetworksWithRole(researcher) = %v, %v; want none", got, err)
	}

	// An organisation of another workplace is not found through this one.
	other := "Andere"
	w2, err := svc.CreateWorkplace(ctx, admin, policy.WorkplaceInput{Name: &other, Region: &region})
	must(t, err)
	if _, err := svc.UpdateOrganisation(ctx, admin, w2.ID, o.ID, policy.OrganisationChange{Name: &renamed, Version: 3}); !leerlus.IsCode(err, leerlus.CodeNotFound) {
		t.Errorf("through another workplace: %v, want not found", err)
	}

	// The old membership still names the retired organisation ...
	members, _, err := svc.ListMembers(ctx, leerlus.Access{NetworkID: n.ID}, leerlus.Page{Limit: 10})
	must(t, err)
	if len(members) != 1 || members[0].OrganisationName == nil || *members[0].OrganisationName != renamed {
		t.Fatalf("members after retiring: %+v", members)
	}
	// ... and may keep it on an edit ...
	_, err = svc.UpdateMembership(ctx, leerlus.Access{NetworkID: n.ID}, members[0].ID,
		policy.MembershipChange{OrganisationID: &o.ID, Perspective: ptr(policy.PerspectiveOther), Version: members[0].Version})
	must(t, err)
	// ... but a new one cannot choose it.
	q, err := svc.CreatePerson(ctx, admin, policy.NewPerson{Email: "prof@example.org", Name: "Prof", Password: "een lang genoeg wachtwoord"})
	must(t, err)
	_, err = svc.AddMembership(ctx, admin, policy.Membership{NetworkID: n.ID, PersonID: q.ID, Role: policy.RoleMember,
		Perspective: policy.PerspectiveProfessional, OrganisationID: &o.ID})
	if !leerlus.IsCode(err, leerlus.CodeInvalid) {
		t.Errorf("new membership with a retired organisation: %v, want invalid", err)
	}
}

func ptr[T any](v T) *T { return &v }
