package rule

import (
	"reflect"
	"strings"
	"testing"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/viewer"
)

// Every entity has a line in the table of who reads what: a new entity is
// read by nobody but the system until someone decides, and this test asks
// for that decision; a line for an entity that is gone is a typo.
func TestEveryEntityIsInTheReadTable(t *testing.T) {
	entities := map[string]bool{}
	c := reflect.TypeOf(ent.Client{})
	for i := 0; i < c.NumField(); i++ {
		f := c.Field(i)
		if name, ok := strings.CutSuffix(f.Type.String(), "Client"); ok && f.IsExported() && name == "*ent."+f.Name {
			entities[f.Name] = true
		}
	}
	if len(entities) < 30 {
		t.Fatalf("found only %d entities on ent.Client: %v", len(entities), entities)
	}
	for e := range entities {
		if _, ok := reads[e]; !ok {
			t.Errorf("%s is missing from reads (ent/rule/read.go): say who reads it", e)
		}
	}
	for e := range reads {
		if !entities[e] {
			t.Errorf("reads names %s, which is no entity", e)
		}
	}
	// Reads fails closed for a type it does not know.
	if r := Reads(&viewer.Viewer{UserID: 1, Role: viewer.RoleAdmin}, "NoSuchThing"); !r.None() {
		t.Error("an unknown type is readable")
	}
}
