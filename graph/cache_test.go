package graph

import (
	"context"
	"strings"
	"testing"
)

// The caches hold a number of bytes of text, not of entries: a thousand of
// the largest documents no longer fit.
func TestCacheHoldsAtMostItsBytes(t *testing.T) {
	ctx := context.Background()
	c := NewCache[string](100)
	c.Add(ctx, "a", strings.Repeat("x", 39)) // 40 bytes
	c.Add(ctx, "b", strings.Repeat("x", 39))
	c.Add(ctx, "a", strings.Repeat("y", 39)) // the same key again: still 80 bytes, and a is now newest
	if _, ok := c.Get(ctx, "b"); !ok || c.bytes != 80 {
		t.Fatalf("two entries of 40 bytes: want both held in 80 bytes, got %d bytes", c.bytes)
	}
	c.Add(ctx, "c", strings.Repeat("x", 39)) // 120 bytes: the least recently used (a; b was read) goes
	if _, ok := c.Get(ctx, "a"); ok || c.bytes != 80 {
		t.Fatalf("past 100 bytes: want the least recently used entry dropped and 80 bytes held, got %d bytes", c.bytes)
	}
	c.Add(ctx, "huge", strings.Repeat("x", 200))
	if _, ok := c.Get(ctx, "huge"); ok || c.bytes != 80 {
		t.Fatalf("an entry larger than the cache: want it not stored, got %d bytes", c.bytes)
	}
}
