package graph

import (
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/hashicorp/golang-lru/v2/simplelru"
)

// CachedQueryBytes bounds each of the two caches of /graphql by the query
// text they hold: parsed documents (a parsed document keeps about 35 bytes
// of syntax tree per byte of its text, so at most ~18 MB) and automatic
// persisted queries. A cache bounded by entries alone let anyone fill it
// with a thousand of the largest documents. The SPA's documents together
// have about 60 KB.
const CachedQueryBytes = 512 << 10

// Cache is a least-recently-used gqlgen cache that holds at most a number of
// bytes of text: its keys and, for string values, its values.
type Cache[T any] struct {
	mu    sync.Mutex
	lru   *simplelru.LRU[string, T]
	bytes int
	max   int
}

var _ graphql.Cache[string] = (*Cache[string])(nil)

// NewCache returns a cache of at most maxBytes of text.
func NewCache[T any](maxBytes int) *Cache[T] {
	c := &Cache[T]{max: maxBytes}
	// Every entry weighs at least a byte, so maxBytes entries are never the limit.
	c.lru, _ = simplelru.NewLRU(max(maxBytes, 1), func(key string, v T) { c.bytes -= weight(key, v) })
	return c
}

func weight[T any](key string, v T) int {
	if s, ok := any(v).(string); ok {
		return len(key) + len(s)
	}
	return len(key)
}

// Get returns the value under key.
func (c *Cache[T]) Get(_ context.Context, key string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Get(key)
}

// Add stores value under key, dropping the least recently used entries
// until it fits; a value larger than the whole cache is not stored.
func (c *Cache[T]) Add(_ context.Context, key string, value T) {
	w := weight(key, value)
	if w > c.max {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lru.Remove(key)
	c.lru.Add(key, value)
	c.bytes += w
	for c.bytes > c.max {
		c.lru.RemoveOldest()
	}
}
