package policy

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"
	stringadapter "github.com/casbin/casbin/v2/persist/string-adapter"

	"leerlus"
)

//go:embed model.conf
var modelText string

//go:embed policy.csv
var policyText string

// Permission is a named action that the policy grants to roles, such as
// "members.manage". Each API route declares the one permission it needs.
type Permission string

// Decision is the answer to "may these subjects do this?".
type Decision struct {
	Allowed bool
	Scope   leerlus.Scope
}

// Authorizer answers access questions from the embedded casbin model and
// policy. The policy holds no per-person state (roles come from the
// memberships table per request), so every answer is computed once at
// start for every permission and subject; a lookup is then a map read.
type Authorizer struct {
	enforcer  *casbin.Enforcer
	decisions map[decisionKey]Decision
	granted   map[Permission]bool
}

type decisionKey struct {
	subject    string
	permission Permission
}

// Subjects lists every subject the policy knows, most specific first.
var Subjects = []string{
	string(RoleMember), string(RoleFacilitator), string(RoleResearcher), string(RoleManager),
	SubjectAdmin, SubjectUser, SubjectAnonymous,
}

// NewAuthorizer loads the embedded model and policy and precomputes the
// decisions for the given permissions (those the server's routes need).
func NewAuthorizer(permissions []Permission) (*Authorizer, error) {
	m, err := model.NewModelFromString(modelText)
	if err != nil {
		return nil, fmt.Errorf("casbin model: %w", err)
	}
	e, err := casbin.NewEnforcer(m, stringadapter.NewAdapter(policyLines()))
	if err != nil {
		return nil, fmt.Errorf("casbin policy: %w", err)
	}
	a := &Authorizer{enforcer: e, decisions: map[decisionKey]Decision{}, granted: map[Permission]bool{}}
	rules, err := e.GetPolicy()
	if err != nil {
		return nil, err
	}
	for _, r := range rules {
		if len(r) >= 2 {
			a.granted[Permission(r[1])] = true
		}
	}
	for _, p := range permissions {
		for _, s := range Subjects {
			d, err := a.enforce(s, p)
			if err != nil {
				return nil, err
			}
			a.decisions[decisionKey{s, p}] = d
		}
	}
	return a, nil
}

// policyLines drops comments and blank lines, which the string adapter
// would otherwise read as rules.
func policyLines() string {
	var b strings.Builder
	for _, line := range strings.Split(policyText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// enforce asks casbin itself; the matched rule's scope is in the explanation.
func (a *Authorizer) enforce(subject string, p Permission) (Decision, error) {
	ok, explain, err := a.enforcer.EnforceEx(subject, string(p))
	if err != nil {
		return Decision{}, fmt.Errorf("enforce %s %s: %w", subject, p, err)
	}
	if !ok {
		return Decision{}, nil
	}
	scope := leerlus.ScopeAny
	if len(explain) == 3 && leerlus.Scope(explain[2]) == leerlus.ScopeOwn {
		scope = leerlus.ScopeOwn
	}
	return Decision{Allowed: true, Scope: scope}, nil
}

// Decide answers for a caller who holds all of subjects (for example their
// role in the route's network, "admin", "user" and "anonymous"). The
// broadest scope any subject gets wins. A permission not in the policy is
// denied.
func (a *Authorizer) Decide(subjects []string, p Permission) Decision {
	var best Decision
	for _, s := range subjects {
		d := a.decisions[decisionKey{s, p}]
		if d.Allowed && (!best.Allowed || d.Scope == leerlus.ScopeAny) {
			best = d
		}
	}
	return best
}

// Permitted lists, sorted, which of the given permissions the subjects
// hold: what a caller may do in one network, for the web app.
func (a *Authorizer) Permitted(subjects []string, among []Permission) []Permission {
	out := []Permission{}
	for _, p := range among {
		if a.Decide(subjects, p).Allowed {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Uncovered returns the permissions that no policy rule grants to any
// subject; the server refuses to start while there are any, so that a new
// route cannot ship without a decision about who may call it.
func (a *Authorizer) Uncovered(permissions []Permission) (missing []Permission) {
	for _, p := range permissions {
		if !a.granted[p] {
			missing = append(missing, p)
		}
	}
	return missing
}

// RolesGranting lists the network roles that hold a permission, for
// queries that span every network where the caller holds such a role.
func (a *Authorizer) RolesGranting(p Permission) []Role {
	var out []Role
	for _, r := range Roles {
		if a.Decide([]string{string(r)}, p).Allowed {
			out = append(out, r)
		}
	}
	return out
}
