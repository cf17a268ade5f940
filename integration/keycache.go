package integration

import (
	"sync"
	"time"

	"github.com/tocsin/tocsin/ent"
)

// KeyCacheTTL is how long a key's lookup is reused. Every request of a busy
// sender carries the same key, so without this cache each one would cost a
// query. A rotated or disabled key stops working at once in the process
// that changed it and within KeyCacheTTL in every other one.
const KeyCacheTTL = time.Second

// keyCacheMax bounds the cache (unknown keys are cached too, so that a flood
// of bad keys costs no queries); past it the cache starts over.
const keyCacheMax = 10000

type keyEntry struct {
	i       *ent.Integration // nil: no integration has this key
	fetched time.Time
}

// keyCache maps key hashes to what Authenticate found. The integrations it
// holds are shared: callers must not change them.
type keyCache struct {
	mu sync.RWMutex
	m  map[string]keyEntry
}

func (c *keyCache) get(hash []byte, now time.Time) (keyEntry, bool) {
	c.mu.RLock()
	e, ok := c.m[string(hash)]
	c.mu.RUnlock()
	if !ok || now.Sub(e.fetched) >= KeyCacheTTL || now.Before(e.fetched) {
		return keyEntry{}, false
	}
	return e, true
}

func (c *keyCache) put(hash []byte, e keyEntry) {
	c.mu.Lock()
	if c.m == nil || len(c.m) >= keyCacheMax {
		c.m = map[string]keyEntry{}
	}
	c.m[string(hash)] = e
	c.mu.Unlock()
}

// clear forgets everything: an integration changed in this process.
func (c *keyCache) clear() {
	c.mu.Lock()
	c.m = nil
	c.mu.Unlock()
}
