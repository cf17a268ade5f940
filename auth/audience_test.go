package auth_test

import (
	"context"
	"slices"
	"testing"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/viewer"
)

// TestReadAudienceDecidesWhatIsRead checks the promise the live
// fan-out relies on when it shares one read among subscribers: viewers of
// one rule.ReadAudience read exactly the same timeline events, alerts and
// incidents, and the audiences differ where the policy does (stakeholders
// never read INTERNAL events); rule.AudienceViewer, the stand-in viewer of
// a shared read, reads the same as its audience.
func TestReadAudienceDecidesWhatIsRead(t *testing.T) {
	p := setup(t)
	sys := viewer.System(context.Background())
	c := env.Client
	mk := func(email string, r viewer.Role) *ent.User {
		return c.User.Create().SetEmail(email).SetName(email).SetRole(r).SaveX(sys)
	}
	responder2, stakeholder2 := mk("r2@x.io", viewer.RoleResponder), mk("s2@x.io", viewer.RoleStakeholder)
	inc := c.Incident.Create().SetTitle("Checkout down").SaveX(sys)
	for i, vis := range []timelineevent.Visibility{timelineevent.VisibilityINTERNAL, timelineevent.VisibilitySTAKEHOLDER,
		timelineevent.VisibilityPUBLIC, timelineevent.VisibilityINTERNAL} {
		c.TimelineEvent.Create().SetIncidentID(inc.ID).SetKind("NOTE_ADDED").SetVisibility(vis).
			SetActorID([]int{p.responder.ID, responder2.ID}[i%2]).SetData(map[string]any{"note": i}).ExecX(sys)
	}
	c.Alert.Create().SetService(p.service).SetAlias("a1").SetMessage("m").ExecX(sys)
	c.Incident.Create().SetTitle("Search slow").ExecX(sys)
	read := func(ctx context.Context) []int {
		events, err := c.TimelineEvent.Query().Where(timelineevent.IncidentID(inc.ID)).
			Order(ent.Asc(timelineevent.FieldID)).IDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		alerts, err := c.Alert.Query().Order(ent.Asc(alert.FieldID)).IDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		incidents, err := c.Incident.Query().Order(ent.Asc(incident.FieldID)).IDs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(alerts) != 1 || len(incidents) != 2 {
			t.Errorf("%+v reads %d alerts and %d incidents, want 1 and 2", viewer.FromContext(ctx), len(alerts), len(incidents))
		}
		// One list: events, then -1, alerts, -1, incidents.
		return slices.Concat(events, []int{-1}, alerts, []int{-1}, incidents)
	}
	byAudience := map[string][]int{}
	for _, u := range []*ent.User{p.admin, p.responder, responder2, p.stakeholder, stakeholder2} {
		v := &viewer.Viewer{UserID: u.ID, Role: u.Role}
		got, audience := read(viewer.NewContext(context.Background(), v)), rule.ReadAudience(v)
		if want, seen := byAudience[audience]; seen && !slices.Equal(got, want) {
			t.Errorf("%s (%s) reads %v, another viewer of that audience %v", u.Email, audience, got, want)
		}
		byAudience[audience] = got
	}
	byAudience[rule.ReadAudience(viewer.FromContext(sys))] = read(sys)
	// The stand-in viewer of a shared read reads what its audience reads.
	for audience, want := range byAudience {
		v := rule.AudienceViewer(audience)
		if got := read(viewer.NewContext(context.Background(), v)); !slices.Equal(got, want) || rule.ReadAudience(v) != audience {
			t.Errorf("the stand-in of %s (%+v) reads %v, the audience %v", audience, v, got, want)
		}
	}
	if v := rule.AudienceViewer(rule.AudienceNone); v != nil {
		t.Errorf("no audience has a stand-in: %+v", v)
	}
	events := func(audience string) int { return slices.Index(byAudience[audience], -1) }
	if n := events(rule.AudienceResponders); n != 4 {
		t.Errorf("responders read %d events, want all 4", n)
	}
	if n := events(rule.AudienceSystem); n != 4 {
		t.Errorf("the system reads %d events, want all 4", n)
	}
	if n := events(rule.AudienceStakeholders); n != 2 {
		t.Errorf("stakeholders read %d events, want the 2 that are not INTERNAL", n)
	}
	if a := rule.ReadAudience(nil); a != rule.AudienceNone {
		t.Errorf("no viewer: audience %q, want none", a)
	}
}
