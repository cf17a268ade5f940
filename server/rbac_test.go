package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/tocsin/tocsin/ent/apitoken"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/notificationrule"
	"github.com/tocsin/tocsin/ent/schedule"
	"github.com/tocsin/tocsin/ent/schedulelayer"
	"github.com/tocsin/tocsin/ent/stakeholderpreference"
	"github.com/tocsin/tocsin/ent/stakeholdersubscription"
	"github.com/tocsin/tocsin/ent/team"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/graph/generated"
	"github.com/tocsin/tocsin/viewer"
)

// The role matrix, explicit and small; everything else follows from the
// schema walk, so a mutation added tomorrow is covered by default: a
// stakeholder gets FORBIDDEN (or NOT_FOUND), an anonymous caller
// UNAUTHENTICATED, and admins and responders are not refused for their role.

// stakeholderMay are the mutations a stakeholder may call: each touches only
// the caller's own session, profile, subscriptions, preferences or devices
// (for the low-urgency pushes about what they follow), which
// TestStakeholderMutationsTouchOnlyTheirOwnData checks one by one.
var stakeholderMay = map[string]bool{
	"login": true, "logout": true, "acceptInvitation": true, "updateProfile": true, "changePassword": true,
	"subscribeToService": true, "unsubscribeFromService": true, "subscribeToIncident": true,
	"unsubscribeFromIncident": true, "setStakeholderPreferences": true,
	"registerDevice": true, "deleteContactMethod": true,
}

// credentials are the mutations about signing in: their answer to a probe
// is about the password or token, not the role (and logout would end the
// walk's session). They are tested in server_test.go and below.
var credentials = map[string]bool{"login": true, "logout": true, "acceptInvitation": true, "changePassword": true}

// adminOnly are the mutations a responder is refused: people, teams,
// services, escalation policies, integrations and heartbeats are the
// administrator's.
var adminOnly = map[string]bool{
	"createIntegration": true, "updateIntegration": true, "deleteIntegration": true, "rotateIntegrationKey": true,
	"createHeartbeat": true, "updateHeartbeat": true, "deleteHeartbeat": true,
	"inviteUser": true, "resendInvitation": true, "updateUser": true,
	"createTeam": true, "updateTeam": true, "deleteTeam": true,
	"createService": true, "updateService": true, "deleteService": true,
	"createEscalationPolicy": true, "updateEscalationPolicy": true, "deleteEscalationPolicy": true,
	"updateSeverityLevel": true,
	"createStatusPage":    true, "updateStatusPage": true, "deleteStatusPage": true,
	"addStatusComponent": true, "updateStatusComponent": true, "removeStatusComponent": true,
}

// anonymousFrom names a client address of its own for each anonymous call,
// through X-Forwarded-For (the test server's peer is a trusted proxy): one
// address may send only so many anonymous requests at once.
func anonymousFrom(seed string) map[string]string {
	h := fnv.New32a()
	h.Write([]byte(seed))
	n := h.Sum32()
	return map[string]string{"X-Forwarded-For": fmt.Sprintf("10.%d.%d.%d", n>>16&255, n>>8&255, n&255)}
}

// refusedForRole are the codes that mean "your role may not".
var refusedForRole = map[string]bool{"FORBIDDEN": true, "UNAUTHENTICATED": true}

// TestEveryMutationAnswersEveryRoleAsTheMatrixSays walks every mutation in
// the schema as a stakeholder and anonymously (refused, nothing changes),
// then as a responder and as an admin (refused only where the matrix says),
// each role on a freshly seeded database.
func TestEveryMutationAnswersEveryRoleAsTheMatrixSays(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	names := mutationNames(schema)
	if len(names) < 15 {
		t.Fatalf("walked only %d mutations; the schema walk is broken", len(names))
	}
	for name := range stakeholderMay {
		if schema.Mutation.Fields.ForName(name) == nil {
			t.Errorf("stakeholderMay names %s, which the schema no longer has", name)
		}
	}
	for name := range adminOnly {
		if schema.Mutation.Fields.ForName(name) == nil {
			t.Errorf("adminOnly names %s, which the schema no longer has", name)
		}
	}

	t.Run("stakeholder and anonymous", func(t *testing.T) {
		h := newHarness(t)
		stakeholder := h.login("stakeholder@tocsin.local")
		victim := h.login("responder@tocsin.local")
		h.do(nil, `mutation{createAPIToken(name:"victim"){secret}}`, nil, bearer(victim))
		ids := existingIDs(t, "responder@tocsin.local", "responder@tocsin.local")
		for _, name := range names {
			query, vars := callFor(schema, schema.Mutation.Fields.ForName(name), ids)
			before := rowCounts(t)
			_, asNobody := h.do(nil, query, vars, anonymousFrom(name))
			if c := asNobody.code(); !credentials[name] && c != "UNAUTHENTICATED" && c != "NOT_FOUND" {
				t.Errorf("%s anonymously: want UNAUTHENTICATED, got %q %+v", name, c, asNobody.Errors)
			}
			if stakeholderMay[name] {
				continue // allowed by design; TestStakeholderMutationsTouchOnlyTheirOwnData
			}
			_, asStakeholder := h.do(nil, query, vars, bearer(stakeholder))
			if c := asStakeholder.code(); c != "FORBIDDEN" && c != "NOT_FOUND" {
				t.Errorf("%s as stakeholder: want FORBIDDEN, got %q %+v\n%s %v", name, c, asStakeholder.Errors, query, vars)
			}
			if after := rowCounts(t); fmt.Sprint(before) != fmt.Sprint(after) {
				t.Errorf("%s: a refused mutation changed row counts from %v to %v", name, before, after)
			}
		}
	})
	for _, role := range []string{"responder", "admin"} {
		t.Run(role, func(t *testing.T) {
			h := newHarness(t)
			token := h.login(role + "@tocsin.local")
			// Aim at their own token, contact method and rule: the
			// matrix is about roles; others' rows are the stakeholder walk's.
			h.do(nil, `mutation{createAPIToken(name:"own"){secret}}`, nil, bearer(token))
			other := map[string]string{"admin": "responder", "responder": "admin"}[role]
			ids := existingIDs(t, role+"@tocsin.local", other+"@tocsin.local")
			succeeded := 0
			for _, name := range destructiveLast(names) {
				if credentials[name] {
					continue
				}
				query, vars := callFor(schema, schema.Mutation.Fields.ForName(name), ids)
				_, res := h.do(nil, query, vars, bearer(token))
				if len(res.Errors) == 0 {
					succeeded++
				}
				refused := refusedForRole[res.code()]
				switch want := role == "responder" && adminOnly[name]; {
				case want && res.code() != "FORBIDDEN" && res.code() != "NOT_FOUND":
					t.Errorf("%s as %s: want FORBIDDEN (admins only), got %q %+v", name, role, res.code(), res.Errors)
				case !want && refused:
					t.Errorf("%s as %s: refused for the role (%q %+v); add it to adminOnly if that is meant",
						name, role, res.code(), res.Errors)
				}
			}
			// The probes are plausible enough that most calls go through;
			// a walk where nothing succeeds proves nothing.
			if succeeded < len(names)/4 {
				t.Errorf("as %s only %d of %d mutations succeeded; the probe values no longer fit the schema", role, succeeded, len(names))
			}
			t.Logf("as %s: %d of %d mutations succeeded", role, succeeded, len(names))
		})
	}
}

// destructiveLast orders deletes and revokes after the rest, so a walk
// that succeeds does not remove what later calls aim at.
func destructiveLast(names []string) []string {
	out := slices.Clone(names)
	sort.SliceStable(out, func(i, j int) bool { return !destructive(out[i]) && destructive(out[j]) })
	return out
}

func destructive(name string) bool {
	return strings.HasPrefix(name, "delete") || strings.HasPrefix(name, "revoke")
}

// mutationNames are the schema's mutations, sorted.
func mutationNames(schema *ast.Schema) []string {
	var names []string
	for _, f := range schema.Mutation.Fields {
		if !strings.HasPrefix(f.Name, "__") {
			names = append(names, f.Name)
		}
	}
	sort.Strings(names)
	return names
}

// existingIDs picks one existing id per entity type, for ID arguments: the
// API token, contact method and rule are owner's and the team and schedule
// one owner belongs to (their own data), the user someone else (other).
func existingIDs(t *testing.T, owner, other string) map[string]int {
	t.Helper()
	ctx := viewer.System(context.Background())
	ids := map[string]int{}
	pick := func(typ string, id int, err error) {
		if err != nil {
			t.Fatalf("no %s to aim at: %v", typ, err)
		}
		ids[typ] = id
	}
	ownerID, err := env.Client.User.Query().Where(user.Email(owner)).OnlyID(ctx)
	pick("owner", ownerID, err)
	id, err := env.Client.User.Query().Where(user.Email(other)).OnlyID(ctx)
	pick("User", id, err)
	id, err = env.Client.Team.Query().Where(team.HasMembersWith(user.ID(ownerID))).Order(team.ByID()).FirstID(ctx)
	pick("Team", id, err)
	id, err = env.Client.Service.Query().FirstID(ctx)
	pick("Service", id, err)
	id, err = env.Client.APIToken.Query().Where(apitoken.UserID(ownerID)).FirstID(ctx)
	pick("APIToken", id, err)
	id, err = env.Client.Alert.Query().FirstID(ctx)
	pick("Alert", id, err)
	id, err = env.Client.Incident.Query().FirstID(ctx)
	pick("Incident", id, err)
	id, err = env.Client.Schedule.Query().Where(schedule.TeamID(ids["Team"])).FirstID(ctx)
	pick("Schedule", id, err)
	id, err = env.Client.ScheduleLayer.Query().Where(schedulelayer.ScheduleID(ids["Schedule"])).FirstID(ctx)
	pick("ScheduleLayer", id, err)
	// A responder's verified number with a rule, for the contact mutations.
	cm, err := env.Client.ContactMethod.Create().SetUserID(ownerID).SetKind(contactmethod.KindSMS).
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

// TestStakeholderMutationsTouchOnlyTheirOwnData calls each mutation of
// stakeholderMay as the stakeholder next to the same data of a responder,
// and checks that only the caller's rows change.
func TestStakeholderMutationsTouchOnlyTheirOwnData(t *testing.T) {
	h := newHarness(t)
	sys := viewerSystem()
	me := h.login("stakeholder@tocsin.local")
	other := h.login("responder@tocsin.local")
	meID := env.Client.User.Query().Where(user.Email("stakeholder@tocsin.local")).OnlyIDX(sys)
	otherU := env.Client.User.Query().Where(user.Email("responder@tocsin.local")).OnlyX(sys)
	svc := env.Client.Service.Query().FirstIDX(sys)
	inc := env.Client.Incident.Query().FirstIDX(sys)
	env.Client.StakeholderSubscription.Create().SetUserID(otherU.ID).SetServiceID(svc).ExecX(sys)
	env.Client.StakeholderSubscription.Create().SetUserID(otherU.ID).SetIncidentID(inc).ExecX(sys)
	env.Client.StakeholderPreference.Create().SetUserID(otherU.ID).SetDigest(stakeholderpreference.DigestHOURLY).ExecX(sys)
	count := func(uid int) int {
		return env.Client.StakeholderSubscription.Query().Where(stakeholdersubscription.UserID(uid)).CountX(sys)
	}
	ok := func(what, query string, vars map[string]any) gqlResponse {
		t.Helper()
		_, res := h.do(nil, query, vars, bearer(me))
		if len(res.Errors) > 0 {
			t.Fatalf("%s as stakeholder: want success, got %+v", what, res.Errors)
		}
		return res
	}
	ids := map[string]any{"s": fmt.Sprint(svc), "i": fmt.Sprint(inc)}

	res := ok("subscribeToService", `mutation($s:ID!){subscribeToService(serviceID:$s){viewerSubscribed}}`, ids)
	ok("subscribeToService again", `mutation($s:ID!){subscribeToService(serviceID:$s){viewerSubscribed}}`, ids)
	ok("subscribeToIncident", `mutation($i:ID!){subscribeToIncident(incidentID:$i){viewerSubscribed}}`, ids)
	if !strings.Contains(string(res.Data["subscribeToService"]), `"viewerSubscribed":true`) || count(meID) != 2 || count(otherU.ID) != 2 {
		t.Fatalf("after subscribing twice to a service and once to an incident: want 2 own and the responder's 2 untouched, got %d and %d (%s)",
			count(meID), count(otherU.ID), res.Data["subscribeToService"])
	}
	res = ok("viewer.subscriptions", `{viewer{subscriptions{service{id} incident{id}}}}`, nil)
	if n := strings.Count(string(res.Data["viewer"]), `"id"`); n != 2 {
		t.Fatalf("viewer.subscriptions: want the 2 own, got %s", res.Data["viewer"])
	}
	ok("unsubscribeFromService", `mutation($s:ID!){unsubscribeFromService(serviceID:$s){viewerSubscribed}}`, ids)
	ok("unsubscribeFromIncident", `mutation($i:ID!){unsubscribeFromIncident(incidentID:$i){viewerSubscribed}}`, ids)
	if count(meID) != 0 || count(otherU.ID) != 2 {
		t.Fatalf("after unsubscribing: want 0 own and the responder's 2 untouched, got %d and %d", count(meID), count(otherU.ID))
	}

	ok("setStakeholderPreferences", `mutation{setStakeholderPreferences(input:{digest:DAILY,push:false}){digest push email}}`, nil)
	mine := env.Client.StakeholderPreference.Query().Where(stakeholderpreference.UserID(meID)).OnlyX(sys)
	theirs := env.Client.StakeholderPreference.Query().Where(stakeholderpreference.UserID(otherU.ID)).OnlyX(sys)
	if mine.Digest != stakeholderpreference.DigestDAILY || mine.Push || !mine.Email || theirs.Digest != stakeholderpreference.DigestHOURLY || !theirs.Push {
		t.Fatalf("preferences: want own DAILY without push and the responder's HOURLY untouched, got %+v and %+v", mine, theirs)
	}
	_, res = h.do(nil, `query($id:ID!){node(id:$id){... on User{stakeholderPreferences{digest}}}}`,
		map[string]any{"id": fmt.Sprint(otherU.ID)}, bearer(me))
	if res.code() != "FORBIDDEN" {
		t.Fatalf("reading the responder's preferences: want FORBIDDEN, got %+v", res.Errors)
	}
	_, res = h.do(nil, `mutation{setStakeholderPreferences(input:{digest:WEEKLY}){digest}}`, nil, bearer(me))
	if res.code() != "GRAPHQL_VALIDATION_FAILED" || env.Client.StakeholderPreference.GetX(sys, mine.ID).Digest != stakeholderpreference.DigestDAILY {
		t.Fatalf("an unknown digest: want a validation error and no change, got %+v", res.Errors)
	}

	// Devices: their own, to register, list and remove; nothing else of
	// what pages people.
	res = ok("registerDevice", `mutation{registerDevice(input:{token:"stakeholder-phone-token",platform:ANDROID,name:"Sam's phone"}){device{id kind verifiedAt}}}`, nil)
	var reg struct{ Device struct{ ID, Kind string } }
	if err := json.Unmarshal(res.Data["registerDevice"], &reg); err != nil || reg.Device.Kind != "PUSH" {
		t.Fatalf("registerDevice: want a PUSH device, got %s %v", res.Data["registerDevice"], err)
	}
	env.Client.ContactMethod.Create().SetUserID(meID).SetKind(contactmethod.KindSMS).SetName("Set by an admin").
		SetAddress("+4915112340000").SetVerifiedAt(time.Now()).ExecX(sys)
	theirDevice := env.Client.ContactMethod.Create().SetUserID(otherU.ID).SetKind(contactmethod.KindPUSH).SetName("Responder's phone").
		SetAddress("responder-phone-token").SetVerifiedAt(time.Now()).SaveX(sys)
	res = ok("viewer.contactMethods", `{viewer{contactMethods{id kind} notificationRules{id}}}`, nil)
	if want := `{"contactMethods":[{"id":"` + reg.Device.ID + `","kind":"PUSH"}],"notificationRules":[]}`; string(res.Data["viewer"]) != want {
		t.Fatalf("a stakeholder lists their own devices only, and no rules: want %s, got %s", want, res.Data["viewer"])
	}
	refused := func(what, query string, vars map[string]any) {
		t.Helper()
		before := rowCounts(t)
		_, res := h.do(nil, query, vars, bearer(me))
		if res.code() != "FORBIDDEN" {
			t.Errorf("%s as stakeholder: want FORBIDDEN, got %q %+v", what, res.code(), res.Errors)
		}
		if after := rowCounts(t); fmt.Sprint(before) != fmt.Sprint(after) {
			t.Errorf("%s: a refused mutation changed row counts from %v to %v", what, before, after)
		}
	}
	refused("createContactMethod SMS", `mutation{createContactMethod(input:{kind:SMS,name:"Mine",address:"+4915112345679"}){id}}`, nil)
	refused("createNotificationRule on their device", `mutation($m:ID!){createNotificationRule(input:{contactMethodID:$m,urgency:LOW,delayMinutes:0}){id}}`,
		map[string]any{"m": reg.Device.ID})
	refused("deleteContactMethod of the responder's device", `mutation($id:ID!){deleteContactMethod(id:$id)}`,
		map[string]any{"id": fmt.Sprint(theirDevice.ID)})
	ok("deleteContactMethod of their device", `mutation($id:ID!){deleteContactMethod(id:$id)}`, map[string]any{"id": reg.Device.ID})
	if n := env.Client.ContactMethod.Query().Where(contactmethod.UserID(meID), contactmethod.KindEQ(contactmethod.KindPUSH)).CountX(sys); n != 0 ||
		!env.Client.ContactMethod.Query().Where(contactmethod.ID(theirDevice.ID)).ExistX(sys) {
		t.Fatalf("after deleting: want no device of theirs (got %d) and the responder's kept", n)
	}

	ok("updateProfile", `mutation{updateProfile(input:{name:"Sam S."}){name}}`, nil)
	if u := env.Client.User.GetX(sys, otherU.ID); u.Name != otherU.Name {
		t.Fatalf("updateProfile changed the responder's name to %q", u.Name)
	}
	_, res = h.do(nil, `mutation{changePassword(currentPassword:"wrong password",newPassword:"a-new-long-password")}`, nil, bearer(me))
	if res.code() != "BAD_USER_INPUT" {
		t.Fatalf("changePassword with a wrong current password: want BAD_USER_INPUT, got %+v", res.Errors)
	}
	if u := env.Client.User.GetX(sys, otherU.ID); u.PasswordHash != otherU.PasswordHash {
		t.Fatal("changePassword changed the responder's password")
	}
	ok("logout", `mutation{logout}`, nil)
	_, res = h.do(nil, `{viewer{email}}`, nil, bearer(other))
	if !strings.Contains(string(res.Data["viewer"]), "responder@tocsin.local") {
		t.Fatalf("the stakeholder's logout ended the responder's session: %s %+v", res.Data["viewer"], res.Errors)
	}
	_, res = h.do(nil, `{viewer{email}}`, nil, bearer(me))
	if strings.Contains(string(res.Data["viewer"]), "stakeholder@") {
		t.Fatalf("after logout the stakeholder's token still works: %s", res.Data["viewer"])
	}
}
