package api_test

import (
	"context"

	"leerlus/cases"
	"leerlus/policy"
	"leerlus/review"
)

// reflectionAnswers can be submitted: one item on each side.
func reflectionAnswers() review.ReflectionInput {
	return review.ReflectionInput{Items: &[]review.ItemInput{
		{Question: "worked", What: "De mentor bleef contact houden."},
		{Question: "did_not_work", What: "Het wachten op de jeugd-ggz duurde maanden."},
	}}
}

// fixtureReflection makes a reflection with the given status on a fresh
// published case of network: written by as when as may write there (so
// that own-scope writes succeed), else by a member of the network;
// checked by the network's facilitator.
func (e *env) fixtureReflection(as *person, network string, status review.Status) *review.ReflectionView {
	e.t.Helper()
	ctx := context.Background()
	c := e.fixtureCase(nil, network, cases.StatusPublished)
	_, fac := e.casePeople(network)
	author, role := e.reflector(network), policy.RoleMember
	if e.writes(as, network) && !(status == review.StatusPublished && as == fac) {
		author = as
		if as == e.people[facilitator] {
			role = policy.RoleFacilitator
		}
	}
	acc := caseAccess(author, network, role)
	v := must(e.review.Create(ctx, acc, c.ID, reflectionAnswers()))
	if status == review.StatusDraft {
		return v
	}
	v = must(e.review.Submit(ctx, acc, v.ID, v.Version))
	if status == review.StatusSubmitted {
		return v
	}
	return must(e.review.Publish(ctx, caseAccess(fac, network, policy.RoleFacilitator), v.ID, v.Version))
}

// reflector is a member of the network who writes fixture reflections.
func (e *env) reflector(network string) *person {
	key := "reflector:" + network
	if e.people[key] == nil {
		e.people[key] = e.newPerson("reflectant", false)
		e.addMember(e.people[key], network, policy.RoleMember)
	}
	return e.people[key]
}

// reflectionBody is a request body with every part of a reflection, so
// that a test can put a text into any of them.
func reflectionBody(version int) map[string]any {
	body := map[string]any{
		"items":   []any{map[string]any{"question": "worked", "what": "De mentor bleef contact houden."}},
		"texts":   []any{map[string]any{"question": "differently", "text": "Eerder hulp regelen."}},
		"lessons": []any{map[string]any{"statement": "Regel hulp tijdens het wachten.", "sources": []any{0}}},
	}
	if version > 0 {
		body["version"] = version
	}
	return body
}
