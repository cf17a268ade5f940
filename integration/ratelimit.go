package integration

import (
	"context"
	"math"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/ent"
)

// Decision is the answer of the rate limiter for one request.
type Decision struct {
	Allowed    bool
	Limit      int           // requests per minute
	Remaining  int           // whole tokens left in the bucket
	RetryAfter time.Duration // when the next token arrives (0 if allowed)
}

// tokenBucket refills `rate` tokens per second up to `burst` and takes one.
// KEYS[1] the bucket; ARGV: rate, burst, now (ms). Returns {allowed, tokens*1000, wait ms}.
var tokenBucket = redis.NewScript(`
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local b = redis.call('HMGET', KEYS[1], 't', 'ts')
local tokens = tonumber(b[1]) or burst
local ts = tonumber(b[2]) or now
tokens = math.min(burst, tokens + (now - ts) / 1000 * rate)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) / rate * 1000)
end
redis.call('HSET', KEYS[1], 't', tokens, 'ts', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return {allowed, math.floor(tokens * 1000), wait}
`)

// Allow takes one token from the integration's bucket (shared by all
// replicas through Redis). If Redis fails, the request is let through:
// losing an alert is worse than a burst.
func (s *Integrations) Allow(ctx context.Context, i *ent.Integration) Decision {
	d := Decision{Allowed: true, Limit: i.RateLimitPerMinute, Remaining: i.RateLimitBurst}
	if s.Redis == nil {
		return d
	}
	rate := float64(i.RateLimitPerMinute) / 60
	res, err := tokenBucket.Run(ctx, s.Redis, []string{"tocsin:ratelimit:integration:" + strconv.Itoa(i.ID)},
		rate, i.RateLimitBurst, s.Now().UnixMilli()).Int64Slice()
	if err != nil || len(res) != 3 {
		return d
	}
	d.Allowed = res[0] == 1
	d.Remaining = int(math.Floor(float64(res[1]) / 1000))
	d.RetryAfter = time.Duration(res[2]) * time.Millisecond
	return d
}
