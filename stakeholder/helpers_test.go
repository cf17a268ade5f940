package stakeholder_test

import (
	"context"
	"io"
	"mime/quotedprintable"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/internal/fakefcm"
	"github.com/tocsin/tocsin/internal/smtptest"
	"github.com/tocsin/tocsin/internal/testenv"
	mobilepush "github.com/tocsin/tocsin/mobile-push"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/stakeholder"
	"github.com/tocsin/tocsin/viewer"
	"github.com/tocsin/tocsin/worker"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "stakeholder", &env)) }

// announcer is incident.Announcer as package incident declares it; the
// test keeps its own copy so this package builds on its own.
type announcer interface {
	IncidentDeclared(ctx context.Context, incidentID int)
	StatusUpdatePosted(ctx context.Context, updateID int)
	ServicesAffected(ctx context.Context, eventID int)
}

var _ announcer = (*stakeholder.Stakeholders)(nil)

var sys = viewer.System(context.Background())

// world is a clean database with people, services and a running worker
// that sends through a real SMTP server and a fake FCM.
type world struct {
	s                            *stakeholder.Stakeholders
	offset                       atomic.Int64 // the clock's lead over the real time
	wk                           *worker.Worker
	smtp                         *smtptest.Server
	fcm                          *fakefcm.Server
	admin, responder, alice, bob *ent.User
	api, web                     *ent.Service
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := newStoppedWorld(t)
	w.start(t)
	return w
}

// newStoppedWorld is a world whose worker is not running yet (start):
// tasks queued meanwhile wait in Redis, where a test can lose them.
func newStoppedWorld(t *testing.T) *world {
	t.Helper()
	env.Truncate(t)
	w := &world{smtp: smtptest.Start(t), fcm: fakefcm.Start(t, "tocsin-test")}
	mailer, err := notify.NewMailer(w.smtp.URL, "Tocsin <tocsin@test.local>")
	if err != nil {
		t.Fatal(err)
	}
	push, err := mobilepush.New(context.Background(), mobilepush.Config{Credentials: w.fcm.Credentials(), Endpoint: w.fcm.URL + "/v1"})
	if err != nil {
		t.Fatal(err)
	}
	q := asynq.NewClientFromRedisClient(env.Redis)
	w.s = &stakeholder.Stakeholders{Client: env.Client, Queue: q, Mailer: mailer, Push: push, BaseURL: "http://tocsin.test",
		Now: func() time.Time { return time.Now().Add(time.Duration(w.offset.Load())) }, SweepGrace: time.Second}
	// No DB: the tests sweep themselves (w.sweep), when they mean to.
	w.wk = worker.New(env.Redis, worker.Options{
		Concurrency: 4, Queues: map[string]int{"critical": 6, "default": 3, "low": 1},
		TaskCheckInterval: 50 * time.Millisecond, DelayedTaskCheckInterval: 100 * time.Millisecond,
	}, worker.Deps{Client: env.Client, Stakeholders: w.s})

	mk := func(email, name string, r viewer.Role) *ent.User {
		return env.Client.User.Create().SetEmail(email).SetName(name).SetRole(r).SetTimeZone("Europe/Berlin").SaveX(sys)
	}
	w.admin = mk("admin@x.io", "Ada Admin", viewer.RoleAdmin)
	w.responder = mk("resp@x.io", "Rita Responder", viewer.RoleResponder)
	w.alice = mk("alice@x.io", "Alice Account", viewer.RoleStakeholder)
	w.bob = mk("bob@x.io", "Bob Board", viewer.RoleStakeholder)
	team := env.Client.Team.Create().SetName("Core").SaveX(sys)
	w.api = env.Client.Service.Create().SetName("Checkout API").SetTeam(team).SaveX(sys)
	w.web = env.Client.Service.Create().SetName("Website").SetTeam(team).SaveX(sys)
	return w
}

// start runs the worker until the test ends.
func (w *world) start(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- w.wk.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
}

// skip moves the world's clock d ahead.
func (w *world) skip(d time.Duration) { w.offset.Add(int64(d)) }

// sweep runs the announcement sweep once, as the worker holding its lock
// would, and returns how many announcements and messages it queued.
func (w *world) sweep(t *testing.T) (announcements, messages int) {
	t.Helper()
	a, m, err := w.s.Sweep(context.Background())
	if err != nil {
		t.Fatalf("sweep: %v", err)
	}
	return a, m
}

func as(u *ent.User) context.Context { return viewer.ForUser(context.Background(), u.ID, u.Role) }

// declare makes an incident on the services, as package incident would,
// and announces it.
func (w *world) declare(t *testing.T, title string, services ...*ent.Service) *ent.Incident {
	t.Helper()
	due := time.Now().Add(30 * time.Minute)
	inc := env.Client.Incident.Create().SetTitle(title).SetSeverity("SEV1").AddServices(services...).
		SetNextUpdateDueAt(due).SaveX(sys)
	w.s.IncidentDeclared(context.Background(), inc.ID)
	return inc
}

// post adds a status update by the responder and announces it.
func (w *world) post(t *testing.T, inc *ent.Incident, audience statusupdate.Audience, msg string) *ent.StatusUpdate {
	t.Helper()
	u := env.Client.StatusUpdate.Create().SetIncidentID(inc.ID).SetMessage(msg).
		SetStatus(statusupdate.StatusIDENTIFIED).SetAudience(audience).
		SetAuthorID(w.responder.ID).SetAuthorName(w.responder.Name).SaveX(sys)
	w.s.StatusUpdatePosted(context.Background(), u.ID)
	return u
}

// device gives u a verified push device.
func device(t *testing.T, u *ent.User, token string) {
	t.Helper()
	env.Client.ContactMethod.Create().SetUserID(u.ID).SetKind(contactmethod.KindPUSH).SetName(u.Name + "'s phone").
		SetAddress(token).SetVerifiedAt(time.Now()).ExecX(sys)
}

// mails collects the emails that arrive within d, by recipient.
func (w *world) mails(d time.Duration) map[string][]string {
	out := map[string][]string{}
	deadline := time.After(d)
	for {
		select {
		case m := <-w.smtp.Messages:
			out[m.To[0]] = append(out[m.To[0]], decodeQP(m.Data))
		case <-deadline:
			return out
		}
	}
}

func decodeQP(raw string) string {
	b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(raw)))
	if err != nil {
		return raw
	}
	return string(b)
}

func mustContain(t *testing.T, what, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("%s: want %q in it, got:\n%s", what, p, text)
		}
	}
}

func inspector() *asynq.Inspector { return asynq.NewInspectorFromRedisClient(env.Redis) }

func itoa(n int) string { return strconv.Itoa(n) }
