package pager_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/notify"
)

// provider is an SMS provider that can be asked what it took
// (notify.Finder), and that can lose its answer or see Tocsin's database
// connection die while it holds the page.
type provider struct {
	mu    sync.Mutex
	took  []time.Time // real time of each message it took
	lists int
	// after runs once the page is taken, before Send returns.
	after func()
	// lose makes Send fail although the page was taken (a lost answer);
	// drop makes it fail before the page is taken.
	lose, drop bool
}

func (p *provider) Name() string { return "sms" }

func (p *provider) Send(_ context.Context, _ notify.Page) (notify.Receipt, error) {
	p.mu.Lock()
	after, lose, drop := p.after, p.lose, p.drop
	p.after, p.lose, p.drop = nil, false, false
	if !drop {
		p.took = append(p.took, time.Now())
	}
	p.mu.Unlock()
	if after != nil {
		after()
	}
	if drop {
		return notify.Receipt{}, notify.Temporary("sms", "", errors.New("connection reset"))
	}
	if lose {
		return notify.Receipt{}, notify.Temporary("sms", "", errors.New("timeout awaiting the answer"))
	}
	return notify.Receipt{ProviderID: "SM1", Summary: "SMS to ana: queued"}, nil
}

func (p *provider) Find(_ context.Context, _ notify.Page, from, to time.Time) (notify.Receipt, bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lists++
	for _, at := range p.took {
		if !at.Before(from) && !at.After(to) {
			return notify.Receipt{ProviderID: "SM1", Summary: "SMS to ana: delivered"}, true, nil
		}
	}
	return notify.Receipt{}, false, nil
}

func (p *provider) count() (took, lists int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.took), p.lists
}

// smsWorld is a world whose engine uses the real clock (the
// provider's records are in real time) but runs tasks by hand.
func smsWorld(t *testing.T, p *provider) (*world, int) {
	w := newWorld(t)
	real := func() time.Time { return time.Now() }
	w.eng.Now, w.alerts.Now, w.eng.Schedules.Now = real, real, real
	w.start, w.now = time.Now(), time.Now() // runUntil counts from here
	w.eng.Channels["sms"] = p
	team := env.Client.Team.Create().SetName("Platform").SaveX(sys)
	ana := w.person("ana", team, map[contactmethod.Kind]int{contactmethod.KindSMS: 0})
	svc := w.service(team, 0, escalation.Step{Targets: []escalation.Target{user(ana.ID)}})
	return w, w.open(svc, "P1")
}

// The provider took the SMS but its answer was lost (a timeout): the retry
// asks the provider, finds the message and records it as sent — ana gets
// one SMS.
func TestALostAnswerIsFoundAtTheProviderNotSentAgain(t *testing.T) {
	p := &provider{lose: true}
	w, id := smsWorld(t, p)
	w.runUntil(time.Minute) // the step fires and sends inline; the answer is lost; the notify task retries it
	if took, lists := p.count(); took != 1 || lists != 1 {
		t.Fatalf("want one SMS taken and one lookup, got %d taken, %d lookups", took, lists)
	}
	d := env.Client.Delivery.Query().Where(delivery.AlertID(id)).OnlyX(sys)
	if d.Status != delivery.StatusSENT || d.ProviderID != "SM1" {
		t.Fatalf("delivery: want SENT with the provider's id, got %s %q", d.Status, d.ProviderID)
	}
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(id), timelineevent.Kind(incident.KindPageSent)).OnlyX(sys)
	if ev.Data["found_after_restart"] != true {
		t.Fatalf("PAGE_SENT should say the page was found at the provider: %v", ev.Data)
	}
	if n := env.Client.DeliveryAttempt.Query().CountX(sys); n != 0 {
		t.Fatalf("attempt marks of a sent page are removed, %d left", n)
	}
}

// PostgreSQL loses the sending transaction while the provider holds the
// page (as when the worker is killed or the database restarts): the send
// never commits, the delivery is still PLANNED — and the next attempt
// finds the page at the provider instead of paging ana twice.
func TestAPageWhoseSendNeverCommittedIsNotSentTwice(t *testing.T) {
	p := &provider{}
	p.after = func() {
		// The sending transaction is idle while the provider works: end
		// its connection, as a killed worker's or a restarted server's.
		if _, err := env.DB.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
			WHERE datname = current_database() AND state = 'idle in transaction' AND pid <> pg_backend_pid()`); err != nil {
			t.Error(err)
		}
	}
	w, id := smsWorld(t, p)
	w.runUntil(time.Minute) // inline send: taken, commit fails; the notify task then finds it
	if took, _ := p.count(); took != 1 {
		t.Fatalf("want the SMS taken once, got %d", took)
	}
	d := env.Client.Delivery.Query().Where(delivery.AlertID(id)).OnlyX(sys)
	if d.Status != delivery.StatusSENT {
		t.Fatalf("delivery: want SENT after the lookup, got %s", d.Status)
	}
}

// The connection dies before the page reaches the provider: the lookup
// finds nothing, and the page is sent — once.
func TestAPageThatNeverReachedTheProviderIsSentAfterTheLookup(t *testing.T) {
	p := &provider{drop: true}
	p.after = func() {
		if _, err := env.DB.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
			WHERE datname = current_database() AND state = 'idle in transaction' AND pid <> pg_backend_pid()`); err != nil {
			t.Error(err)
		}
	}
	w, id := smsWorld(t, p)
	w.runUntil(time.Minute)
	if took, lists := p.count(); took != 1 || lists != 1 {
		t.Fatalf("want one lookup (nothing found) and one SMS, got %d lookups, %d taken", lists, took)
	}
	if d := env.Client.Delivery.Query().Where(delivery.AlertID(id)).OnlyX(sys); d.Status != delivery.StatusSENT {
		t.Fatalf("delivery: want SENT, got %s", d.Status)
	}
}
