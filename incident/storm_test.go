package incident_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
)

// A storm of concurrent creates — new aliases and repeats of them racing
// each other, with request statuses, and one alert that cannot be stored —
// ends exactly as if each had been sent alone.
func TestAStormOfCreatesEndsAsIfSentOneByOne(t *testing.T) {
	s, svc, _ := setup(t)
	integ := env.Client.Integration.Create().SetServiceID(svc.ID).SetName("P").SetKind("OPSGENIE").
		SetKeyHash([]byte("h")).SetKeyPrefix("h").SaveX(sys)
	const aliases, each = 40, 5
	var wg sync.WaitGroup
	errs := make(chan error, aliases*each+1)
	for r := 0; r < each; r++ {
		for a := 0; a < aliases; a++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := s.Create(sys, tool, incident.NewAlert{
					ServiceID: svc.ID, IntegrationID: integ.ID, Alias: fmt.Sprint("a", a), Message: fmt.Sprint("m", r),
					Note: map[bool]string{true: "first note"}[r == 0], RequestID: fmt.Sprintf("req-%d-%d", a, r),
				})
				errs <- err
			}()
		}
	}
	// One alert in the storm cannot be stored: it fails alone.
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, err := s.Create(sys, tool, incident.NewAlert{ServiceID: svc.ID + 999, Alias: "nowhere", Message: "m"})
		if err == nil {
			err = fmt.Errorf("an alert for a missing service was stored")
		} else {
			err = nil
		}
		errs <- err
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	all := env.Client.Alert.Query().Where(alert.ServiceID(svc.ID)).AllX(sys)
	if len(all) != aliases {
		t.Fatalf("want %d alerts, got %d", aliases, len(all))
	}
	for _, a := range all {
		if a.Count != each || a.EscalationDueAt == nil || a.IntegrationID == nil || *a.IntegrationID != integ.ID {
			t.Fatalf("alert %s: count %d (want %d), due %v, integration %v", a.Alias, a.Count, each, a.EscalationDueAt, a.IntegrationID)
		}
		evs := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(a.ID)).Order(ent.Asc(timelineevent.FieldID)).AllX(sys)
		var kinds []string
		for _, e := range evs {
			kinds = append(kinds, e.Kind)
		}
		// The note may belong to any of the five (whichever came first).
		// Repeats racing each other may each start a DEDUPLICATED entry
		// (the statement's snapshot predates the one it waited for), but
		// together the entries count every repeat exactly once.
		repeats := 0.0
		for _, e := range evs[1:] {
			if e.Kind == incident.KindDeduplicated {
				repeats += e.Data["repeats"].(float64)
			}
		}
		if evs[0].Kind != incident.KindCreated || evs[len(evs)-1].Kind != incident.KindDeduplicated || repeats != each-1 {
			t.Fatalf("alert %s timeline: %v, repeats %v", a.Alias, kinds, repeats)
		}
	}
	statuses := map[string]int{}
	for a := 0; a < aliases; a++ {
		for r := 0; r < each; r++ {
			rs, err := s.FindRequest(sys, integ.ID, fmt.Sprintf("req-%d-%d", a, r))
			if err != nil || !rs.Success || rs.Alias != fmt.Sprint("a", a) || rs.AlertID == 0 || rs.Action != "Create" {
				t.Fatalf("request status req-%d-%d: %+v %v", a, r, rs, err)
			}
			statuses[rs.Status]++
		}
	}
	if statuses[incident.StatusCreated] != aliases || statuses[incident.StatusDeduplicated] != aliases*(each-1) {
		t.Fatalf("request statuses: %v", statuses)
	}
	if _, err := s.FindRequest(sys, integ.ID+1, "req-7-3"); err != incident.ErrNotFound {
		t.Fatalf("another integration's request: want ErrNotFound, got %v", err)
	}
}
