package leerlus

// Actor is who does something and from where, for the audit log.
type Actor struct {
	PersonID   string
	ClientAddr string
}

// Scope says on which objects of a network an allowed action may act.
type Scope string

// The scopes of a permission.
const (
	ScopeAny Scope = "any" // every object in the network
	ScopeOwn Scope = "own" // only objects the caller owns (their own drafts)
)

// Access is what the caller of a use case may do, as the authorization
// middleware decided it: who they are, in which network, with which role,
// and whether the permitted action reaches every object or only their
// own. Domain methods take it and check ownership themselves, inside their
// transaction, so that no handler holds an ownership rule.
type Access struct {
	Actor     Actor
	NetworkID string // the network of the route; "" for routes outside a network
	Role      string // the caller's role in that network; "" for an admin without one
	Scope     Scope
	// Networks are, for routes that span networks (a researcher's
	// queries), the networks where the caller holds a role that permits
	// the action.
	Networks []string
}

// PersonID is the caller's id.
func (a Access) PersonID() string { return a.Actor.PersonID }

// MayActOn reports whether the access reaches an object owned by ownerID.
func (a Access) MayActOn(ownerID string) bool {
	switch a.Scope {
	case ScopeAny:
		return true
	case ScopeOwn:
		return ownerID != "" && ownerID == a.Actor.PersonID
	}
	return false
}

// CheckOwner answers not found (the object is not the caller's to see) or
// forbidden for an object the access does not reach. Domain methods call
// it inside their transaction, after loading the object.
func (a Access) CheckOwner(ownerID, what string, visible bool) error {
	if a.MayActOn(ownerID) {
		return nil
	}
	if !visible {
		return NotFound(what)
	}
	return Errorf(CodeForbidden, "Only its author may change this %s.", what)
}
