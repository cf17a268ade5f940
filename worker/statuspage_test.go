package worker_test

import (
	"context"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/announcement"
	"github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/internal/smtptest"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/statuspage"
	"github.com/tocsin/tocsin/viewer"
	"github.com/tocsin/tocsin/worker"
)

// TestStatusPageEmailsLostWithRedisAreSweptAndSentOnce: a PUBLIC update
// is committed and its task queued, Redis is flushed before a worker runs
// it; the announcement sweep queues it again and the subscriber gets one
// email, however often the sweep runs.
func TestStatusPageEmailsLostWithRedisAreSweptAndSentOnce(t *testing.T) {
	env.Truncate(t)
	ctx := context.Background()
	sys := viewer.System(ctx)
	smtp := smtptest.Start(t)
	mailer, err := notify.NewMailer(smtp.URL, "Acme status <status@acme.test>")
	if err != nil {
		t.Fatal(err)
	}
	subs := &statuspage.Subscriptions{Client: env.Client, Mailer: mailer, BaseURL: "https://tocsin.test", Secret: []byte("test-secret")}
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	api := env.Client.Service.Create().SetName("API").SetTeam(team).SaveX(sys)
	page := env.Client.StatusPage.Create().SetSlug("acme").SetTitle("Acme status").SetPublic(true).SaveX(sys)
	env.Client.StatusComponent.Create().SetPageID(page.ID).SetName("API").SetServiceID(api.ID).ExecX(sys)
	env.Client.StatusSubscriber.Create().SetPageID(page.ID).SetEmail("reader@example.com").SetConfirmedAt(time.Now()).
		SetConfirmTokenHash([]byte("c")).SetUnsubscribeTokenHash([]byte("u")).ExecX(sys)
	inc := env.Client.Incident.Create().SetTitle("API errors").SetSeverity(incident.SeveritySEV2).AddServices(api).SaveX(sys)
	// Posted two minutes ago: past the sweep's grace.
	up := env.Client.StatusUpdate.Create().SetIncidentID(inc.ID).SetMessage("We are investigating.").
		SetStatus(statusupdate.StatusINVESTIGATING).SetAudience(statusupdate.AudiencePUBLIC).
		SetCreatedAt(time.Now().Add(-2 * time.Minute)).SaveX(sys)
	worker.StatusPageAnnouncer{Queue: worker.NewClient(env.Redis)}.StatusUpdatePosted(ctx, up.ID)
	if err := env.Redis.FlushDB(ctx).Err(); err != nil {
		t.Fatal(err)
	}

	w := worker.New(env.Redis, worker.Options{
		Concurrency: 2, Queues: map[string]int{"critical": 6, "default": 3, "low": 1},
		TaskCheckInterval: 50 * time.Millisecond, DelayedTaskCheckInterval: 100 * time.Millisecond,
	}, worker.Deps{Client: env.Client, StatusPages: subs})
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error)
	go func() { done <- w.Run(runCtx) }()
	defer func() { cancel(); <-done }()

	select {
	case m := <-smtp.Messages:
		t.Fatalf("the flushed task still ran: an email to %v", m.To)
	case <-time.After(time.Second):
	}
	if n, err := w.SweepAnnouncements(ctx); err != nil || n != 1 {
		t.Fatalf("want the sweep to queue the one lost update, got %d %v", n, err)
	}
	if m := smtp.Next(t, 5*time.Second); m.To[0] != "reader@example.com" {
		t.Fatalf("want the update emailed to reader@example.com, got %v", m.To)
	}
	// The task marks the update announced after the send.
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if env.Client.Announcement.Query().Where(announcement.EventEQ(announcement.EventPUBLIC), announcement.EventID(up.ID)).ExistX(sys) {
			break
		}
	}
	if n, err := w.SweepAnnouncements(ctx); err != nil || n != 0 {
		t.Fatalf("once emailed, want the sweep to queue nothing, got %d %v", n, err)
	}
	select {
	case m := <-smtp.Messages:
		t.Fatalf("want one email, got another to %v", m.To)
	case <-time.After(time.Second):
	}
}
