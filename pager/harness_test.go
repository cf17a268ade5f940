package pager_test

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/notificationrule"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/pager"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/viewer"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "pager", &env)) }

var sys = viewer.System(context.Background())

// sent is one page a fake provider received.
type sent struct {
	Channel, To string
	Alert       int
	At          time.Duration // since the test's start
	Key         string        // the page's delivery key
}

func (s sent) String() string { return fmt.Sprintf("%s to %s at +%v", s.Channel, s.To, s.At) }

// phone is a fake provider for every channel: it records what it is handed.
type phone struct {
	mu    *sync.Mutex // the world's: phones share its list of pages
	name  string
	got   *[]sent
	clock func() time.Duration
	fail  error
	// during, if set, runs as a page is handed over, before it is taken.
	during func()
}

func (p *phone) Name() string { return p.name }

func (p *phone) Send(_ context.Context, pg notify.Page) (notify.Receipt, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fail != nil {
		return notify.Receipt{}, p.fail
	}
	if p.during != nil {
		p.during()
	}
	*p.got = append(*p.got, sent{Channel: p.name, To: pg.To, Alert: pg.AlertID, At: p.clock(), Key: pg.DeliveryKey})
	return notify.Receipt{ProviderID: fmt.Sprint(len(*p.got)), Summary: p.name + " to " + pg.To + ": sent"}, nil
}

// queued is a task in the fake queue.
type queued struct {
	task *asynq.Task
	at   time.Time
}

// queue is a fake Asynq: it keeps tasks by id, as Asynq does, and the test
// runs them when the fake clock reaches them.
type queue struct {
	mu    sync.Mutex
	tasks map[string]queued
}

func (q *queue) EnqueueContext(_ context.Context, t *asynq.Task, opts ...asynq.Option) (*asynq.TaskInfo, error) {
	var id string
	at := time.Time{}
	for _, o := range opts {
		switch o.Type() {
		case asynq.TaskIDOpt:
			id = o.Value().(string)
		case asynq.ProcessAtOpt:
			at = o.Value().(time.Time)
		}
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if _, ok := q.tasks[id]; ok {
		return nil, asynq.ErrTaskIDConflict
	}
	q.tasks[id] = queued{t, at}
	return &asynq.TaskInfo{ID: id}, nil
}

// world is one scenario: a fake clock, the engine, fake providers.
type world struct {
	t      *testing.T
	start  time.Time
	now    time.Time
	q      *queue
	eng    *pager.Engine
	alerts *incident.Alerts
	mu     sync.Mutex
	pages  []sent
	phones map[string]*phone
}

func newWorld(t *testing.T) *world {
	t.Helper()
	env.Truncate(t)
	w := &world{t: t, start: time.Date(2026, 11, 24, 3, 0, 0, 0, time.UTC), q: &queue{tasks: map[string]queued{}}, phones: map[string]*phone{}}
	w.now = w.start
	clock := func() time.Time { return w.now }
	channels := map[string]notify.Channel{}
	for _, n := range []string{"push", "sms", "voice", "email", "webhook"} {
		p := &phone{mu: &w.mu, name: n, got: &w.pages, clock: func() time.Duration { return w.now.Sub(w.start) }}
		w.phones[n] = p
		channels[n] = p
	}
	w.eng = &pager.Engine{Client: env.Client, Queue: w.q, Schedules: schedule.New(env.Client, nil), Channels: channels,
		BaseURL: "http://127.0.0.1:8080", Now: clock}
	w.eng.Schedules.Now = clock
	w.alerts = incident.New(env.Client, env.DB)
	w.alerts.Now = clock
	w.alerts.Pager = w.eng
	return w
}

// runUntil moves the clock forward, running every task as it falls due.
func (w *world) runUntil(d time.Duration) {
	w.t.Helper()
	end := w.start.Add(d)
	for {
		w.q.mu.Lock()
		var ids []string
		for id, qt := range w.q.tasks {
			if !qt.at.After(end) {
				ids = append(ids, id)
			}
		}
		sort.Slice(ids, func(i, j int) bool {
			a, b := w.q.tasks[ids[i]], w.q.tasks[ids[j]]
			if !a.at.Equal(b.at) {
				return a.at.Before(b.at)
			}
			return ids[i] < ids[j]
		})
		if len(ids) == 0 {
			w.q.mu.Unlock()
			break
		}
		qt := w.q.tasks[ids[0]]
		delete(w.q.tasks, ids[0])
		w.q.mu.Unlock()
		if qt.at.After(w.now) {
			w.now = qt.at
		}
		var err error
		switch qt.task.Type() {
		case pager.TypeStep:
			err = w.eng.HandleStep(context.Background(), qt.task)
		case pager.TypeNotify:
			err = w.eng.HandleNotify(context.Background(), qt.task)
		}
		if err != nil {
			w.t.Fatalf("task %s at +%v: %v", ids[0], w.now.Sub(w.start), err)
		}
	}
	if end.After(w.now) {
		w.now = end
	}
}

// person makes a responder with contact methods and rules: rules maps a
// contact method kind to its delay in minutes for high urgency.
func (w *world) person(name string, team *ent.Team, rules map[contactmethod.Kind]int) *ent.User {
	w.t.Helper()
	u := env.Client.User.Create().SetEmail(name + "@x.io").SetName(name).SetRole(viewer.RoleResponder).AddTeams(team).SaveX(sys)
	for kind, delay := range rules {
		cm := env.Client.ContactMethod.Create().SetUserID(u.ID).SetKind(kind).SetName(string(kind)).
			SetAddress(name + "-" + string(kind)).SetVerifiedAt(w.now).SaveX(sys)
		env.Client.NotificationRule.Create().SetUserID(u.ID).SetContactMethodID(cm.ID).
			SetUrgency(notificationrule.UrgencyHIGH).SetDelayMinutes(delay).ExecX(sys)
	}
	return u
}

// policy makes a policy of steps (targets, delay in minutes) for a new service.
func (w *world) service(team *ent.Team, repeat int, steps ...escalation.Step) *ent.Service {
	w.t.Helper()
	pol := env.Client.EscalationPolicy.Create().SetName(fmt.Sprint("P", time.Now().UnixNano())).SetRepeat(repeat).SaveX(sys)
	for i, s := range steps {
		env.Client.EscalationStep.Create().SetPolicyID(pol.ID).SetPosition(i).SetDelayMinutes(int(s.Delay / time.Minute)).
			SetTargets(s.Targets).SetKeepPaging(s.KeepPaging).ExecX(sys)
	}
	return env.Client.Service.Create().SetName(fmt.Sprint("S", time.Now().UnixNano())).SetTeam(team).SetEscalationPolicyID(pol.ID).SaveX(sys)
}

func (w *world) open(svc *ent.Service, priority string) int {
	w.t.Helper()
	c, err := w.alerts.Create(sys, incident.SystemActor("test"), incident.NewAlert{ServiceID: svc.ID, Message: "Disk full", Priority: incident.PriorityOf(priority)})
	if err != nil {
		w.t.Fatal(err)
	}
	return c.ID
}

// expect compares the pages sent with the wanted list, in order.
// instant is the offset at the end of a sent's String ("… at +5m0s").
func instant(s string) time.Duration {
	i := strings.LastIndex(s, " at +")
	if i < 0 {
		return 0
	}
	d, _ := time.ParseDuration(s[i+len(" at +"):])
	return d
}

func (w *world) expect(want ...string) {
	w.t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	// A step's pages due at one instant go out at once (sendAll), in
	// no particular order: compare them in the order of their instants,
	// by name within one.
	pages := slices.Clone(w.pages)
	slices.SortStableFunc(pages, func(a, b sent) int {
		if c := cmp.Compare(a.At, b.At); c != 0 {
			return c
		}
		return strings.Compare(a.String(), b.String())
	})
	got := make([]string, len(pages))
	for i, p := range pages {
		got[i] = p.String()
	}
	want = slices.Clone(want)
	slices.SortStableFunc(want, func(a, b string) int {
		if c := cmp.Compare(instant(a), instant(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	if fmt.Sprint(got) != fmt.Sprint(want) {
		w.t.Fatalf("pages:\nwant %q\ngot  %q", want, got)
	}
}
