// Package ratelimit holds token buckets in Redis, so every replica of
// Tocsin sees the same counts: a bucket refills at a steady rate up to a
// burst, and each request takes from it.
//
// A bucket is one small Redis hash that expires once it would be full
// again, so idle clients cost nothing. When Redis fails, Take lets the
// request through: a limit is not worth an outage.
package ratelimit

import (
	"context"
	"math"
	"time"

	"github.com/redis/go-redis/v9"
)

// Limit is a steady rate and the burst allowed on top of it.
type Limit struct {
	PerSecond float64
	Burst     int
}

// Decision is the answer for one request.
type Decision struct {
	Allowed bool
	// Remaining is the whole tokens left in the bucket (negative: in debt).
	Remaining int
	// RetryAfter is when the bucket is back to one token (0 when allowed).
	RetryAfter time.Duration
}

// Buckets takes tokens from buckets in Redis.
type Buckets struct {
	Redis redis.UniversalClient
	// Prefix starts every key, e.g. "tocsin:ratelimit:graphql:".
	Prefix string
	Now    func() time.Time
}

// take refills `rate` tokens per second up to `burst`; with at least one
// token it admits and takes `cost`, possibly going below zero.
// KEYS[1] the bucket; ARGV: rate, burst, now (ms), cost.
// Returns {allowed, tokens*1000, wait ms}.
var take = redis.NewScript(`
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
local b = redis.call('HMGET', KEYS[1], 't', 'ts')
local tokens = tonumber(b[1]) or burst
local ts = tonumber(b[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) / 1000 * rate)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - cost
  allowed = 1
else
  wait = math.ceil((1 - tokens) / rate * 1000)
end
redis.call('HSET', KEYS[1], 't', tokens, 'ts', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate * 1000) + 1000)
return {allowed, math.floor(tokens * 1000), wait}
`)

// Take takes one token from the bucket under key.
func (b *Buckets) Take(ctx context.Context, key string, l Limit) Decision {
	return b.TakeN(ctx, key, l, 1)
}

// TakeN admits a request when the bucket under key holds at least one
// token, and then charges it cost tokens (at least one), which may leave
// the bucket in debt that later requests wait out. So a request of many
// units (a batch of alerts) is never split, nor refused for ever because
// it costs more than the burst; over any time T at most burst + rate×T
// units pass, plus one request's.
func (b *Buckets) TakeN(ctx context.Context, key string, l Limit, cost int) Decision {
	open := Decision{Allowed: true, Remaining: l.Burst}
	if b == nil || b.Redis == nil || l.PerSecond <= 0 {
		return open
	}
	res, err := take.Run(ctx, b.Redis, []string{b.Prefix + key}, l.PerSecond, l.Burst, b.Now().UnixMilli(), max(cost, 1)).Int64Slice()
	if err != nil || len(res) != 3 {
		return open
	}
	return Decision{Allowed: res[0] == 1, Remaining: int(math.Floor(float64(res[1]) / 1000)),
		RetryAfter: time.Duration(res[2]) * time.Millisecond}
}

// Seconds rounds a wait up to whole seconds, as Retry-After wants.
func Seconds(d time.Duration) int { return int(math.Ceil(d.Seconds())) }
