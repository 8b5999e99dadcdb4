// Package policy decides who may do what in Leerlus and keeps the records
// that decision rests on: people, their sign-in sessions and tokens, the
// workplaces and learning networks, memberships with a role per network,
// invitations, and the hash-chained audit log.
package policy

// Role is what a person may do in one learning network.
type Role string

// The network roles (see the permission matrix in docs/access.md).
const (
	RoleMember      Role = "member"
	RoleFacilitator Role = "facilitator"
	RoleResearcher  Role = "researcher"
	RoleManager     Role = "manager"
)

// Roles lists the network roles in display order.
var Roles = []Role{RoleMember, RoleFacilitator, RoleResearcher, RoleManager}

// Valid reports whether r is a network role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// Subjects that are not network roles: the system role and the two
// pseudo-roles every caller holds.
const (
	SubjectAdmin     = "admin"
	SubjectUser      = "user"      // anyone signed in
	SubjectAnonymous = "anonymous" // everyone
)

// Perspective is the point of view a member speaks from.
type Perspective string

// The perspectives of the domain model.
const (
	PerspectiveYoungPerson  Perspective = "jongere"
	PerspectiveParent       Perspective = "ouder"
	PerspectiveProfessional Perspective = "professional"
	PerspectivePolicy       Perspective = "beleid"
	PerspectiveEducation    Perspective = "onderwijs"
	PerspectiveManagement   Perspective = "management"
	PerspectiveResearch     Perspective = "onderzoek"
	PerspectiveOther        Perspective = "anders"
)

// Perspectives lists every perspective in display order.
var Perspectives = []Perspective{
	PerspectiveYoungPerson, PerspectiveParent, PerspectiveProfessional, PerspectivePolicy,
	PerspectiveEducation, PerspectiveManagement, PerspectiveResearch, PerspectiveOther,
}

// Valid reports whether p is a known perspective.
func (p Perspective) Valid() bool {
	for _, x := range Perspectives {
		if p == x {
			return true
		}
	}
	return false
}

// OrganisationKind says what sort of partner organisation a workplace has.
type OrganisationKind string

// The kinds of partner organisations.
const (
	KindCareProvider OrganisationKind = "care_provider"
	KindMunicipality OrganisationKind = "municipality"
	KindSchool       OrganisationKind = "school"
	KindUniversity   OrganisationKind = "university"
	KindOther        OrganisationKind = "other"
)

// OrganisationKinds lists every kind.
var OrganisationKinds = []OrganisationKind{KindCareProvider, KindMunicipality, KindSchool, KindUniversity, KindOther}

// Valid reports whether k is a known kind.
func (k OrganisationKind) Valid() bool {
	for _, x := range OrganisationKinds {
		if k == x {
			return true
		}
	}
	return false
}

func names[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// RoleNames lists the network roles as strings, for field errors.
func RoleNames() []string { return names(Roles) }

// PerspectiveNames lists the perspectives as strings, for field errors.
func PerspectiveNames() []string { return names(Perspectives) }

// OrganisationKindNames lists the organisation kinds as strings.
func OrganisationKindNames() []string { return names(OrganisationKinds) }
