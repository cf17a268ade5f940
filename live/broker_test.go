package live_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/internal/testenv"
	"github.com/tocsin/tocsin/live"
)

var env testenv.Env

func TestMain(m *testing.M) { os.Exit(testenv.Run(m, "live", &env)) }

// broker starts a Broker on its own Redis client named name, so a test can
// find and kill exactly its connections.
func broker(t *testing.T, name string, buffer int) *live.Broker {
	t.Helper()
	opt, err := redis.ParseURL(env.RedisURL)
	if err != nil {
		t.Fatal(err)
	}
	opt.ClientName = name
	rdb := redis.NewClient(opt)
	b := live.New(rdb).WithBuffer(buffer)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := b.Start(ctx); err != nil {
		t.Fatalf("starting broker: %v", err)
	}
	t.Cleanup(func() { b.Close(); rdb.Close() })
	return b
}

func next(t *testing.T, s *live.Subscription) live.Message {
	t.Helper()
	select {
	case m, ok := <-s.C():
		if !ok {
			t.Fatal("subscription closed, want a message")
		}
		return m
	case <-time.After(3 * time.Second):
		t.Fatal("no message within 3 s")
	}
	return live.Message{}
}

func TestEveryProcessGetsEveryMessageInOrder(t *testing.T) {
	a, b := broker(t, "live-a", 0), broker(t, "live-b", 0)
	var subs []*live.Subscription
	for _, br := range []*live.Broker{a, b, a} {
		s, err := br.Subscribe("incident:1")
		if err != nil {
			t.Fatal(err)
		}
		subs = append(subs, s)
	}
	other, _ := a.Subscribe("incident:2")
	ctx := context.Background()
	for i := range 20 {
		if err := b.Publish(ctx, "incident:1", []byte(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	for n, s := range subs {
		for i := range 20 {
			if m := next(t, s); string(m.Payload) != fmt.Sprint(i) || m.Resync || m.Topic != "incident:1" {
				t.Fatalf("subscriber %d message %d: got %+v, want payload %d on incident:1", n, i, m, i)
			}
		}
	}
	select {
	case m := <-other.C():
		t.Fatalf("subscriber of incident:2 got %+v, want nothing", m)
	case <-time.After(100 * time.Millisecond):
	}
}

func TestOneRedisSubscriptionPerProcess(t *testing.T) {
	b := broker(t, "live-count", 0)
	for i := range 500 {
		if _, err := b.Subscribe(fmt.Sprintf("topic:%d", i%7)); err != nil {
			t.Fatal(err)
		}
	}
	list, err := env.Redis.ClientList(context.Background()).Result()
	if err != nil {
		t.Fatal(err)
	}
	conns := 0
	for _, line := range strings.Split(list, "\n") {
		if strings.Contains(line, "name=live-count ") && strings.Contains(line, "psub=1") {
			conns++
		}
	}
	if conns != 1 {
		t.Fatalf("Redis connections with one PSUBSCRIBE named live-count: %d, want 1\n%s", conns, list)
	}
}

func TestSlowSubscriberIsCoalescedAndOthersAreNotHeld(t *testing.T) {
	b := broker(t, "live-slow", 4)
	slow, _ := b.Subscribe("alerts")
	fast, _ := b.Subscribe("alerts")
	ctx := context.Background()
	for i := range 50 {
		if err := b.Publish(ctx, "alerts", []byte(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
		if m := next(t, fast); string(m.Payload) != fmt.Sprint(i) {
			t.Fatalf("fast subscriber message %d: got %+v", i, m)
		}
	}
	// The slow one kept its first 4, then owes one Resync for the rest.
	for i := range 4 {
		if m := next(t, slow); string(m.Payload) != fmt.Sprint(i) {
			t.Fatalf("slow subscriber message %d: got %+v, want %d", i, m, i)
		}
	}
	if m := next(t, slow); !m.Resync {
		t.Fatalf("slow subscriber after its buffer: got %+v, want a Resync", m)
	}
	if err := b.Publish(ctx, "alerts", []byte("after")); err != nil {
		t.Fatal(err)
	}
	if m := next(t, slow); string(m.Payload) != "after" {
		t.Fatalf("slow subscriber after the Resync: got %+v, want the new message", m)
	}
}

func TestRedisReconnectMakesSubscribersResync(t *testing.T) {
	b := broker(t, "live-reconnect", 0)
	s, _ := b.Subscribe("oncall:9")
	ctx := context.Background()
	killSubscription(t, "live-reconnect")
	if m := next(t, s); !m.Resync {
		t.Fatalf("after the Redis connection was killed: got %+v, want a Resync", m)
	}
	if got := b.Reconnects(); got != 1 {
		t.Fatalf("Reconnects: %d, want 1", got)
	}
	if err := b.Publish(ctx, "oncall:9", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if m := next(t, s); string(m.Payload) != "x" {
		t.Fatalf("after reconnecting: got %+v, want the new message", m)
	}
}

// killSubscription closes, on the Redis side, the subscribed connection of
// the client named name, as a Redis restart would.
func killSubscription(t *testing.T, name string) {
	t.Helper()
	ctx := context.Background()
	list, err := env.Redis.ClientList(ctx).Result()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(list, "\n") {
		if !strings.Contains(line, "name="+name+" ") || !strings.Contains(line, "psub=1") {
			continue
		}
		for _, f := range strings.Fields(line) {
			if id, ok := strings.CutPrefix(f, "id="); ok {
				if err := env.Redis.Do(ctx, "CLIENT", "KILL", "ID", id).Err(); err != nil {
					t.Fatal(err)
				}
				return
			}
		}
	}
	t.Fatalf("no subscribed Redis connection named %s", name)
}

func TestCloseEndsSubscriptions(t *testing.T) {
	b := broker(t, "live-close", 0)
	s, _ := b.Subscribe("x")
	s.Close()
	if _, ok := <-s.C(); ok {
		t.Fatal("C still open after Close")
	}
	s2, _ := b.Subscribe("y")
	b.Close()
	if _, ok := <-s2.C(); ok {
		t.Fatal("C still open after the Broker closed")
	}
	if _, err := b.Subscribe("z"); err != live.ErrClosed {
		t.Fatalf("Subscribe after Close: %v, want ErrClosed", err)
	}
}

// A handler sees each message of its topic before a later message (of any
// topic) reaches a subscriber, and a Resync after a reconnect: what lets a
// revocation close sockets before an event announced after it is sent.
func TestHandlerSeesAMessageBeforeSubscribersSeeTheNext(t *testing.T) {
	b := broker(t, "live-handler", 0)
	handled := make(chan live.Message, 100)
	var mu sync.Mutex
	var seen []string
	b.Handle("revoked", func(m live.Message) {
		mu.Lock()
		seen = append(seen, string(m.Payload))
		mu.Unlock()
		handled <- m
	})
	s, _ := b.Subscribe("timeline:1")
	ctx := context.Background()
	for i := range 20 {
		if err := b.Publish(ctx, "revoked", []byte(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
		if err := b.Publish(ctx, "timeline:1", []byte(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 20 {
		m := next(t, s)
		mu.Lock()
		ok := len(seen) >= i+1 && seen[i] == fmt.Sprint(i)
		mu.Unlock()
		if !ok {
			t.Fatalf("event %s reached a subscriber before revocation %d was handled", m.Payload, i)
		}
	}
	for len(handled) > 0 {
		<-handled
	}
	killSubscription(t, "live-handler")
	select {
	case m := <-handled:
		if !m.Resync || m.Topic != "revoked" {
			t.Fatalf("after a reconnect the handler got %+v, want a Resync of its topic", m)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no Resync for the handler within 10 s of the reconnect")
	}
}
