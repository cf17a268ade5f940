package pager_test

import (
	"context"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

// Adding a responder to an incident pages exactly that person (always at
// high urgency) — not the service's policy (Bob) — every 5 minutes, three times, until they
// acknowledge.
func TestAddedResponderIsPagedAloneUntilAcknowledged(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	bob := w.person("bob", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	lead := w.person("lead", team, nil)
	svc := w.service(team, 0, escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(bob.ID)}})
	incs := incident.NewIncidents(w.alerts)
	asLead := viewer.ForUser(context.Background(), lead.ID, viewer.RoleResponder)
	inc, err := incs.Declare(asLead, incident.UserActor(lead), incident.Declaration{Title: "Checkout down", Severity: "SEV1", ServiceIDs: []int{svc.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := incs.AddResponder(asLead, incident.UserActor(lead), inc.ID, ana.ID); err != nil {
		t.Fatal(err)
	}
	w.runUntil(7 * time.Minute)
	page := env.Client.Alert.Query().OnlyX(sys)
	if _, err := w.alerts.Acknowledge(sys, incident.UserActor(ana), page.ID, "joining"); err != nil {
		t.Fatal(err)
	}
	w.runUntil(time.Hour)
	w.expect("push to ana-PUSH at +0s", "push to ana-PUSH at +5m0s")
	// The incident's timeline has the pages too (internal), not only the alert's.
	for kind, want := range map[string]int{incident.KindStepFired: 2, incident.KindPageSent: 2} {
		n := env.Client.TimelineEvent.Query().Where(timelineevent.IncidentID(inc.ID), timelineevent.Kind(kind),
			timelineevent.VisibilityEQ(timelineevent.VisibilityINTERNAL)).CountX(sys)
		if n != want {
			t.Errorf("incident timeline: want %d internal %s events, got %d", want, kind, n)
		}
	}
}

// Unanswered, the responder's page repeats twice (three pages), then stops.
func TestAddedResponderPageRepeatsTwice(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	svc := w.service(team, 0, escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(ana.ID)}})
	incs := incident.NewIncidents(w.alerts)
	inc, err := incs.Declare(sys, incident.SystemActor("test"), incident.Declaration{Title: "Slow", Severity: "SEV2", ServiceIDs: []int{svc.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := incs.AddResponder(sys, incident.SystemActor("test"), inc.ID, ana.ID); err != nil {
		t.Fatal(err)
	}
	w.runUntil(time.Hour)
	w.expect("push to ana-PUSH at +0s", "push to ana-PUSH at +5m0s", "push to ana-PUSH at +10m0s")
}

// A responder asked to join even a SEV4 incident (P4, low urgency for
// ordinary alerts) is paged by their high-urgency rules: someone asked
// for them by name, now (as PagerDuty does). Their low-urgency email rule
// is not used.
func TestAddedResponderIsPagedAtHighUrgencyWhateverTheSeverity(t *testing.T) {
	w := newWorld(t)
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindPUSH: 0})
	email := env.Client.ContactMethod.Create().SetUserID(ana.ID).SetKind(contactmethod.KindEMAIL).SetName("mail").
		SetAddress("ana@x.io").SetVerifiedAt(w.now).SaveX(sys)
	env.Client.NotificationRule.Create().SetUserID(ana.ID).SetContactMethodID(email.ID).SetUrgency("LOW").ExecX(sys)
	svc := w.service(team, 0, escalation.Step{Delay: 5 * time.Minute, Targets: []escalation.Target{user(ana.ID)}})
	incs := incident.NewIncidents(w.alerts)
	inc, err := incs.Declare(sys, incident.SystemActor("test"), incident.Declaration{Title: "Typo on the status page", Severity: "SEV4", ServiceIDs: []int{svc.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := incs.AddResponder(sys, incident.SystemActor("test"), inc.ID, ana.ID); err != nil {
		t.Fatal(err)
	}
	w.runUntil(7 * time.Minute)
	page := env.Client.Alert.Query().OnlyX(sys)
	if _, err := w.alerts.Acknowledge(sys, incident.UserActor(ana), page.ID, "joining"); err != nil {
		t.Fatal(err)
	}
	w.runUntil(time.Hour)
	if page.Priority != "P4" {
		t.Errorf("the request's alert should keep the severity's priority P4, has %s", page.Priority)
	}
	w.expect("push to ana-PUSH at +0s", "push to ana-PUSH at +5m0s")
}
