package server_test

import (
	"strings"
	"testing"
)

// Anonymous requests may not read the schema; signed-in users may (the
// SPA's types come from the schema files, not from the server).
func TestIntrospectionNeedsASignedInUser(t *testing.T) {
	h := newHarness(t)
	const query = `{__schema{queryType{name}}}`
	_, res := h.do(nil, query, nil, nil)
	if len(res.Errors) == 0 || strings.Contains(string(res.Data["__schema"]), "Query") {
		t.Fatalf("anonymous introspection: want it refused, got %s %+v", res.Data["__schema"], res.Errors)
	}
	_, res = h.do(nil, `{__type(name:"Alert"){name}}`, nil, nil)
	if len(res.Errors) == 0 {
		t.Fatalf("anonymous __type: want it refused, got %s", res.Data["__type"])
	}
	token := h.login("stakeholder@tocsin.local")
	_, res = h.do(nil, query, nil, bearer(token))
	if len(res.Errors) > 0 || !strings.Contains(string(res.Data["__schema"]), `"Query"`) {
		t.Fatalf("signed-in introspection: want the schema, got %s %+v", res.Data["__schema"], res.Errors)
	}
	if _, res = h.do(nil, `{__typename}`, nil, nil); len(res.Errors) > 0 {
		t.Fatalf("__typename is not introspection: want it answered anonymously, got %+v", res.Errors)
	}
}
