// Package live fans events out to many in-process subscribers (websocket
// subscriptions) through Redis pub/sub, so every `tocsin serve` replica sees
// the events of every other process.
//
// Guarantees and limits:
//   - one Redis connection and one PSUBSCRIBE (on Prefix+"*") per Broker,
//     whatever the number of subscribers; Publish uses the ordinary client;
//   - Publish never waits for Redis once the Broker is started: messages
//     queue in the process and one sender pipelines them, in Publish order
//     (so the commit that published them — a page's step, say — goes on at
//     once, and many messages cost one round trip);
//   - messages of one publisher on one topic arrive in publish order (one
//     sender, and Redis pub/sub keeps order per connection);
//   - the Broker never waits for a subscriber: each has a bounded buffer.
//     When it is full, further messages for that subscriber are dropped and
//     coalesced into one Resync message, delivered as soon as there is room;
//   - when the Redis connection breaks, messages published meanwhile are
//     lost (pub/sub keeps nothing); after it is back, every subscriber gets
//     a Resync message.
//
// A Resync tells the subscriber "you may have missed messages": it reloads
// what it shows from PostgreSQL (the source of truth), e.g. the timeline
// events after the last one it sent. Payloads are therefore small (ids), not
// copies of facts.
package live

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"
)

// DefaultPrefix is the Redis channel prefix of Tocsin's live events.
const DefaultPrefix = "tocsin:live:"

// DefaultBuffer is how many messages a subscriber may lag behind before
// its messages are coalesced into a Resync.
const DefaultBuffer = 64

// Message is one event on a topic, or a Resync marker.
type Message struct {
	Topic   string
	Payload []byte
	// Resync means messages may have been missed before this one (a slow
	// subscriber, or a Redis reconnect): reload from the source of truth.
	Resync bool
	// Seq numbers the messages this Broker received from Redis, from 1 in
	// arrival order (0 on a Resync). Subscribers handed one message see
	// the same Seq, so the work a message causes can be shared by them.
	Seq uint64
}

// Broker holds the process's one Redis subscription and its subscribers.
type Broker struct {
	rdb    *redis.Client
	prefix string
	buffer int

	mu       sync.RWMutex
	topics   map[string]map[*Subscription]struct{}
	handlers map[string][]func(Message)

	ready  chan struct{}
	cancel context.CancelFunc
	done   chan struct{}
	// Reconnects counts Redis reconnects seen (for tests and metrics).
	reconnects atomic.Int64
	seq        uint64 // the last Message.Seq; only run touches it
	// out queues what Publish is asked to send, for send (nil before Start).
	out  chan outgoing
	sent chan struct{} // closed when send has sent what was queued at Close
}

// outgoing is one message waiting for the sender.
type outgoing struct {
	channel string
	payload []byte
}

// Publish queue sizes: what one pipeline carries at most, and how many
// messages may wait before Publish waits for room.
const (
	sendBatch = 256
	sendQueue = 8192
)

// New returns a Broker on rdb; call Start before use.
func New(rdb *redis.Client) *Broker {
	return &Broker{rdb: rdb, prefix: DefaultPrefix, buffer: DefaultBuffer,
		topics: map[string]map[*Subscription]struct{}{}, handlers: map[string][]func(Message){},
		ready: make(chan struct{}), done: make(chan struct{})}
}

// WithBuffer sets the per-subscriber buffer (before Start).
func (b *Broker) WithBuffer(n int) *Broker {
	if n > 0 {
		b.buffer = n
	}
	return b
}

// Start subscribes to Redis and waits (up to ctx) until the subscription is
// confirmed; the Broker then runs until Close.
func (b *Broker) Start(ctx context.Context) error {
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	b.cancel = cancel
	ps := b.rdb.PSubscribe(runCtx, b.prefix+"*")
	// A blocked Receive does not watch its context: closing ps ends it.
	context.AfterFunc(runCtx, func() { ps.Close() })
	go b.run(runCtx, ps)
	b.out, b.sent = make(chan outgoing, sendQueue), make(chan struct{})
	go b.send(runCtx)
	select {
	case <-b.ready:
		return nil
	case <-ctx.Done():
		b.Close()
		return ctx.Err()
	}
}

// Close ends the Redis subscription and closes every subscriber's channel.
func (b *Broker) Close() {
	if b.cancel == nil {
		return
	}
	b.cancel()
	<-b.done
	<-b.sent
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, subs := range b.topics {
		for s := range subs {
			s.closeLocked()
		}
	}
	b.topics = map[string]map[*Subscription]struct{}{}
}

// Reconnects is how many times the Redis subscription was re-established.
func (b *Broker) Reconnects() int64 { return b.reconnects.Load() }

// Publish sends payload to every subscriber of topic in every process.
// Once the Broker is started it queues the message and returns (it waits
// only while sendQueue messages are waiting already); a failure to send is
// logged, since subscribers resync from PostgreSQL anyway.
func (b *Broker) Publish(ctx context.Context, topic string, payload []byte) error {
	if b.out == nil {
		return b.rdb.Publish(ctx, b.prefix+topic, payload).Err()
	}
	select {
	case b.out <- outgoing{b.prefix + topic, payload}:
		return nil
	case <-b.sent:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
}

// send pipelines queued messages to Redis until ctx ends, then sends what
// is still queued (for at most a second).
func (b *Broker) send(ctx context.Context) {
	defer close(b.sent)
	batch := make([]outgoing, 0, sendBatch)
	flush := func(ctx context.Context) {
		_, err := b.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
			for _, m := range batch {
				p.Publish(ctx, m.channel, m.payload)
			}
			return nil
		})
		if err != nil {
			slog.WarnContext(ctx, "live: publishing failed", "messages", len(batch), "err", err)
		}
		batch = batch[:0]
	}
	for {
		select {
		case m := <-b.out:
			batch = append(batch, m)
		more:
			for len(batch) < sendBatch {
				select {
				case m := <-b.out:
					batch = append(batch, m)
				default:
					break more
				}
			}
			flush(ctx)
		case <-ctx.Done():
			last, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
			defer cancel()
			for {
				select {
				case m := <-b.out:
					if batch = append(batch, m); len(batch) == sendBatch {
						flush(last)
					}
				default:
					if len(batch) > 0 {
						flush(last)
					}
					return
				}
			}
		}
	}
}

// run reads the Redis subscription until ctx ends. go-redis reconnects a
// broken pub/sub connection on the next Receive and subscribes again; each
// confirmation after the first means messages may have been lost.
func (b *Broker) run(ctx context.Context, ps *redis.PubSub) {
	defer close(b.done)
	defer ps.Close()
	go b.ping(ctx, ps)
	subscribed, broken := false, false
	backoff := 50 * time.Millisecond
	for {
		msg, err := ps.Receive(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			if !broken {
				slog.Warn("live: Redis subscription broken; reconnecting", "err", err)
			}
			broken = true
			select {
			case <-ctx.Done():
				return
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, 2*time.Second)
			continue
		}
		switch m := msg.(type) {
		case *redis.Subscription:
			if m.Kind != "psubscribe" {
				continue
			}
			if !subscribed {
				subscribed = true
				close(b.ready)
			} else {
				b.reconnects.Add(1)
				slog.Info("live: Redis subscription back; subscribers resync")
				b.resyncAll()
			}
			broken, backoff = false, 50*time.Millisecond
		case *redis.Message:
			b.dispatch(strings.TrimPrefix(m.Channel, b.prefix), []byte(m.Payload))
		}
	}
}

// ping keeps a silent connection honest (a dead one fails the ping, and
// the reader sees the error and reconnects), and hands owed Resync messages
// to subscribers that have made room since, when no new message did.
func (b *Broker) ping(ctx context.Context, ps *redis.PubSub) {
	owed := time.NewTicker(200 * time.Millisecond)
	defer owed.Stop()
	t := time.NewTicker(10 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-owed.C:
			b.mu.RLock()
			for _, subs := range b.topics {
				for s := range subs {
					s.payOwed()
				}
			}
			b.mu.RUnlock()
		case <-t.C:
			_ = ps.Ping(ctx)
		}
	}
}

func (b *Broker) dispatch(topic string, payload []byte) {
	b.seq++
	m := Message{Topic: topic, Payload: payload, Seq: b.seq}
	b.mu.RLock()
	defer b.mu.RUnlock()
	for _, h := range b.handlers[topic] {
		h(m)
	}
	for s := range b.topics[topic] {
		s.offer(m)
	}
}

func (b *Broker) resyncAll() {
	b.mu.RLock()
	defer b.mu.RUnlock()
	for topic, hs := range b.handlers {
		for _, h := range hs {
			h(Message{Topic: topic, Resync: true})
		}
	}
	for _, subs := range b.topics {
		for s := range subs {
			s.lose()
		}
	}
}

// ErrClosed is returned by Subscribe on a closed Broker.
var ErrClosed = errors.New("live: broker closed")

// Subscribe registers a subscriber to topic. Read C until it is closed
// (Close, or the Broker closed); call Close when done.
func (b *Broker) Subscribe(topic string) (*Subscription, error) {
	select {
	case <-b.done:
		return nil, ErrClosed
	default:
	}
	s := &Subscription{b: b, topic: topic, c: make(chan Message, b.buffer)}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.topics[topic] == nil {
		b.topics[topic] = map[*Subscription]struct{}{}
	}
	b.topics[topic][s] = struct{}{}
	return s, nil
}

// Handle calls fn with each message of topic, and with a Resync after a
// Redis reconnect, on the Broker's one reading goroutine: a message is
// handled before any later message reaches a subscriber, which is what
// lets a revocation close sockets before an event announced after it is
// sent on them. fn must not block (hand slow work to a goroutine).
func (b *Broker) Handle(topic string, fn func(Message)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.handlers[topic] = append(b.handlers[topic], fn)
}
