package integration

import (
	"context"
	"math"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/ent"
)

// The rate limit counts alerts, not requests: each integration has a token
// bucket (rate_limit_per_minute, rate_limit_burst) and every alert a request
// carries costs one token, a request without alerts (an action, a ping)
// one. A request is admitted whole when the bucket holds at least one
// token, and then charged its full cost, which may leave the bucket in
// debt; later requests wait until the debt is paid back. So a batch is
// never split (Alertmanager and Grafana cannot take a partial answer) nor
// refused for ever because it is larger than the burst, and over any time
// T a key opens at most burst + rate×T alerts plus one batch.

// Decision is the answer of the rate limiter for one request.
type Decision struct {
	Allowed    bool
	Limit      int           // alerts per minute
	Remaining  int           // whole tokens left in the bucket (negative: in debt)
	RetryAfter time.Duration // when the bucket is back to one token (0 if allowed)
}

// tokenBucket refills `rate` tokens per second up to `burst`; with at
// least one token it admits and takes `cost`, possibly going below zero.
// KEYS[1] the bucket; ARGV: rate, burst, now (ms), cost.
// Returns {allowed, tokens*1000, wait ms}.
var tokenBucket = redis.NewScript(`
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

// Allow admits one request that opens at most one alert.
func (s *Integrations) Allow(ctx context.Context, i *ent.Integration) Decision {
	return s.AllowAlerts(ctx, i, 1)
}

// AllowAlerts admits a request that carries n alerts (n < 1 counts as one)
// and charges the integration's bucket, shared by all replicas through
// Redis, for each. If Redis fails, the request is let through: losing an
// alert is worse than a burst.
func (s *Integrations) AllowAlerts(ctx context.Context, i *ent.Integration, n int) Decision {
	d := Decision{Allowed: true, Limit: i.RateLimitPerMinute, Remaining: i.RateLimitBurst}
	if s.Redis == nil {
		return d
	}
	rate := float64(i.RateLimitPerMinute) / 60
	res, err := tokenBucket.Run(ctx, s.Redis, []string{"tocsin:ratelimit:integration:" + strconv.Itoa(i.ID)},
		rate, i.RateLimitBurst, s.Now().UnixMilli(), max(n, 1)).Int64Slice()
	if err != nil || len(res) != 3 {
		return d
	}
	d.Allowed = res[0] == 1
	d.Remaining = int(math.Floor(float64(res[1]) / 1000))
	d.RetryAfter = time.Duration(res[2]) * time.Millisecond
	return d
}
