package incident_test

import (
	"fmt"
	"testing"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
)

// Services become affected after the declaration by two paths, adding them
// and linking an alert of theirs; both record one stakeholder-visible
// SERVICES_ADDED event naming the new ones and announce it after commit.
// Known services, a declaration from alerts and a refused change record
// and announce nothing.
func TestServicesAffectedLaterAreRecordedAndAnnouncedOnce(t *testing.T) {
	w := newWorld(t)
	by := incident.UserActor(w.rui)
	first, err := w.alerts.Create(sys, tool, incident.NewAlert{ServiceID: w.svc.ID, Alias: "first", Message: "Checkout 5xx"})
	if err != nil {
		t.Fatal(err)
	}
	inc := w.declare(t, incident.Declaration{Title: "Checkout", AlertIDs: []int{first.ID}})
	if n := servicesAdded(t, inc.ID); len(n) != 0 || len(w.announced.affected) != 0 {
		t.Fatalf("a declaration from alerts names its services itself: want no SERVICES_ADDED, got %d events, %v announced", len(n), w.announced.affected)
	}

	payments := env.Client.Service.Create().SetName("Payments").SetTeamID(w.svc.TeamID).SaveX(sys)
	same, err := w.alerts.Create(sys, tool, incident.NewAlert{ServiceID: w.svc.ID, Alias: "same", Message: "Checkout slow"})
	if err != nil {
		t.Fatal(err)
	}
	other, err := w.alerts.Create(sys, tool, incident.NewAlert{ServiceID: payments.ID, Alias: "other", Message: "Payments 5xx"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.inc.LinkAlerts(w.asRui, by, inc.ID, []int{same.ID}); err != nil {
		t.Fatal(err)
	}
	if n := servicesAdded(t, inc.ID); len(n) != 0 || len(w.announced.affected) != 0 {
		t.Fatalf("an alert of an affected service adds none: want no SERVICES_ADDED, got %d events, %v announced", len(n), w.announced.affected)
	}
	if _, err := w.inc.LinkAlerts(w.asRui, by, inc.ID, []int{other.ID}); err != nil {
		t.Fatal(err)
	}
	evs := servicesAdded(t, inc.ID)
	if len(evs) != 1 || evs[0].Visibility != timelineevent.VisibilitySTAKEHOLDER ||
		fmt.Sprint(evs[0].Data["services"]) != "[Payments]" || fmt.Sprint(evs[0].Data["service_ids"]) != fmt.Sprint([]any{float64(payments.ID)}) {
		t.Fatalf("linking Payments' alert: want one stakeholder-visible SERVICES_ADDED naming Payments, got %+v", evs)
	}
	if fmt.Sprint(w.announced.affected) != fmt.Sprint([]int{evs[0].ID}) {
		t.Fatalf("want SERVICES_ADDED %d announced once, got %v", evs[0].ID, w.announced.affected)
	}

	// A refused link (the alert is in another incident) rolls back: no
	// event, no announcement.
	elsewhere, err := w.alerts.Create(sys, tool, incident.NewAlert{ServiceID: payments.ID, Alias: "elsewhere", Message: "m"})
	if err != nil {
		t.Fatal(err)
	}
	w.declare(t, incident.Declaration{Title: "Elsewhere", AlertIDs: []int{elsewhere.ID}})
	web := env.Client.Service.Create().SetName("Website").SetTeamID(w.svc.TeamID).SaveX(sys)
	mixed, err := w.alerts.Create(sys, tool, incident.NewAlert{ServiceID: web.ID, Alias: "mixed", Message: "m"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.inc.LinkAlerts(w.asRui, by, inc.ID, []int{mixed.ID, elsewhere.ID}); fieldOf(err) != "alertIDs" {
		t.Fatalf("linking another incident's alert: want an error naming alertIDs, got %v", err)
	}
	if n := servicesAdded(t, inc.ID); len(n) != 1 || len(w.announced.affected) != 1 {
		t.Fatalf("a refused link changes nothing: want still 1 SERVICES_ADDED and 1 announced, got %d and %v", len(n), w.announced.affected)
	}

	if _, err := w.inc.AddServices(w.asRui, by, inc.ID, []int{web.ID, payments.ID}); err != nil {
		t.Fatal(err)
	}
	evs = servicesAdded(t, inc.ID)
	if len(evs) != 2 || fmt.Sprint(evs[1].Data["services"]) != "[Website]" {
		t.Fatalf("adding Website and Payments: want a second SERVICES_ADDED naming only Website, got %+v", evs)
	}
	if fmt.Sprint(w.announced.affected) != fmt.Sprint([]int{evs[0].ID, evs[1].ID}) {
		t.Fatalf("want both SERVICES_ADDED events announced once each, got %v", w.announced.affected)
	}
}

func servicesAdded(t *testing.T, incidentID int) []*ent.TimelineEvent {
	t.Helper()
	return env.Client.TimelineEvent.Query().Where(timelineevent.IncidentID(incidentID),
		timelineevent.Kind(incident.KindServicesAdded)).Order(ent.Asc(timelineevent.FieldID)).AllX(sys)
}
