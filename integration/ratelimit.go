package integration

import (
	"context"
	"strconv"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ratelimit"
)

// The rate limit counts alerts, not requests: each integration has a token
// bucket (rate_limit_per_minute, rate_limit_burst) and every alert a request
// carries costs one token, a request without alerts (an action, a ping)
// one. A request is admitted whole when the bucket holds at least one
// token, and then charged its full cost, which may leave the bucket in
// debt; later requests wait until the debt is paid back. So a batch is
// never split (Alertmanager and Grafana cannot take a partial answer) nor
// refused for ever because it is larger than the burst, and over any time
// T a key opens at most burst + rate×T alerts plus one batch (the bucket
// is ratelimit's, TakeN).

// Decision is the answer of the rate limiter for one request.
type Decision struct {
	Allowed    bool
	Limit      int           // alerts per minute
	Remaining  int           // whole tokens left in the bucket (negative: in debt)
	RetryAfter time.Duration // when the bucket is back to one token (0 if allowed)
}

// Allow admits one request that opens at most one alert.
func (s *Integrations) Allow(ctx context.Context, i *ent.Integration) Decision {
	return s.AllowAlerts(ctx, i, 1)
}

// AllowAlerts admits a request that carries n alerts (n < 1 counts as one)
// and charges the integration's bucket, shared by all replicas through
// Redis, for each. If Redis fails, the request is let through: losing an
// alert is worse than a burst.
func (s *Integrations) AllowAlerts(ctx context.Context, i *ent.Integration, n int) Decision {
	buckets := ratelimit.Buckets{Redis: s.Redis, Prefix: "tocsin:ratelimit:integration:", Now: s.Now}
	limit := ratelimit.Limit{PerSecond: float64(i.RateLimitPerMinute) / 60, Burst: i.RateLimitBurst}
	d := buckets.TakeN(ctx, strconv.Itoa(i.ID), limit, n)
	return Decision{Allowed: d.Allowed, Limit: i.RateLimitPerMinute, Remaining: d.Remaining, RetryAfter: d.RetryAfter}
}
