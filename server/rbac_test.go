package server_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/notificationrule"
	"github.com/tocsin/tocsin/graph/generated"
	"github.com/tocsin/tocsin/viewer"
)

// selfService are the mutations a stakeholder may call: they touch only the
// caller's own session and profile.
var selfService = map[string]bool{
	"login": true, "logout": true, "acceptInvitation": true, "updateProfile": true, "changePassword": true,
}

// TestStakeholderCanCallNoMutationOfTheSchema walks every mutation in the
// schema, so a new mutation is covered the day it is added: a stakeholder
// gets FORBIDDEN (or NOT_FOUND where the object is invisible to them), an
// anonymous caller UNAUTHENTICATED, and nothing in the database changes.
func TestStakeholderCanCallNoMutationOfTheSchema(t *testing.T) {
	h := newHarness(t)
	stakeholder := h.login("stakeholder@tocsin.local")
	admin := h.login("admin@tocsin.local")
	h.do(nil, `mutation{createAPIToken(name:"victim"){secret}}`, nil, bearer(admin))
	ids := existingIDs(t)
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()

	var names []string
	for _, f := range schema.Mutation.Fields {
		if !strings.HasPrefix(f.Name, "__") {
			names = append(names, f.Name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		f := schema.Mutation.Fields.ForName(name)
		query, vars := callFor(schema, f, ids)
		if selfService[name] {
			continue // allowed by design, and tested on their own (logout would end this session)
		}
		before := rowCounts(t)
		_, asStakeholder := h.do(nil, query, vars, bearer(stakeholder))
		_, asNobody := h.do(nil, query, vars, nil)
		if c := asStakeholder.code(); c != "FORBIDDEN" && c != "NOT_FOUND" {
			t.Errorf("%s as stakeholder: want FORBIDDEN, got %q %+v\n%s %v", name, c, asStakeholder.Errors, query, vars)
		}
		if c := asNobody.code(); c != "UNAUTHENTICATED" && c != "NOT_FOUND" {
			t.Errorf("%s anonymously: want UNAUTHENTICATED, got %q %+v", name, c, asNobody.Errors)
		}
		if after := rowCounts(t); fmt.Sprint(before) != fmt.Sprint(after) {
			t.Errorf("%s: a refused mutation changed row counts from %v to %v", name, before, after)
		}
	}
	if len(names) < 15 {
		t.Fatalf("walked only %d mutations; the schema walk is broken", len(names))
	}
}

// existingIDs picks one existing id per entity type, for ID arguments.
func existingIDs(t *testing.T) map[string]int {
	t.Helper()
	ctx := viewer.System(context.Background())
	ids := map[string]int{}
	pick := func(typ string, id int, err error) {
		if err != nil {
			t.Fatalf("no %s to aim at: %v", typ, err)
		}
		ids[typ] = id
	}
	id, err := env.Client.User.Query().FirstID(ctx)
	pick("User", id, err)
	id, err = env.Client.Team.Query().FirstID(ctx)
	pick("Team", id, err)
	id, err = env.Client.Service.Query().FirstID(ctx)
	pick("Service", id, err)
	id, err = env.Client.APIToken.Query().FirstID(ctx)
	pick("APIToken", id, err)
	id, err = env.Client.Alert.Query().FirstID(ctx)
	pick("Alert", id, err)
	id, err = env.Client.Incident.Query().FirstID(ctx)
	pick("Incident", id, err)
	id, err = env.Client.Schedule.Query().FirstID(ctx)
	pick("Schedule", id, err)
	id, err = env.Client.ScheduleLayer.Query().FirstID(ctx)
	pick("ScheduleLayer", id, err)
	// A responder's verified number with a rule, for the contact mutations.
	cm, err := env.Client.ContactMethod.Create().SetUserID(ids["User"]).SetKind(contactmethod.KindSMS).
		SetName("Work phone").SetAddress("+4915112345678").SetVerifiedAt(time.Now()).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids["ContactMethod"] = cm.ID
	r, err := env.Client.NotificationRule.Create().SetUserID(cm.UserID).SetContactMethodID(cm.ID).
		SetUrgency(notificationrule.UrgencyHIGH).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids["NotificationRule"] = r.ID
	return ids
}

// callFor builds a call of mutation f with plausible values for every
// required argument and input field, selecting __typename.
func callFor(schema *ast.Schema, f *ast.FieldDefinition, ids map[string]int) (string, map[string]any) {
	target := "User"
	for typ := range ids { // the entity the mutation is about, from its name
		if strings.Contains(strings.ToLower(f.Name), strings.ToLower(typ)) && len(typ) > len(target) || strings.HasSuffix(f.Name, typ) {
			target = typ
		}
	}
	vars := map[string]any{}
	var decl, args []string
	for _, a := range f.Arguments {
		vars[a.Name] = valueFor(schema, a.Name, a.Type, target, ids, 0)
		decl = append(decl, "$"+a.Name+":"+a.Type.String())
		args = append(args, a.Name+":$"+a.Name)
	}
	sel := ""
	if def := schema.Types[f.Type.Name()]; def != nil && (def.Kind == ast.Object || def.Kind == ast.Interface) {
		sel = "{__typename}"
	}
	q := "mutation"
	if len(decl) > 0 {
		q += "(" + strings.Join(decl, ",") + ")"
	}
	call := f.Name
	if len(args) > 0 {
		call += "(" + strings.Join(args, ",") + ")"
	}
	return q + "{" + call + sel + "}", vars
}

func valueFor(schema *ast.Schema, name string, typ *ast.Type, target string, ids map[string]int, depth int) any {
	if typ.Elem != nil {
		return []any{valueFor(schema, name, typ.Elem, target, ids, depth)}
	}
	lower := strings.ToLower(name)
	switch typ.NamedType {
	case "ID":
		for t, id := range ids {
			if strings.HasPrefix(lower, strings.ToLower(t)) {
				return fmt.Sprint(id)
			}
		}
		return fmt.Sprint(ids[target])
	case "String":
		switch {
		case strings.Contains(lower, "email"):
			return "rbac-probe@example.com"
		case strings.Contains(lower, "timezone"):
			return "UTC"
		case strings.Contains(lower, "password"):
			return "a-long-enough-password"
		}
		return "rbac probe"
	case "Int":
		return 1
	case "Boolean":
		return false
	case "Time":
		return time.Now().Add(time.Hour).Format(time.RFC3339)
	case "Map":
		return map[string]any{}
	}
	def := schema.Types[typ.NamedType]
	switch {
	case def == nil:
		return nil
	case def.Kind == ast.Enum:
		return def.EnumValues[0].Name
	case def.Kind == ast.InputObject && depth < 3:
		obj := map[string]any{}
		for _, fld := range def.Fields {
			if fld.Type.NonNull || depth == 0 && fld.Name == "name" {
				obj[fld.Name] = valueFor(schema, fld.Name, fld.Type, target, ids, depth+1)
			}
		}
		return obj
	}
	return nil
}

// rowCounts counts rows per table (sessions excluded: logging in makes them).
func rowCounts(t *testing.T) map[string]int {
	t.Helper()
	rows, err := env.DB.Query(`SELECT tablename FROM pg_tables WHERE schemaname='public' AND tablename NOT IN ('sessions') ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string]int{}
	for _, tbl := range tables {
		var n int
		env.DB.QueryRow(fmt.Sprintf("SELECT count(*) FROM %q", tbl)).Scan(&n)
		out[tbl] = n
	}
	// Row counts miss in-place edits; fold in the newest update time too.
	var touched time.Time
	env.DB.QueryRow(`SELECT greatest((SELECT max(updated_at) FROM users),(SELECT max(updated_at) FROM teams),(SELECT max(updated_at) FROM services),(SELECT max(updated_at) FROM api_tokens),(SELECT max(updated_at) FROM contact_methods))`).Scan(&touched)
	out["last_update_unix_ns"] = int(touched.UnixNano())
	return out
}
