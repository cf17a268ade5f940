package incident_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	entincident "github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/incidentmember"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

// world is an incident test's people, service and clock.
type world struct {
	inc          *incident.Incidents
	alerts       *incident.Alerts
	svc          *ent.Service
	rui, ana     *ent.User // responders
	sam          *ent.User // a stakeholder
	now          time.Time
	pager        *countingPager
	announced    *recordingAnnouncer
	asRui, asSam context.Context
}

type recordingAnnouncer struct {
	mu       sync.Mutex
	declared []int
	updates  []int
	affected []int // SERVICES_ADDED events
}

func (a *recordingAnnouncer) IncidentDeclared(_ context.Context, id int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.declared = append(a.declared, id)
}

func (a *recordingAnnouncer) StatusUpdatePosted(_ context.Context, id int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.updates = append(a.updates, id)
}

func (a *recordingAnnouncer) ServicesAffected(_ context.Context, id int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.affected = append(a.affected, id)
}

func newWorld(t *testing.T) *world {
	t.Helper()
	alerts, svc, rui := setup(t)
	w := &world{alerts: alerts, svc: svc, rui: rui, now: time.Date(2026, 11, 24, 3, 0, 0, 0, time.UTC),
		pager: &countingPager{}, announced: &recordingAnnouncer{}}
	w.ana = env.Client.User.Create().SetEmail("ana@x.io").SetName("Ana").SetRole(viewer.RoleResponder).SaveX(sys)
	w.sam = env.Client.User.Create().SetEmail("sam@x.io").SetName("Sam").SetRole(viewer.RoleStakeholder).SaveX(sys)
	alerts.Pager = w.pager
	alerts.Now = func() time.Time { return w.now }
	w.inc = incident.NewIncidents(alerts)
	w.inc.Announcer = w.announced
	w.asRui = viewer.ForUser(context.Background(), rui.ID, viewer.RoleResponder)
	w.asSam = viewer.ForUser(context.Background(), w.sam.ID, viewer.RoleStakeholder)
	return w
}

func (w *world) declare(t *testing.T, d incident.Declaration) *ent.Incident {
	t.Helper()
	inc, err := w.inc.Declare(w.asRui, incident.UserActor(w.rui), d)
	if err != nil {
		t.Fatalf("declare %+v: %v", d, err)
	}
	return inc
}

func incidentEvents(t *testing.T, ctx context.Context, id int) []*ent.TimelineEvent {
	t.Helper()
	return env.Client.TimelineEvent.Query().Where(timelineevent.IncidentID(id)).Order(ent.Asc(timelineevent.FieldID)).AllX(ctx)
}

func eventKinds(evs []*ent.TimelineEvent) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.Kind + "/" + string(e.Visibility)
	}
	return out
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDeclareFromAlertMakesDeclarerCommanderAndLinksTheAlertsService(t *testing.T) {
	w := newWorld(t)
	c, err := w.alerts.Create(sys, tool, incident.NewAlert{ServiceID: w.svc.ID, Message: "Checkout 500s"})
	if err != nil {
		t.Fatal(err)
	}
	inc := w.declare(t, incident.Declaration{Title: "Checkout down", Severity: entincident.SeveritySEV2, AlertIDs: []int{c.ID}})

	if inc.NextUpdateDueAt == nil || !inc.NextUpdateDueAt.Equal(w.now.Add(time.Hour)) {
		t.Fatalf("SEV2 owes an update 60 min after declaring (%v), got %v", w.now.Add(time.Hour), inc.NextUpdateDueAt)
	}
	if a := env.Client.Alert.GetX(sys, c.ID); a.IncidentID == nil || *a.IncidentID != inc.ID {
		t.Fatalf("the alert belongs to the incident, got %v", a.IncidentID)
	}
	if svcs := env.Client.Incident.GetX(sys, inc.ID).QueryServices().IDsX(sys); len(svcs) != 1 || svcs[0] != w.svc.ID {
		t.Fatalf("the alert's service is affected, got %v", svcs)
	}
	m := env.Client.IncidentMember.Query().Where(incidentmember.IncidentID(inc.ID)).OnlyX(sys)
	if m.UserID != w.rui.ID || m.Role != incidentmember.RoleCOMMANDER {
		t.Fatalf("the declarer is commander, got %+v", m)
	}
	// The alert's CREATED event, from before the declaration, joins the timeline.
	want := []string{"CREATED/INTERNAL", "INCIDENT_DECLARED/STAKEHOLDER", "ROLE_ASSIGNED/INTERNAL", "ALERT_LINKED/INTERNAL"}
	if got := eventKinds(incidentEvents(t, sys, inc.ID)); !sameStrings(got, want) {
		t.Fatalf("timeline: want %v, got %v", want, got)
	}
	if len(w.announced.declared) != 1 || w.announced.declared[0] != inc.ID {
		t.Fatalf("the announcer hears of the declaration once, got %v", w.announced.declared)
	}
	other := w.declare(t, incident.Declaration{Title: "Other", ServiceIDs: []int{w.svc.ID}})
	if _, err := w.inc.LinkAlerts(w.asRui, incident.UserActor(w.rui), other.ID, []int{c.ID}); fieldOf(err) != "alertIDs" {
		t.Fatalf("an alert in another incident is refused naming alertIDs, got %v", err)
	}
}

func TestDeclareFailureChangesNothingAndAnnouncesNothing(t *testing.T) {
	w := newWorld(t)
	_, err := w.inc.Declare(w.asRui, incident.UserActor(w.rui), incident.Declaration{Title: "x", ServiceIDs: []int{w.svc.ID}, CommanderID: w.sam.ID})
	if fieldOf(err) != "commanderID" {
		t.Fatalf("a stakeholder cannot command: want commanderID, got %v", err)
	}
	if n := env.Client.Incident.Query().CountX(sys); n != 0 || len(w.announced.declared) != 0 {
		t.Fatalf("nothing is declared or announced, got %d incidents, %v", n, w.announced.declared)
	}
}

func fieldOf(err error) string {
	var inv *incident.InvalidError
	if errors.As(err, &inv) {
		return inv.Field
	}
	return ""
}

func TestBadInputNamesTheField(t *testing.T) {
	w := newWorld(t)
	inc := w.declare(t, incident.Declaration{Title: "Base", ServiceIDs: []int{w.svc.ID}})
	by := incident.UserActor(w.rui)
	long := string(make([]rune, 501))
	cases := []struct {
		name, field string
		do          func() error
	}{
		{"empty title", "title", func() error { _, err := w.inc.Declare(w.asRui, by, incident.Declaration{Title: "  "}); return err }},
		{"long title", "title", func() error { _, err := w.inc.Declare(w.asRui, by, incident.Declaration{Title: long}); return err }},
		{"bad severity", "severity", func() error {
			_, err := w.inc.Declare(w.asRui, by, incident.Declaration{Title: "t", Severity: "SEV9"})
			return err
		}},
		{"missing service", "serviceIDs", func() error {
			_, err := w.inc.Declare(w.asRui, by, incident.Declaration{Title: "t", ServiceIDs: []int{12345}})
			return err
		}},
		{"missing alert", "alertIDs", func() error {
			_, err := w.inc.Declare(w.asRui, by, incident.Declaration{Title: "t", AlertIDs: []int{12345}})
			return err
		}},
		{"no alerts to link", "alertIDs", func() error { _, err := w.inc.LinkAlerts(w.asRui, by, inc.ID, nil); return err }},
		{"severity", "severity", func() error { _, err := w.inc.SetSeverity(w.asRui, by, inc.ID, "P1"); return err }},
		{"status", "status", func() error { _, err := w.inc.SetStatus(w.asRui, by, inc.ID, "DONE"); return err }},
		{"role", "role", func() error {
			_, err := w.inc.AssignRole(w.asRui, by, inc.ID, w.ana.ID, incidentmember.RoleRESPONDER)
			return err
		}},
		{"unknown user", "userID", func() error {
			_, err := w.inc.AssignRole(w.asRui, by, inc.ID, 999, incidentmember.RoleCOMMS_LEAD)
			return err
		}},
		{"stakeholder responder", "userID", func() error { _, err := w.inc.AddResponder(w.asRui, by, inc.ID, w.sam.ID); return err }},
		{"unknown stakeholder", "userID", func() error { _, err := w.inc.AddStakeholder(w.asRui, by, inc.ID, 999); return err }},
		{"not a stakeholder", "userID", func() error { _, err := w.inc.RemoveStakeholder(w.asRui, by, inc.ID, w.ana.ID); return err }},
		{"empty note", "note", func() error { _, err := w.inc.AddNote(w.asRui, by, inc.ID, " "); return err }},
		{"empty update", "message", func() error {
			_, err := w.inc.PostStatusUpdate(w.asRui, by, inc.ID, incident.Update{Status: "IDENTIFIED", Audience: "PUBLIC"})
			return err
		}},
		{"update audience", "audience", func() error {
			_, err := w.inc.PostStatusUpdate(w.asRui, by, inc.ID, incident.Update{Message: "m", Status: "IDENTIFIED", Audience: "ALL"})
			return err
		}},
		{"cadence", "updateCadenceMinutes", func() error {
			_, err := incident.UpdateSeverityLevel(sys, env.Client, entincident.SeveritySEV1, incident.SeverityChange{CadenceMinutes: ptr(-5)})
			return err
		}},
	}
	before := len(incidentEvents(t, sys, inc.ID))
	for _, c := range cases {
		if got := fieldOf(c.do()); got != c.field {
			t.Errorf("%s: want an InvalidError naming %q, got %q", c.name, c.field, got)
		}
	}
	if after := len(incidentEvents(t, sys, inc.ID)); after != before {
		t.Fatalf("bad input changes nothing: the timeline grew from %d to %d events", before, after)
	}
	if n := env.Client.Incident.Query().CountX(sys); n != 1 {
		t.Fatalf("no incident was declared by bad input, got %d", n)
	}
}

func ptr[T any](v T) *T { return &v }

func TestUpdateCadence(t *testing.T) {
	w := newWorld(t)
	by := incident.UserActor(w.rui)
	inc := w.declare(t, incident.Declaration{Title: "Slow", Severity: entincident.SeveritySEV3, ServiceIDs: []int{w.svc.ID}})
	due := func() *time.Time { return env.Client.Incident.GetX(sys, inc.ID).NextUpdateDueAt }
	at := func(d time.Duration) time.Time { return w.now.Add(d) }
	start := w.now
	if d := due(); d == nil || !d.Equal(at(120*time.Minute)) {
		t.Fatalf("SEV3: due 120 min after declaring, got %v", d)
	}

	w.now = start.Add(20 * time.Minute)
	post := func(audience statusupdate.Audience, st entincident.Status) {
		t.Helper()
		if _, err := w.inc.PostStatusUpdate(w.asRui, by, inc.ID, incident.Update{Message: "news", Status: st, Audience: audience}); err != nil {
			t.Fatal(err)
		}
	}
	post(statusupdate.AudienceINTERNAL, entincident.StatusINVESTIGATING)
	if d := due(); !d.Equal(start.Add(120 * time.Minute)) {
		t.Fatalf("an internal update owes stakeholders nothing: due stays, got %v", d)
	}
	post(statusupdate.AudienceSTAKEHOLDER, entincident.StatusIDENTIFIED)
	if d := due(); !d.Equal(w.now.Add(120 * time.Minute)) {
		t.Fatalf("a stakeholder update restarts the cadence at now+120 min, got %v", d)
	}
	if got := env.Client.Incident.GetX(sys, inc.ID).Status; got != entincident.StatusIDENTIFIED {
		t.Fatalf("the update sets the status, got %v", got)
	}

	w.now = start.Add(30 * time.Minute)
	if _, err := w.inc.SetSeverity(w.asRui, by, inc.ID, entincident.SeveritySEV1); err != nil {
		t.Fatal(err)
	}
	if d := due(); !d.Equal(start.Add(50 * time.Minute)) {
		t.Fatalf("SEV1 counts 30 min from the last stakeholder update (at +20 min): want +50 min, got %v", d)
	}
	if _, err := w.inc.SetSeverity(w.asRui, by, inc.ID, entincident.SeveritySEV4); err != nil {
		t.Fatal(err)
	}
	if d := due(); d != nil {
		t.Fatalf("SEV4 has no cadence, got %v", d)
	}
	if _, err := incident.UpdateSeverityLevel(viewer.ForUser(context.Background(), 1, viewer.RoleAdmin), env.Client,
		entincident.SeveritySEV4, incident.SeverityChange{CadenceMinutes: ptr(240)}); err != nil {
		t.Fatal(err)
	}
	post(statusupdate.AudiencePUBLIC, entincident.StatusMONITORING)
	if d := due(); d == nil || !d.Equal(w.now.Add(240*time.Minute)) {
		t.Fatalf("an admin's cadence of 240 min applies, got %v", d)
	}

	post(statusupdate.AudiencePUBLIC, entincident.StatusRESOLVED)
	got := env.Client.Incident.GetX(sys, inc.ID)
	if got.NextUpdateDueAt != nil || got.ResolvedAt == nil || !got.ResolvedAt.Equal(w.now) {
		t.Fatalf("resolving clears the due time and sets resolved_at, got %v %v", got.NextUpdateDueAt, got.ResolvedAt)
	}
	if _, err := w.inc.SetStatus(w.asRui, by, inc.ID, entincident.StatusMONITORING); fieldOf(err) != "status" {
		t.Fatalf("a resolved incident reopens only as INVESTIGATING, got %v", err)
	}
	w.now = start.Add(3 * time.Hour)
	if _, err := w.inc.SetStatus(w.asRui, by, inc.ID, entincident.StatusINVESTIGATING); err != nil {
		t.Fatal(err)
	}
	got = env.Client.Incident.GetX(sys, inc.ID)
	if got.ResolvedAt != nil || got.NextUpdateDueAt == nil || !got.NextUpdateDueAt.Equal(w.now.Add(240*time.Minute)) {
		t.Fatalf("reopening clears resolved_at and owes an update one cadence on, got %v %v", got.ResolvedAt, got.NextUpdateDueAt)
	}
	if len(w.announced.updates) != 4 {
		t.Fatalf("the announcer hears of each of the 4 updates, got %v", w.announced.updates)
	}
}

func TestCommanderAndCommsLeadHaveOneHolder(t *testing.T) {
	w := newWorld(t)
	by := incident.UserActor(w.rui)
	inc := w.declare(t, incident.Declaration{Title: "Roles", ServiceIDs: []int{w.svc.ID}})
	for _, step := range []struct {
		user int
		role incidentmember.Role
	}{{w.ana.ID, incidentmember.RoleCOMMANDER}, {w.rui.ID, incidentmember.RoleCOMMS_LEAD}, {w.ana.ID, incidentmember.RoleCOMMS_LEAD}} {
		if _, err := w.inc.AssignRole(w.asRui, by, inc.ID, step.user, step.role); err != nil {
			t.Fatal(err)
		}
	}
	holders := map[incidentmember.Role][]int{}
	for _, m := range env.Client.IncidentMember.Query().Where(incidentmember.IncidentID(inc.ID)).AllX(sys) {
		holders[m.Role] = append(holders[m.Role], m.UserID)
	}
	if c, l := holders[incidentmember.RoleCOMMANDER], holders[incidentmember.RoleCOMMS_LEAD]; len(c) != 1 || c[0] != w.ana.ID || len(l) != 1 || l[0] != w.ana.ID {
		t.Fatalf("assigning replaces: want Ana as commander and comms lead, got %v", holders)
	}
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.IncidentID(inc.ID), timelineevent.Kind(incident.KindRoleAssigned)).
		Order(ent.Desc(timelineevent.FieldID)).FirstX(sys)
	if ev.Data["replaced"] != "Rui" || ev.Visibility != timelineevent.VisibilityINTERNAL {
		t.Fatalf("the event names who was replaced and is internal, got %v %v", ev.Data, ev.Visibility)
	}
	if _, err := w.inc.AssignRole(w.asRui, by, inc.ID, w.ana.ID, incidentmember.RoleCOMMANDER); !isStateErr(err) {
		t.Fatalf("assigning the holder again is a state error, got %v", err)
	}
}

func isStateErr(err error) bool {
	var st *incident.StateError
	return errors.As(err, &st)
}

func TestAddResponderPagesExactlyThemThroughAnAlert(t *testing.T) {
	w := newWorld(t)
	inc := w.declare(t, incident.Declaration{Title: "DB on fire", Severity: entincident.SeveritySEV1, ServiceIDs: []int{w.svc.ID}})
	if _, err := w.inc.AddResponder(w.asRui, incident.UserActor(w.rui), inc.ID, w.ana.ID); err != nil {
		t.Fatal(err)
	}
	a := env.Client.Alert.Query().Where(alert.IncidentID(inc.ID)).OnlyX(sys)
	if a.Message != "Responder requested: DB on fire" || a.PageUserID == nil || *a.PageUserID != w.ana.ID ||
		a.ServiceID != w.svc.ID || a.Priority != alert.PriorityP1 || a.EscalationDueAt == nil {
		t.Fatalf("want a P1 alert paging Ana on the affected service, got %+v", a)
	}
	if n := w.pager.opened.Load(); n != 1 {
		t.Fatalf("the paging engine is woken once, got %d", n)
	}
	if in := env.Client.IncidentMember.Query().Where(incidentmember.IncidentID(inc.ID), incidentmember.UserID(w.ana.ID),
		incidentmember.RoleEQ(incidentmember.RoleRESPONDER)).ExistX(sys); !in {
		t.Fatal("Ana is a responder")
	}
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.IncidentID(inc.ID), timelineevent.Kind(incident.KindResponderAdded)).OnlyX(sys)
	if ev.Data["alert_id"] != float64(a.ID) || ev.ActorName != "Rui" {
		t.Fatalf("the timeline names the page's alert and who asked, got %v by %q", ev.Data, ev.ActorName)
	}
	if _, err := w.inc.AddResponder(w.asRui, incident.UserActor(w.rui), inc.ID, w.ana.ID); !isStateErr(err) || w.pager.opened.Load() != 1 {
		t.Fatalf("adding her twice is refused and pages nobody, got %v", err)
	}
}

func TestStakeholderChangesNothing(t *testing.T) {
	w := newWorld(t)
	inc := w.declare(t, incident.Declaration{Title: "Read only", ServiceIDs: []int{w.svc.ID}})
	c, _ := w.alerts.Create(sys, tool, incident.NewAlert{ServiceID: w.svc.ID, Message: "m"})
	by := incident.UserActor(w.sam)
	ctx := w.asSam
	ops := map[string]func() error{
		"declare": func() error {
			_, err := w.inc.Declare(ctx, by, incident.Declaration{Title: "x", ServiceIDs: []int{w.svc.ID}})
			return err
		},
		"link":     func() error { _, err := w.inc.LinkAlerts(ctx, by, inc.ID, []int{c.ID}); return err },
		"severity": func() error { _, err := w.inc.SetSeverity(ctx, by, inc.ID, entincident.SeveritySEV1); return err },
		"status":   func() error { _, err := w.inc.SetStatus(ctx, by, inc.ID, entincident.StatusRESOLVED); return err },
		"role": func() error {
			_, err := w.inc.AssignRole(ctx, by, inc.ID, w.ana.ID, incidentmember.RoleCOMMANDER)
			return err
		},
		"responder":   func() error { _, err := w.inc.AddResponder(ctx, by, inc.ID, w.ana.ID); return err },
		"stakeholder": func() error { _, err := w.inc.AddStakeholder(ctx, by, inc.ID, w.sam.ID); return err },
		"unfollow":    func() error { _, err := w.inc.RemoveStakeholder(ctx, by, inc.ID, w.sam.ID); return err },
		"note":        func() error { _, err := w.inc.AddNote(ctx, by, inc.ID, "hi"); return err },
		"services":    func() error { _, err := w.inc.AddServices(ctx, by, inc.ID, []int{w.svc.ID}); return err },
		"update": func() error {
			_, err := w.inc.PostStatusUpdate(ctx, by, inc.ID, incident.Update{Message: "m", Status: "IDENTIFIED", Audience: "PUBLIC"})
			return err
		},
		"severity level": func() error {
			_, err := incident.UpdateSeverityLevel(ctx, env.Client, entincident.SeveritySEV1, incident.SeverityChange{CadenceMinutes: ptr(5)})
			return err
		},
	}
	before := len(incidentEvents(t, sys, inc.ID))
	for name, op := range ops {
		if err := op(); !errors.Is(err, privacy.Deny) {
			t.Errorf("%s as a stakeholder: want privacy.Deny, got %v", name, err)
		}
	}
	if after := len(incidentEvents(t, sys, inc.ID)); after != before || env.Client.Incident.Query().CountX(sys) != 1 {
		t.Fatalf("a stakeholder changed something: %d → %d events", before, after)
	}
}

func TestStakeholderReadsOnlyStakeholderAndPublicUpdatesAndEvents(t *testing.T) {
	w := newWorld(t)
	by := incident.UserActor(w.rui)
	inc := w.declare(t, incident.Declaration{Title: "Visibility", ServiceIDs: []int{w.svc.ID}})
	for _, a := range []statusupdate.Audience{statusupdate.AudienceINTERNAL, statusupdate.AudienceSTAKEHOLDER, statusupdate.AudiencePUBLIC} {
		if _, err := w.inc.PostStatusUpdate(w.asRui, by, inc.ID, incident.Update{Message: string(a), Status: "INVESTIGATING", Audience: a}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.inc.AddNote(w.asRui, by, inc.ID, "secret"); err != nil {
		t.Fatal(err)
	}
	ups := env.Client.StatusUpdate.Query().Where(statusupdate.IncidentID(inc.ID)).Order(ent.Asc(statusupdate.FieldID)).AllX(w.asSam)
	if len(ups) != 2 || ups[0].Message != "STAKEHOLDER" || ups[1].Message != "PUBLIC" {
		t.Fatalf("a stakeholder reads the stakeholder and public updates only, got %d", len(ups))
	}
	want := []string{"INCIDENT_DECLARED/STAKEHOLDER", "STATUS_UPDATE/STAKEHOLDER", "STATUS_UPDATE/PUBLIC"}
	if got := eventKinds(incidentEvents(t, w.asSam, inc.ID)); !sameStrings(got, want) {
		t.Fatalf("a stakeholder's timeline: want %v, got %v", want, got)
	}
	if n := len(incidentEvents(t, w.asRui, inc.ID)); n != 6 {
		t.Fatalf("a responder sees all 6 events, got %d", n)
	}
	if n := env.Client.StatusUpdate.Query().Where(statusupdate.IncidentID(inc.ID)).CountX(w.asRui); n != 3 {
		t.Fatalf("a responder reads all 3 updates, got %d", n)
	}
}

func TestStakeholdersFollowAndUnfollow(t *testing.T) {
	w := newWorld(t)
	by := incident.UserActor(w.rui)
	inc := w.declare(t, incident.Declaration{Title: "Followers", ServiceIDs: []int{w.svc.ID}})
	for _, u := range []*ent.User{w.sam, w.ana} {
		if _, err := w.inc.AddStakeholder(w.asRui, by, inc.ID, u.ID); err != nil {
			t.Fatalf("any role may follow: %v", err)
		}
	}
	if _, err := w.inc.AddStakeholder(w.asRui, by, inc.ID, w.sam.ID); !isStateErr(err) {
		t.Fatalf("following twice is a state error, got %v", err)
	}
	if _, err := w.inc.RemoveStakeholder(w.asRui, by, inc.ID, w.sam.ID); err != nil {
		t.Fatal(err)
	}
	left := env.Client.IncidentMember.Query().Where(incidentmember.IncidentID(inc.ID), incidentmember.RoleEQ(incidentmember.RoleSTAKEHOLDER)).AllX(sys)
	if len(left) != 1 || left[0].UserID != w.ana.ID {
		t.Fatalf("Ana still follows, Sam not, got %+v", left)
	}
}

// Services become affected after the declaration too: new ones are added
// and named on the (stakeholder-visible) timeline, known ones change
// nothing, and a missing one is refused naming serviceIDs.
func TestAddServicesAfterTheDeclaration(t *testing.T) {
	w := newWorld(t)
	inc := w.declare(t, incident.Declaration{Title: "Scratch"})
	other := env.Client.Service.Create().SetName("Payments").SetTeamID(w.svc.TeamID).SaveX(sys)
	if _, err := w.inc.AddServices(w.asRui, incident.UserActor(w.rui), inc.ID, []int{w.svc.ID, other.ID, w.svc.ID}); err != nil {
		t.Fatal(err)
	}
	if got := env.Client.Incident.GetX(sys, inc.ID).QueryServices().IDsX(sys); len(got) != 2 {
		t.Fatalf("want both services affected, got %v", got)
	}
	before := len(incidentEvents(t, sys, inc.ID))
	if _, err := w.inc.AddServices(w.asRui, incident.UserActor(w.rui), inc.ID, []int{other.ID}); err != nil {
		t.Fatal(err)
	}
	if after := len(incidentEvents(t, sys, inc.ID)); after != before {
		t.Fatalf("adding an affected service again writes nothing: %d → %d events", before, after)
	}
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.IncidentID(inc.ID), timelineevent.Kind(incident.KindServicesAdded)).OnlyX(sys)
	if ev.Visibility != timelineevent.VisibilitySTAKEHOLDER || fmt.Sprint(ev.Data["services"]) != fmt.Sprint([]any{w.svc.Name, "Payments"}) {
		t.Fatalf("SERVICES_ADDED: want stakeholder-visible naming both, got %s %v", ev.Visibility, ev.Data)
	}
	if _, err := w.inc.AddServices(w.asRui, incident.UserActor(w.rui), inc.ID, []int{999999}); fieldOf(err) != "serviceIDs" {
		t.Fatalf("a missing service: want an error naming serviceIDs, got %v", err)
	}
	if _, err := w.inc.AddServices(w.asRui, incident.UserActor(w.rui), inc.ID, nil); fieldOf(err) != "serviceIDs" {
		t.Fatalf("no services: want an error naming serviceIDs, got %v", err)
	}
}

// A mistaken affected service can be removed, named on the stakeholder
// timeline; a service with an alert linked to the incident stays, and
// the refusal names serviceIDs and changes nothing.
func TestRemoveServicesKeepsThoseWithLinkedAlerts(t *testing.T) {
	w := newWorld(t)
	c, err := w.alerts.Create(sys, incident.SystemActor("test"), incident.NewAlert{ServiceID: w.svc.ID, Message: "Checkout 5xx"})
	if err != nil {
		t.Fatal(err)
	}
	inc := w.declare(t, incident.Declaration{Title: "Checkout", AlertIDs: []int{c.ID}})
	other := env.Client.Service.Create().SetName("Payments").SetTeamID(w.svc.TeamID).SaveX(sys)
	if _, err := w.inc.AddServices(w.asRui, incident.UserActor(w.rui), inc.ID, []int{other.ID}); err != nil {
		t.Fatal(err)
	}
	before := len(incidentEvents(t, sys, inc.ID))
	if _, err := w.inc.RemoveServices(w.asRui, incident.UserActor(w.rui), inc.ID, []int{w.svc.ID, other.ID}); fieldOf(err) != "serviceIDs" ||
		!strings.Contains(err.Error(), "linked to this incident") {
		t.Fatalf("removing the linked alert's service: want an error naming serviceIDs, got %v", err)
	}
	if n := len(env.Client.Incident.GetX(sys, inc.ID).QueryServices().IDsX(sys)); n != 2 || len(incidentEvents(t, sys, inc.ID)) != before {
		t.Fatalf("a refused removal changes nothing: %d services, %d events (before %d)", n, len(incidentEvents(t, sys, inc.ID)), before)
	}
	if _, err := w.inc.RemoveServices(w.asSam, incident.UserActor(w.sam), inc.ID, []int{other.ID}); !errors.Is(err, privacy.Deny) {
		t.Fatalf("a stakeholder removes: want denied, got %v", err)
	}
	if _, err := w.inc.RemoveServices(w.asRui, incident.UserActor(w.rui), inc.ID, []int{other.ID}); err != nil {
		t.Fatal(err)
	}
	if got := env.Client.Incident.GetX(sys, inc.ID).QueryServices().IDsX(sys); len(got) != 1 || got[0] != w.svc.ID {
		t.Fatalf("want only the linked alert's service left, got %v", got)
	}
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.IncidentID(inc.ID), timelineevent.Kind(incident.KindServicesRemoved)).OnlyX(sys)
	if ev.Visibility != timelineevent.VisibilitySTAKEHOLDER || fmt.Sprint(ev.Data["services"]) != "[Payments]" {
		t.Fatalf("SERVICES_REMOVED: want stakeholder-visible naming Payments, got %s %v", ev.Visibility, ev.Data)
	}
	after := len(incidentEvents(t, sys, inc.ID))
	if _, err := w.inc.RemoveServices(w.asRui, incident.UserActor(w.rui), inc.ID, []int{other.ID}); err != nil || len(incidentEvents(t, sys, inc.ID)) != after {
		t.Fatalf("removing a service that is not affected: want nothing written, got %v", err)
	}
}

// An alert linked by mistake leaves the incident: ALERT_UNLINKED on both
// timelines, its later events are the alert's alone, its service stays
// affected; an alert of another incident, a missing one and a responder's
// page are refused naming alertIDs, changing nothing; stakeholders may not.
func TestUnlinkAlertsTakesThemOutButKeepsHistory(t *testing.T) {
	w := newWorld(t)
	c, err := w.alerts.Create(sys, incident.SystemActor("test"), incident.NewAlert{ServiceID: w.svc.ID, Message: "Disk full"})
	if err != nil {
		t.Fatal(err)
	}
	inc := w.declare(t, incident.Declaration{Title: "Checkout", AlertIDs: []int{c.ID}})
	other := w.declare(t, incident.Declaration{Title: "Other", ServiceIDs: []int{w.svc.ID}})
	if _, err := w.inc.AddResponder(w.asRui, incident.UserActor(w.rui), inc.ID, w.ana.ID); err != nil {
		t.Fatal(err)
	}
	page := env.Client.Alert.Query().Where(alert.PageUserIDNotNil()).OnlyX(sys)
	before := len(incidentEvents(t, sys, inc.ID))
	if _, err := w.inc.UnlinkAlerts(w.asRui, incident.UserActor(w.rui), inc.ID, []int{page.ID}); fieldOf(err) != "alertIDs" {
		t.Fatalf("a responder's page: want an error naming alertIDs, got %v", err)
	}
	if _, err := w.inc.UnlinkAlerts(w.asRui, incident.UserActor(w.rui), inc.ID, []int{c.ID, 999999}); fieldOf(err) != "alertIDs" {
		t.Fatalf("a missing alert: want an error naming alertIDs, got %v", err)
	}
	if _, err := w.inc.UnlinkAlerts(w.asRui, incident.UserActor(w.rui), other.ID, []int{c.ID}); fieldOf(err) != "alertIDs" {
		t.Fatalf("an alert of another incident: want an error naming alertIDs, got %v", err)
	}
	if _, err := w.inc.UnlinkAlerts(w.asRui, incident.UserActor(w.rui), inc.ID, nil); fieldOf(err) != "alertIDs" {
		t.Fatalf("no alerts: want an error naming alertIDs, got %v", err)
	}
	if _, err := w.inc.UnlinkAlerts(w.asSam, incident.UserActor(w.sam), inc.ID, []int{c.ID}); !errors.Is(err, privacy.Deny) {
		t.Fatalf("a stakeholder unlinks: want denied, got %v", err)
	}
	if a := env.Client.Alert.GetX(sys, c.ID); a.IncidentID == nil || len(incidentEvents(t, sys, inc.ID)) != before {
		t.Fatalf("refusals change nothing")
	}
	if _, err := w.inc.UnlinkAlerts(w.asRui, incident.UserActor(w.rui), inc.ID, []int{c.ID}); err != nil {
		t.Fatal(err)
	}
	if a := env.Client.Alert.GetX(sys, c.ID); a.IncidentID != nil {
		t.Fatalf("the alert is still in incident %d", *a.IncidentID)
	}
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.Kind(incident.KindAlertUnlinked)).OnlyX(sys)
	if ev.IncidentID == nil || *ev.IncidentID != inc.ID || ev.AlertID == nil || *ev.AlertID != c.ID {
		t.Fatalf("ALERT_UNLINKED must be on both timelines, got incident %v alert %v", ev.IncidentID, ev.AlertID)
	}
	// History stays; what the alert does next is its own.
	if n := len(incidentEvents(t, sys, inc.ID)); n != before+1 {
		t.Fatalf("the incident's timeline: want its %d events plus ALERT_UNLINKED, got %d", before, n)
	}
	if a := env.Client.Alert.GetX(sys, page.ID); a.IncidentID == nil {
		t.Fatalf("the responder's page left the incident with the other alert")
	}
	if _, err := w.alerts.Acknowledge(w.asRui, incident.UserActor(w.rui), c.ID, "mine"); err != nil {
		t.Fatal(err)
	}
	if n := len(incidentEvents(t, sys, inc.ID)); n != before+1 {
		t.Fatalf("an acknowledge after the unlink joined the incident's timeline (%d events)", n)
	}
	if got := env.Client.Incident.GetX(sys, inc.ID).QueryServices().IDsX(sys); len(got) != 1 {
		t.Fatalf("the service stays affected until removed, got %v", got)
	}
}
