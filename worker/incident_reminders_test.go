package worker_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/internal/smtptest"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/viewer"
	"github.com/tocsin/tocsin/worker"
)

// A SEV1 incident owes an update every 30 minutes: once it is late, the
// comms lead is emailed once per 30-minute overdue period, and each
// reminder is an internal UPDATE_OVERDUE event.
func TestOverdueUpdateRemindsTheCommsLeadOncePerPeriod(t *testing.T) {
	env.Truncate(t)
	smtp := smtptest.Start(t)
	mailer, err := notify.NewMailer(smtp.URL, "Tocsin <tocsin@test.local>")
	if err != nil {
		t.Fatal(err)
	}
	sys := viewer.System(context.Background())
	start := time.Date(2026, 11, 24, 3, 0, 0, 0, time.UTC)
	lead := env.Client.User.Create().SetEmail("lead@example.com").SetName("Lee").SetRole(viewer.RoleResponder).SaveX(sys)
	comms := env.Client.User.Create().SetEmail("comms@example.com").SetName("Cam").SetRole(viewer.RoleResponder).SaveX(sys)
	team := env.Client.Team.Create().SetName("Ops").SaveX(sys)
	svc := env.Client.Service.Create().SetName("Checkout").SetTeam(team).SaveX(sys)
	alerts := incident.New(env.Client, env.DB)
	alerts.Now = func() time.Time { return start }
	incs := incident.NewIncidents(alerts)
	asLead := viewer.ForUser(context.Background(), lead.ID, viewer.RoleResponder)
	inc, err := incs.Declare(asLead, incident.UserActor(lead), incident.Declaration{Title: "Checkout down", Severity: "SEV1", ServiceIDs: []int{svc.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := incs.AssignRole(asLead, incident.UserActor(lead), inc.ID, comms.ID, "COMMS_LEAD"); err != nil {
		t.Fatal(err)
	}
	w := worker.New(env.Redis, worker.Options{Concurrency: 1, Queues: map[string]int{"default": 1}},
		worker.Deps{Client: env.Client, Mailer: mailer, BaseURL: "http://tocsin.test"})

	for _, step := range []struct {
		after time.Duration
		sent  int
	}{{29 * time.Minute, 0}, {31 * time.Minute, 1}, {45 * time.Minute, 0}, {61 * time.Minute, 1}, {62 * time.Minute, 0}} {
		n, err := w.RemindOverdueUpdates(context.Background(), start.Add(step.after))
		if err != nil || n != step.sent {
			t.Fatalf("at +%v: want %d reminders, got %d %v", step.after, step.sent, n, err)
		}
		if n == 1 {
			msg := smtp.Next(t, 10*time.Second)
			if len(msg.To) != 1 || msg.To[0] != "comms@example.com" || !strings.Contains(msg.Data, "Update overdue: Checkout down") {
				t.Fatalf("at +%v: want the reminder to the comms lead, got %v\n%s", step.after, msg.To, msg.Data)
			}
		}
	}
	evs := env.Client.TimelineEvent.Query().Where(timelineevent.IncidentID(inc.ID), timelineevent.Kind(incident.KindUpdateOverdue)).AllX(sys)
	if len(evs) != 2 || evs[0].Visibility != timelineevent.VisibilityINTERNAL || evs[0].Data["reminded"] != "Cam" {
		t.Fatalf("want two internal UPDATE_OVERDUE events naming Cam, got %d %+v", len(evs), evs)
	}

	alerts.Now = func() time.Time { return start.Add(70 * time.Minute) }
	if _, err := incs.PostStatusUpdate(asLead, incident.UserActor(lead), inc.ID,
		incident.Update{Message: "Fix deployed", Status: "MONITORING", Audience: "STAKEHOLDER"}); err != nil {
		t.Fatal(err)
	}
	if n, err := w.RemindOverdueUpdates(context.Background(), start.Add(80*time.Minute)); err != nil || n != 0 {
		t.Fatalf("after a stakeholder update nothing is overdue: got %d %v", n, err)
	}
}
