package stakeholder_test

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent/stakeholdermessage"
	"github.com/tocsin/tocsin/ent/stakeholderpreference"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/stakeholder"
)

// expectOne waits for the emails and pushes of a notification and checks
// that alice got exactly one of each, on her device.
func (w *world) expectOne(t *testing.T, what string, wait time.Duration) map[string][]string {
	t.Helper()
	got := w.mails(wait)
	if len(got) != 1 || len(got["alice@x.io"]) != 1 {
		t.Fatalf("%s: want exactly one email, to alice, got %v", what, got)
	}
	sends := w.fcm.Sends()
	if len(sends) != 1 || sends[0].Message["token"] != "alice-phone" {
		t.Fatalf("%s: want exactly one push, to alice's phone, got %d: %v", what, len(sends), sends)
	}
	return got
}

// expectNothingMore checks that no further email or push arrives.
func (w *world) expectNothingMore(t *testing.T, what string, pushes int) {
	t.Helper()
	if got := w.mails(1500 * time.Millisecond); len(got) != 0 {
		t.Fatalf("%s: want no more email, got %v", what, got)
	}
	if n := len(w.fcm.Sends()); n != pushes {
		t.Fatalf("%s: want still %d push(es), got %d", what, pushes, n)
	}
}

func TestRedisFlushedBeforeTheAnnouncementRanStillTellsEachFollowerOnce(t *testing.T) {
	w := newStoppedWorld(t)
	w.s.SubscribeToService(as(w.alice), w.api.ID)
	device(t, w.alice, "alice-phone")
	w.declare(t, "Checkout down", w.api) // committed, and its announcement queued
	if err := env.Redis.FlushDB(context.Background()).Err(); err != nil {
		t.Fatal(err)
	}
	if a, _ := w.sweep(t); a != 0 {
		t.Fatalf("within the grace the sweep leaves the announcement to its task, but queued %d", a)
	}
	w.start(t)
	if got := w.mails(1500 * time.Millisecond); len(got) != 0 {
		t.Fatalf("the flushed announcement still ran: %v", got)
	}
	w.skip(2 * time.Second)
	if a, m := w.sweep(t); a != 1 || m != 0 {
		t.Fatalf("want the sweep to queue the one lost announcement, got %d announcements and %d messages", a, m)
	}
	got := w.expectOne(t, "after the sweep", 5*time.Second)
	mustContain(t, "swept email", got["alice@x.io"][0], "Subject: New incident: Checkout down")

	w.skip(time.Minute)
	if a, m := w.sweep(t); a != 0 || m != 0 {
		t.Fatalf("once told, the sweep must queue nothing, got %d announcements and %d messages", a, m)
	}
	w.expectNothingMore(t, "after sweeping again", 1)
}

func TestRedisFlushedAfterTheFanOutStillTellsEachFollowerOnce(t *testing.T) {
	w := newStoppedWorld(t)
	w.s.SubscribeToService(as(w.alice), w.api.ID)
	device(t, w.alice, "alice-phone")
	inc := w.declare(t, "Search slow", w.api)
	w.post(t, inc, statusupdate.AudienceSTAKEHOLDER, "A fix is rolling out.")
	// The worker's fan-outs ran (the messages are planned, their tasks
	// queued), then Redis lost everything.
	for _, e := range []stakeholder.Event{{Kind: stakeholder.EventDeclared, ID: inc.ID},
		{Kind: stakeholder.EventUpdate, ID: updateOf(t, inc.ID)}} {
		if err := w.s.HandleAnnounce(context.Background(), task(t, stakeholder.TypeAnnounce, e)); err != nil {
			t.Fatal(err)
		}
	}
	if err := env.Redis.FlushDB(context.Background()).Err(); err != nil {
		t.Fatal(err)
	}
	w.start(t)
	w.skip(2 * time.Second)
	if a, m := w.sweep(t); a != 0 || m != 2 {
		t.Fatalf("want the sweep to queue the 2 planned messages (the fan-outs were done), got %d announcements and %d messages", a, m)
	}
	got := w.mails(5 * time.Second)
	if len(got["alice@x.io"]) != 2 || len(w.fcm.Sends()) != 2 {
		t.Fatalf("want alice told twice (the incident, the update), once each by email and push; got %v and %d pushes", got, len(w.fcm.Sends()))
	}
	w.skip(time.Minute)
	if a, m := w.sweep(t); a+m != 0 {
		t.Fatalf("once told, the sweep must queue nothing, got %d announcements and %d messages", a, m)
	}
	w.expectNothingMore(t, "after sweeping again", 2)
}

func TestNotifyTaskRunTwiceSendsOnce(t *testing.T) {
	w := newStoppedWorld(t)
	w.s.SubscribeToService(as(w.alice), w.api.ID)
	device(t, w.alice, "alice-phone")
	inc := w.declare(t, "Logins fail", w.api)
	if err := w.s.HandleAnnounce(context.Background(), task(t, stakeholder.TypeAnnounce,
		stakeholder.Event{Kind: stakeholder.EventDeclared, ID: inc.ID})); err != nil {
		t.Fatal(err)
	}
	// Two runs at once (a lease that expired under a slow SMTP server),
	// then the queued task itself.
	notify := task(t, stakeholder.TypeNotify, stakeholder.Event{Kind: stakeholder.EventDeclared, ID: inc.ID, UserID: w.alice.ID})
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Go(func() { errs[i] = w.s.HandleNotify(context.Background(), notify) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	w.start(t)
	w.expectOne(t, "two runs and the task", 3*time.Second)
	m := env.Client.StakeholderMessage.Query().OnlyX(sys)
	if m.SentAt == nil || m.EmailSentAt == nil || len(m.PushedDevices) != 1 {
		t.Fatalf("want the message recorded as sent by email and to one device, got %+v", m)
	}
	if err := w.s.HandleNotify(context.Background(), notify); err != nil {
		t.Fatal(err)
	}
	w.expectNothingMore(t, "a third run", 1)
}

func TestDigestWhoseTaskVanishedIsSentOnce(t *testing.T) {
	w := newWorld(t)
	w.s.SubscribeToService(as(w.alice), w.api.ID)
	device(t, w.alice, "alice-phone")
	hourly := stakeholderpreference.DigestHOURLY
	if _, err := w.s.SetPreferences(as(w.alice), stakeholder.PreferencesInput{Digest: &hourly}); err != nil {
		t.Fatal(err)
	}
	inc := w.declare(t, "Search is down", w.api)
	w.post(t, inc, statusupdate.AudienceSTAKEHOLDER, "We are on it.")
	// The fan-outs planned one digest and queued its task for the end of
	// the hour; the task vanishes.
	ins := inspector()
	var digest string
	deadline := time.Now().Add(5 * time.Second)
	for digest == "" && time.Now().Before(deadline) {
		tasks, err := ins.ListScheduledTasks(stakeholder.Queue)
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range tasks {
			if tk.Type == stakeholder.TypeDigest {
				digest = tk.ID
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	if digest == "" {
		t.Fatal("no digest task was queued")
	}
	if n := env.Client.StakeholderMessage.Query().Where(stakeholdermessage.EventEQ(stakeholdermessage.EventHOURLY_DIGEST)).CountX(sys); n != 1 {
		t.Fatalf("want one planned digest for the two events, got %d", n)
	}
	if err := ins.DeleteTask(stakeholder.Queue, digest); err != nil {
		t.Fatal(err)
	}
	if a, m := w.sweep(t); a+m != 0 {
		t.Fatalf("before the period ends the sweep must queue nothing, got %d announcements and %d messages", a, m)
	}
	w.skip(time.Until(time.Now().Truncate(time.Hour).Add(time.Hour)) + 2*time.Minute)
	if a, m := w.sweep(t); a != 0 || m != 1 {
		t.Fatalf("after the period the sweep must queue the lost digest, got %d announcements and %d messages", a, m)
	}
	got := w.expectOne(t, "the swept digest", 5*time.Second)
	mustContain(t, "digest", got["alice@x.io"][0], "Subject: Incident digest: 1 new incident(s), 1 update(s)",
		"Search is down", "We are on it.")
	if a, m := w.sweep(t); a+m != 0 {
		t.Fatalf("once sent, the sweep must queue nothing, got %d announcements and %d messages", a, m)
	}
	w.expectNothingMore(t, "after sweeping again", 1)
}

func TestSweepDoesNotMailHistory(t *testing.T) {
	w := newWorld(t)
	w.s.SubscribeToService(as(w.alice), w.api.ID)
	old := env.Client.Incident.Create().SetTitle("Yesterday's outage").SetSeverity("SEV2").AddServices(w.api).
		SetCreatedAt(time.Now().Add(-25 * time.Hour)).SaveX(sys)
	env.Client.StatusUpdate.Create().SetIncidentID(old.ID).SetMessage("Resolved.").SetStatus(statusupdate.StatusRESOLVED).
		SetAudience(statusupdate.AudiencePUBLIC).SetCreatedAt(time.Now().Add(-25 * time.Hour)).ExecX(sys)
	if a, m := w.sweep(t); a+m != 0 {
		t.Fatalf("events older than %v are history: want nothing queued, got %d announcements and %d messages", stakeholder.LookBack, a, m)
	}
	w.expectNothingMore(t, "history", 0)
}

func task(t *testing.T, typ string, payload any) *asynq.Task {
	t.Helper()
	b, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	return asynq.NewTask(typ, b)
}

func updateOf(t *testing.T, incidentID int) int {
	t.Helper()
	return env.Client.StatusUpdate.Query().Where(statusupdate.IncidentID(incidentID)).OnlyIDX(sys)
}
