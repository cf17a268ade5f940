package incident_test

import (
	"context"
	"errors"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "incident", &env)) }

var sys = viewer.System(context.Background())

func setup(t *testing.T) (*incident.Alerts, *ent.Service, *ent.User) {
	t.Helper()
	env.Truncate(t)
	team := env.Client.Team.Create().SetName("T").SaveX(sys)
	svc := env.Client.Service.Create().SetName("S").SetTeam(team).SaveX(sys)
	u := env.Client.User.Create().SetEmail("r@x.io").SetName("Rui").SetRole(viewer.RoleResponder).SaveX(sys)
	return incident.New(env.Client, env.DB), svc, u
}

var tool = incident.IntegrationActor(0, "Prometheus")

func kinds(t *testing.T, alertID int) []string {
	t.Helper()
	evs := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(alertID)).Order(ent.Asc(timelineevent.FieldID)).AllX(sys)
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.Kind
	}
	return out
}

func TestRepeatBumpsCountAndDoesNotPageAgain(t *testing.T) {
	s, svc, _ := setup(t)
	n := incident.NewAlert{ServiceID: svc.ID, Alias: "disk-full", Message: "Disk full", Priority: "P2"}
	first, err := s.Create(sys, tool, n)
	if err != nil || first.Deduplicated {
		t.Fatalf("first create: %+v %v", first, err)
	}
	n.Message = "Disk full again"
	second, err := s.Create(sys, tool, n)
	if err != nil || !second.Deduplicated || second.ID != first.ID || second.Count != 2 {
		t.Fatalf("repeat: want the same alert with count 2, got %+v %v", second, err)
	}
	if a := env.Client.Alert.GetX(sys, first.ID); a.Message != "Disk full" || a.EscalationDueAt == nil {
		t.Fatalf("a repeat keeps the message (Opsgenie semantics) and the alert stays due for paging, got %q %v", a.Message, a.EscalationDueAt)
	}
	third, _ := s.Create(sys, tool, n) // within the debounce: folded into one entry
	want := []string{incident.KindCreated, incident.KindDeduplicated}
	if got := kinds(t, first.ID); len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("timeline: want %v, got %v", want, got)
	}
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(first.ID), timelineevent.Kind(incident.KindDeduplicated)).OnlyX(sys)
	if ev.Data["repeats"] != 2.0 || ev.Data["count"] != 3.0 || ev.Data["last_message"] != "Disk full again" || third.Count != 3 {
		t.Fatalf("the folded entry counts both repeats: %v (third %+v)", ev.Data, third)
	}
	other, err := s.Create(sys, tool, incident.NewAlert{ServiceID: svc.ID, Alias: "other", Message: "m"})
	if err != nil || other.ID != first.ID+1 {
		t.Fatalf("repeats must not use up alert ids: the next alert after %d got %+v %v", first.ID, other, err)
	}
}

// countingPager counts the alerts whose paging was started.
type countingPager struct {
	incident.PendingPager
	opened atomic.Int32
}

func (p *countingPager) Opened(context.Context, int, time.Time) { p.opened.Add(1) }

func TestCloseFreesTheAlias(t *testing.T) {
	s, svc, _ := setup(t)
	n := incident.NewAlert{ServiceID: svc.ID, Alias: "a", Message: "m"}
	first, _ := s.Create(sys, tool, n)
	if _, err := s.Close(sys, tool, first.ID, "fixed"); err != nil {
		t.Fatal(err)
	}
	again, err := s.Create(sys, tool, n)
	if err != nil || again.Deduplicated || again.ID == first.ID || again.Count != 1 {
		t.Fatalf("after close the alias opens a new alert with count 1, got %+v %v", again, err)
	}
	if _, err := s.Close(sys, tool, first.ID, ""); !isState(err, "Alert is already closed") {
		t.Fatalf("closing twice: want a StateError, got %v", err)
	}
}

func TestConcurrentCreatesOpenOneAlert(t *testing.T) {
	s, svc, _ := setup(t)
	pager := &countingPager{}
	s.Pager = pager
	const n = 24
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.Create(sys, tool, incident.NewAlert{ServiceID: svc.ID, Alias: "storm", Message: "m"})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent create: %v", err)
		}
	}
	all := env.Client.Alert.Query().Where(alert.Alias("storm")).AllX(sys)
	if len(all) != 1 || all[0].Count != n {
		t.Fatalf("want one alert with count %d, got %d alerts (first count %d)", n, len(all), all[0].Count)
	}
	if got := pager.opened.Load(); got != 1 {
		t.Fatalf("paging must start once, started %d times", got)
	}

}

func TestLifecycle(t *testing.T) {
	s, svc, u := setup(t)
	by := incident.UserActor(u)
	ctx := viewer.ForUser(context.Background(), u.ID, u.Role)
	c, _ := s.Create(sys, tool, incident.NewAlert{ServiceID: svc.ID, Alias: "x", Message: "m", Note: "from the runbook"})
	id := c.ID
	if a := env.Client.Alert.GetX(sys, id); a.EscalationDueAt == nil {
		t.Fatal("a new alert is due for paging")
	}
	a, err := s.Acknowledge(ctx, by, id, "on it")
	if err != nil || a.Status != alert.StatusACKED || a.AcknowledgedByID == nil || *a.AcknowledgedByID != u.ID || a.EscalationDueAt != nil {
		t.Fatalf("ack: %+v %v", a, err)
	}
	if _, err := s.Acknowledge(ctx, by, id, ""); !isState(err, "Alert is already acknowledged") {
		t.Fatalf("second ack: %v", err)
	}
	if a, err = s.Unacknowledge(ctx, by, id, ""); err != nil || a.Status != alert.StatusOPEN || a.AcknowledgedByID != nil || a.EscalationDueAt == nil {
		t.Fatalf("unack: %+v %v", a, err)
	}
	if _, err = s.Snooze(ctx, by, id, time.Now().Add(-time.Minute), ""); !isInvalid(err, "until") {
		t.Fatalf("snooze into the past: %v", err)
	}
	// A week at most: a snooze to 9999 silenced an alert for good.
	for _, far := range []time.Time{time.Now().Add(incident.MaxSnooze + time.Minute), time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)} {
		if _, err = s.Snooze(ctx, by, id, far, ""); !isInvalid(err, "until") {
			t.Fatalf("snooze to %s: want an invalid until, got %v", far, err)
		}
	}
	if a := env.Client.Alert.GetX(sys, id); a.SnoozedUntil != nil {
		t.Fatalf("a refused snooze changed the alert: snoozed until %v", a.SnoozedUntil)
	}
	until := time.Now().Add(time.Hour)
	if a, err = s.Snooze(ctx, by, id, until, ""); err != nil || a.SnoozedUntil == nil || a.EscalationDueAt == nil || a.EscalationDueAt.Sub(until).Abs() > time.Millisecond {
		t.Fatalf("snooze: %+v %v", a, err)
	}
	if _, err = s.AddNote(ctx, by, id, "  "); !isInvalid(err, "note") {
		t.Fatalf("empty note: %v", err)
	}
	if _, err = s.AddNote(ctx, by, id, "restarted the pod"); err != nil {
		t.Fatal(err)
	}
	if a, err = s.Assign(ctx, by, id, u.ID, ""); err != nil || *a.OwnerID != u.ID {
		t.Fatalf("assign: %v", err)
	}
	if _, err = s.SetPriority(ctx, by, id, "P9"); !isInvalid(err, "priority") {
		t.Fatalf("P9: %v", err)
	}
	if a, err = s.SetPriority(ctx, by, id, "p1"); err != nil || a.Priority != alert.PriorityP1 {
		t.Fatalf("priority: %v", err)
	}
	if _, err = s.SetMessage(ctx, by, id, "new message"); err != nil {
		t.Fatal(err)
	}
	if _, err = s.SetDescription(ctx, by, id, "details"); err != nil {
		t.Fatal(err)
	}
	if _, err = s.EscalateNow(ctx, by, id, ""); err != nil {
		t.Fatal(err)
	}
	if a, err = s.Close(ctx, by, id, "done"); err != nil || a.Status != alert.StatusCLOSED || *a.ClosedByID != u.ID || a.EscalationDueAt != nil {
		t.Fatalf("close: %v", err)
	}
	want := []string{"CREATED", "NOTE_ADDED", "ACKNOWLEDGED", "UNACKNOWLEDGED",
		"SNOOZED", "NOTE_ADDED", "ASSIGNED", "PRIORITY_CHANGED", "MESSAGE_CHANGED", "DESCRIPTION_CHANGED", "ESCALATED", "CLOSED"}
	got := kinds(t, id)
	if len(got) != len(want) {
		t.Fatalf("timeline:\nwant %v\ngot  %v", want, got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("timeline:\nwant %v\ngot  %v", want, got)
		}
	}
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(id), timelineevent.Kind("ACKNOWLEDGED")).OnlyX(sys)
	if ev.ActorType != timelineevent.ActorTypeUSER || ev.ActorID == nil || *ev.ActorID != u.ID || ev.Data["note"] != "on it" {
		t.Fatalf("ack event carries the actor and note: %+v", ev)
	}
}

func TestMaintenanceWindowRecordsButDoesNotPage(t *testing.T) {
	s, svc, _ := setup(t)
	env.Client.MaintenanceWindow.Create().SetServiceID(svc.ID).SetStartsAt(time.Now().Add(-time.Hour)).
		SetEndsAt(time.Now().Add(time.Hour)).SetReason("upgrade").ExecX(sys)
	c, err := s.Create(sys, tool, incident.NewAlert{ServiceID: svc.ID, Alias: "m", Message: "m"})
	if err != nil || !c.InMaintenance {
		t.Fatalf("want an alert marked in maintenance, got %+v %v", c, err)
	}
	if a := env.Client.Alert.GetX(sys, c.ID); !a.InMaintenance || a.EscalationDueAt != nil {
		t.Fatalf("an alert in maintenance is not due for paging: %+v", a)
	}
	got := kinds(t, c.ID)
	if len(got) != 2 || got[1] != incident.KindInMaintenance {
		t.Fatalf("want CREATED, IN_MAINTENANCE and no paging, got %v", got)
	}
}

func TestFindByIDTinyAndAlias(t *testing.T) {
	s, svc, _ := setup(t)
	c, _ := s.Create(sys, tool, incident.NewAlert{ServiceID: svc.ID, Alias: "web/checkout down", Message: "m"})
	for _, tc := range []struct{ ident, typ string }{
		{itoa(c.ID), "id"}, {itoa(c.ID), ""}, {itoa(incident.TinyID(c.ID)), "tiny"}, {"web/checkout down", "alias"},
	} {
		a, err := s.Find(sys, svc.ID, tc.ident, tc.typ)
		if err != nil || a.ID != c.ID {
			t.Errorf("Find(%q, %q): %v %v", tc.ident, tc.typ, a, err)
		}
	}
	if _, err := s.Find(sys, svc.ID, "nope", "alias"); !errors.Is(err, incident.ErrNotFound) {
		t.Fatalf("unknown alias: want ErrNotFound, got %v", err)
	}
	if _, err := s.Find(sys, svc.ID+1, itoa(c.ID), "id"); !errors.Is(err, incident.ErrNotFound) {
		t.Fatalf("another service's alert must not be found, got %v", err)
	}
}

func TestValidation(t *testing.T) {
	s, svc, _ := setup(t)
	long := make([]byte, 51)
	for i := range long {
		long[i] = 'x'
	}
	for _, tc := range []struct {
		n     incident.NewAlert
		field string
	}{
		{incident.NewAlert{ServiceID: svc.ID}, "message"},
		{incident.NewAlert{ServiceID: svc.ID, Message: "m", Priority: "P9"}, "priority"},
		{incident.NewAlert{ServiceID: svc.ID, Message: "m", Tags: []string{string(long)}}, "tags"},
	} {
		if _, err := s.Create(sys, tool, tc.n); !isInvalid(err, tc.field) {
			t.Errorf("%+v: want InvalidError on %s, got %v", tc.n, tc.field, err)
		}
	}
	if n := env.Client.Alert.Query().CountX(sys); n != 0 {
		t.Fatalf("rejected alerts must store nothing, found %d", n)
	}
}

func TestStakeholdersCannotChangeAlerts(t *testing.T) {
	s, svc, _ := setup(t)
	st := env.Client.User.Create().SetEmail("s@x.io").SetName("Sam").SetRole(viewer.RoleStakeholder).SaveX(sys)
	c, _ := s.Create(sys, tool, incident.NewAlert{ServiceID: svc.ID, Alias: "a", Message: "m"})
	ctx := viewer.ForUser(context.Background(), st.ID, st.Role)
	if _, err := s.Acknowledge(ctx, incident.UserActor(st), c.ID, ""); !errors.Is(err, privacy.Deny) {
		t.Fatalf("stakeholder ack: want privacy.Deny, got %v", err)
	}
	if _, err := s.Create(ctx, incident.UserActor(st), incident.NewAlert{ServiceID: svc.ID, Message: "m"}); !errors.Is(err, privacy.Deny) {
		t.Fatalf("stakeholder create: want privacy.Deny, got %v", err)
	}
}

func isState(err error, reason string) bool {
	var se *incident.StateError
	return errors.As(err, &se) && se.Reason == reason
}

func isInvalid(err error, field string) bool {
	var ie *incident.InvalidError
	return errors.As(err, &ie) && ie.Field == field
}

func itoa(i int) string { return strconv.Itoa(i) }
