package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/graph/generated"
	"github.com/tocsin/tocsin/viewer"
)

// A filter is a read: whatever a stakeholder cannot read directly, no `where`
// may match either, through an edge (hasXWith, hasX), nested, or in a
// connection loaded under another. The walk below is generated from the
// schema, so an edge added tomorrow is probed by default.

// filterStart is a connection that takes a where input: a root field
// (incidents) or one under each node of a root (incidents { statusUpdates }).
type filterStart struct {
	name  string // incidents, incidents.statusUpdates
	input string // the where input type: StatusUpdateWhereInput
	query string // an operation with $w of that type, answering totalCounts
}

// filterPath is a start and the edge fields followed from it.
type filterPath struct {
	start filterStart
	edges []string // hasStatusUpdatesWith, hasAuthorWith
	far   string   // the where input type at the end of edges
}

func (p filterPath) String() string {
	return strings.Join(append([]string{p.start.name}, p.edges...), ".")
}

// wrap nests probe in the path's edges: {hasAWith: [{hasBWith: [probe]}]}.
func (p filterPath) wrap(probe map[string]any) map[string]any {
	w := probe
	for i := len(p.edges) - 1; i >= 0; i-- {
		w = map[string]any{p.edges[i]: []any{w}}
	}
	return w
}

// filterStarts are the schema's connections that take a where input.
func filterStarts(schema *ast.Schema) []filterStart {
	var starts []filterStart
	for _, root := range schema.Query.Fields {
		where := root.Arguments.ForName("where")
		if where == nil || !strings.HasSuffix(root.Type.Name(), "Connection") {
			continue
		}
		starts = append(starts, filterStart{name: root.Name, input: where.Type.Name(),
			query: fmt.Sprintf(`query($w:%s){%s(where:$w){totalCount}}`, where.Type.Name(), root.Name)})
		node := schema.Types[strings.TrimSuffix(root.Type.Name(), "Connection")]
		for _, f := range node.Fields {
			if w := f.Arguments.ForName("where"); w != nil && strings.HasSuffix(f.Type.Name(), "Connection") {
				starts = append(starts, filterStart{name: root.Name + "." + f.Name, input: w.Type.Name(),
					query: fmt.Sprintf(`query($w:%s){%s{edges{node{%s(where:$w){totalCount}}}}}`, w.Type.Name(), root.Name, f.Name)})
			}
		}
	}
	return starts
}

// filterPaths are every start on its own, and every edge predicate of every
// where input reachable from a start, each reached the shortest way; the
// edges of a nested connection's input are followed once more from it, so
// the eager loader's decoding of where is walked too.
func filterPaths(schema *ast.Schema, starts []filterStart) []filterPath {
	var paths, queue []filterPath
	expanded := map[string]bool{}
	for _, s := range starts {
		p := filterPath{start: s, far: s.input}
		paths = append(paths, p)
		queue = append(queue, p)
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		nested := strings.Contains(p.start.name, ".") && len(p.edges) == 0
		if expanded[p.far] && !nested {
			continue
		}
		expanded[p.far] = true
		for _, f := range schema.Types[p.far].Fields {
			if !strings.HasPrefix(f.Name, "has") || !strings.HasSuffix(f.Name, "With") {
				continue
			}
			next := filterPath{start: p.start, edges: append(slices.Clone(p.edges), f.Name), far: f.Type.Name()}
			paths = append(paths, next)
			queue = append(queue, next)
		}
	}
	return paths
}

// unreadableProbes are filters on typ (an ent type) that match only what
// the viewer in as cannot read of it: its rows the system reads and as does
// not ({idIn}), and each value of a row it reads that it reads otherwise
// ({id, field: the real value}), where the where input (def) can filter on
// that field.
func unreadableProbes(t *testing.T, typ string, as context.Context, def *ast.Definition) []map[string]any {
	t.Helper()
	rows := func(ctx context.Context) map[float64]map[string]any {
		c := reflect.ValueOf(env.Client).Elem().FieldByName(typ)
		if !c.IsValid() {
			t.Fatalf("the ent client has no %s: the where input and the entity disagree", typ)
		}
		out := c.MethodByName("Query").Call(nil)[0].MethodByName("All").Call([]reflect.Value{reflect.ValueOf(ctx)})
		if err, _ := out[1].Interface().(error); err != nil {
			return nil // reads none of them
		}
		raw, _ := json.Marshal(out[0].Interface())
		var list []map[string]any
		if err := json.Unmarshal(raw, &list); err != nil {
			t.Fatal(err)
		}
		byID := map[float64]map[string]any{}
		for _, r := range list {
			byID[r["id"].(float64)] = r
		}
		return byID
	}
	all, readable := rows(viewerSystem()), rows(as)
	var hidden []float64
	var probes []map[string]any
	for id, r := range all {
		seen, ok := readable[id]
		if !ok {
			hidden = append(hidden, id)
			continue
		}
		for k, v := range r {
			field := camel(k)
			switch v.(type) {
			case string, float64, bool:
			default:
				continue
			}
			if seen[k] != v && def.Fields.ForName(field) != nil {
				probes = append(probes, map[string]any{"id": id, field: v})
			}
		}
	}
	if len(hidden) > 0 {
		slices.Sort(hidden)
		probes = append(probes, map[string]any{"idIn": hidden})
	}
	return probes
}

// camel is ent's JSON field name (quiet_hours_start) as the API's (quietHoursStart).
func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
	}
	return strings.Join(parts, "")
}

// totalCounts sums every totalCount in a GraphQL answer.
func totalCounts(data map[string]json.RawMessage) int {
	var sum func(v any) int
	sum = func(v any) int {
		n := 0
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if c, ok := x.(float64); ok && k == "totalCount" {
					n += int(c)
				} else {
					n += sum(x)
				}
			}
		case []any:
			for _, x := range v {
				n += sum(x)
			}
		}
		return n
	}
	total := 0
	for _, raw := range data {
		var v any
		_ = json.Unmarshal(raw, &v)
		total += sum(v)
	}
	return total
}

// seedUnreadable adds, beside the demo data, something a stakeholder may not
// read at the far end of every edge the walk follows: an incident whose
// only status update and timeline event are INTERNAL, an alert linked to
// it with an INTERNAL note, acknowledged, closed and owned by a responder
// (whose e-mail and quiet hours a stakeholder may not read), the responder
// as incident member and as author of a maintenance window.
func seedUnreadable(t *testing.T) {
	t.Helper()
	ctx, c := viewerSystem(), env.Client
	r, err := c.User.Query().Where(user.Email("responder@tocsin.local")).Only(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r = c.User.UpdateOne(r).SetQuietHoursStart(22 * 60).SetQuietHoursEnd(7 * 60).SaveX(ctx)
	svc := c.Service.Query().FirstX(ctx)
	now := time.Now()
	inc := c.Incident.Create().SetTitle("Payments degraded").SaveX(ctx)
	c.StatusUpdate.Create().SetIncidentID(inc.ID).SetMessage("Suspect the new card vault").
		SetStatus("INVESTIGATING").SetAudience("INTERNAL").SetAuthorID(r.ID).ExecX(ctx)
	c.TimelineEvent.Create().SetIncidentID(inc.ID).SetKind("NOTE_ADDED").SetVisibility(timelineevent.VisibilityINTERNAL).
		SetActorType(timelineevent.ActorTypeUSER).SetActorID(r.ID).SetData(map[string]any{"note": "rolled back"}).ExecX(ctx)
	c.IncidentMember.Create().SetIncidentID(inc.ID).SetUserID(r.ID).SetRole("COMMANDER").ExecX(ctx)
	a := c.Alert.Create().SetService(svc).SetAlias("vault").SetMessage("Card vault 5xx").SetIncidentID(inc.ID).
		SetStatus(alert.StatusCLOSED).SetAcknowledgedAt(now).SetAcknowledgedByID(r.ID).SetClosedAt(now).
		SetClosedByID(r.ID).SetOwnerID(r.ID).SaveX(ctx)
	c.TimelineEvent.Create().SetAlertID(a.ID).SetKind("NOTE_ADDED").SetVisibility(timelineevent.VisibilityINTERNAL).
		SetActorType(timelineevent.ActorTypeUSER).SetActorID(r.ID).SetData(map[string]any{"note": "vault key rotated"}).ExecX(ctx)
	c.MaintenanceWindow.Create().SetServiceID(svc.ID).SetStartsAt(now).SetEndsAt(now.Add(time.Hour)).
		SetCreatedByID(r.ID).ExecX(ctx)
}

// TestNoFilterReachesWhatAStakeholderCannotRead walks every connection
// that takes a where input and every edge predicate reachable from it, with
// filters that match only rows and values a stakeholder cannot read
// directly: as the stakeholder each must match nothing. The same filters as
// an admin show which paths the seeded data makes a real probe; the ones
// issue 13 found must be among them.
func TestNoFilterReachesWhatAStakeholderCannotRead(t *testing.T) {
	h := newHarness(t)
	seedUnreadable(t)
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	stakeholder, admin := h.login("stakeholder@tocsin.local"), h.login("admin@tocsin.local")
	sid, err := env.Client.User.Query().Where(user.Email("stakeholder@tocsin.local")).OnlyID(viewerSystem())
	if err != nil {
		t.Fatal(err)
	}
	as := viewer.NewContext(context.Background(), &viewer.Viewer{UserID: sid, Role: viewer.RoleStakeholder})

	probes := map[string][]map[string]any{}
	probesOf := func(input string) []map[string]any {
		if _, ok := probes[input]; !ok {
			probes[input] = unreadableProbes(t, strings.TrimSuffix(input, "WhereInput"), as, schema.Types[input])
		}
		return probes[input]
	}
	paths := filterPaths(schema, filterStarts(schema))
	live := map[string]bool{}
	for _, p := range paths {
		ps := probesOf(p.far)
		if len(ps) == 0 {
			continue
		}
		filters := []map[string]any{p.wrap(map[string]any{"or": ps})}
		if n := len(p.edges); n > 0 {
			// hasX: true must mean "has an X the stakeholder reads": it
			// may not match where the only X are unreadable ones.
			if hidden, ok := ps[len(ps)-1]["idIn"]; ok {
				has := strings.TrimSuffix(p.edges[n-1], "With")
				outer := filterPath{start: p.start, edges: p.edges[:n-1]}
				filters = append(filters, outer.wrap(map[string]any{"and": []any{
					map[string]any{has: true},
					map[string]any{"not": map[string]any{p.edges[n-1]: []any{map[string]any{"idNotIn": hidden}}}},
				}}))
			}
		}
		for i, w := range filters {
			vars := map[string]any{"w": w}
			_, got := h.do(nil, p.start.query, vars, bearer(stakeholder))
			if len(got.Errors) > 0 {
				t.Errorf("%s (filter %d) as stakeholder: %+v\nwhere: %v", p, i, got.Errors, w)
				continue
			}
			if n := totalCounts(got.Data); n != 0 {
				b, _ := json.Marshal(w)
				t.Errorf("%s (filter %d) as stakeholder matched %d, want 0: the filter reached what they cannot read\nwhere: %s", p, i, n, b)
			}
			if _, sure := h.do(nil, p.start.query, vars, bearer(admin)); totalCounts(sure.Data) > 0 {
				live[fmt.Sprintf("%s/%d", p, i)] = true
			}
		}
	}
	t.Logf("%d paths walked, %d filters match something as an admin", len(paths), len(live))
	for _, must := range []string{
		"incidents.hasStatusUpdatesWith/0", "incidents.hasStatusUpdatesWith/1",
		"alerts.hasTimelineWith/0", "alerts.hasTimelineWith/1", "incidents.hasTimelineWith/0",
		"users/0", "teams.hasMembersWith/0", "teams.members/0", "alerts.hasAcknowledgedByWith/0",
		"incidents.hasMembersWith.hasUserWith/0", "incidents.statusUpdates.hasAuthorWith/0",
	} {
		if !live[must] {
			t.Errorf("%s matches nothing even as an admin: the seeded data no longer probes it", must)
		}
	}
}
