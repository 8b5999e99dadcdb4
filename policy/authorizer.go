package policy

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"
	stringadapter "github.com/casbin/casbin/v2/persist/string-adapter"
)

//go:embed model.conf
var modelText string

//go:embed policy.csv
var policyText string

// Scope says on which objects an allowed action may act.
type Scope string

// The scopes of a policy rule.
const (
	ScopeAny Scope = "any" // every object in the network
	ScopeOwn Scope = "own" // only objects the caller owns
)

// Decision is the answer to "may these subjects call this route?".
type Decision struct {
	Allowed bool
	Scope   Scope
}

// Permits reports whether the decision covers an object owned by ownerID
// when callerID is the one asking.
func (d Decision) Permits(ownerID, callerID string) bool {
	return d.Allowed && (d.Scope == ScopeAny || (d.Scope == ScopeOwn && ownerID == callerID))
}

// Endpoint is one route: method and gin route template.
type Endpoint struct {
	Method string
	Path   string
}

func (e Endpoint) String() string { return e.Method + " " + e.Path }

// Authorizer answers access questions from the embedded casbin model and
// policy. The policy holds no per-person state (roles come from the
// memberships table per request), so every answer is computed once at
// start for every known endpoint and subject; a lookup is then a map read.
type Authorizer struct {
	enforcer  *casbin.Enforcer
	decisions map[decisionKey]Decision
}

type decisionKey struct {
	subject, method, path string
}

// Subjects lists every subject the policy knows, most specific first.
var Subjects = []string{
	string(RoleMember), string(RoleFacilitator), string(RoleResearcher), string(RoleManager),
	SubjectAdmin, SubjectUser, SubjectAnonymous,
}

// NewAuthorizer loads the embedded model and policy and precomputes the
// decisions for the given endpoints (the routes the server registers).
func NewAuthorizer(endpoints []Endpoint) (*Authorizer, error) {
	m, err := model.NewModelFromString(modelText)
	if err != nil {
		return nil, fmt.Errorf("casbin model: %w", err)
	}
	e, err := casbin.NewEnforcer(m, stringadapter.NewAdapter(policyLines()))
	if err != nil {
		return nil, fmt.Errorf("casbin policy: %w", err)
	}
	a := &Authorizer{enforcer: e, decisions: map[decisionKey]Decision{}}
	for _, ep := range endpoints {
		for _, s := range Subjects {
			d, err := a.enforce(s, ep)
			if err != nil {
				return nil, err
			}
			a.decisions[decisionKey{s, ep.Method, ep.Path}] = d
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
func (a *Authorizer) enforce(subject string, ep Endpoint) (Decision, error) {
	ok, explain, err := a.enforcer.EnforceEx(subject, "", ep.Path, ep.Method)
	if err != nil {
		return Decision{}, fmt.Errorf("enforce %s %s: %w", subject, ep, err)
	}
	if !ok {
		return Decision{}, nil
	}
	scope := ScopeAny
	if len(explain) == 4 && Scope(explain[3]) == ScopeOwn {
		scope = ScopeOwn
	}
	return Decision{Allowed: true, Scope: scope}, nil
}

// Decide answers for a caller who holds all of subjects (for example their
// role in the route's network, "admin", "user" and "anonymous"). The
// broadest scope any subject gets wins. A route not in the policy is denied.
func (a *Authorizer) Decide(subjects []string, method, path string) Decision {
	var best Decision
	for _, s := range subjects {
		d := a.decisions[decisionKey{s, method, path}]
		if d.Allowed && (!best.Allowed || d.Scope == ScopeAny) {
			best = d
		}
	}
	return best
}

// Covered returns the endpoints that no policy rule mentions for any
// subject; the server refuses to start while there are any, so that a new
// route cannot ship without a decision about who may call it.
func (a *Authorizer) Covered(endpoints []Endpoint) (missing []Endpoint) {
	rules, _ := a.enforcer.GetPolicy()
	known := map[Endpoint]bool{}
	for _, r := range rules {
		if len(r) >= 3 {
			known[Endpoint{Method: r[2], Path: r[1]}] = true
		}
	}
	for _, ep := range endpoints {
		if !known[ep] {
			missing = append(missing, ep)
		}
	}
	return missing
}
