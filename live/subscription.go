package live

import "sync"

// Subscription is one subscriber's view of a topic: a bounded channel that
// never makes the Broker wait.
type Subscription struct {
	b     *Broker
	topic string
	c     chan Message

	mu     sync.Mutex
	lost   bool // messages were dropped; a Resync is owed before any other
	closed bool
}

// C delivers the topic's messages in order; a Resync message stands for
// any number of dropped ones. It is closed by Close or when the Broker closes.
func (s *Subscription) C() <-chan Message { return s.c }

// Close unregisters the subscriber and closes C.
func (s *Subscription) Close() {
	s.b.mu.Lock()
	defer s.b.mu.Unlock()
	delete(s.b.topics[s.topic], s)
	if len(s.b.topics[s.topic]) == 0 {
		delete(s.b.topics, s.topic)
	}
	s.closeLocked()
}

func (s *Subscription) closeLocked() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.c)
	}
}

// offer queues m without waiting; when the buffer is full, m is dropped and
// the subscriber owes a Resync, which goes first once there is room.
func (s *Subscription) offer(m Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	if s.lost {
		select {
		case s.c <- Message{Topic: s.topic, Resync: true}:
			s.lost = false
		default:
			return
		}
	}
	select {
	case s.c <- m:
	default:
		s.lost = true
	}
}

// lose marks that messages were missed (Redis reconnect): a Resync is
// queued now, or as soon as there is room.
func (s *Subscription) lose() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	select {
	case s.c <- Message{Topic: s.topic, Resync: true}:
		s.lost = false
	default:
		s.lost = true
	}
}

// payOwed delivers an owed Resync if there is room now.
func (s *Subscription) payOwed() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || !s.lost {
		return
	}
	select {
	case s.c <- Message{Topic: s.topic, Resync: true}:
		s.lost = false
	default:
	}
}
