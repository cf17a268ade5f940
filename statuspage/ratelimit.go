package statuspage

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// SubscribeLimit is how many subscribe requests one address may make per
// SubscribeWindow: enough for typos, too few to mail-bomb anyone.
const (
	SubscribeLimit  = 5
	SubscribeWindow = time.Hour
)

// Limiter counts subscribe requests per client address in Redis, shared by
// every replica (a fixed window: INCR, and EXPIRE on the first).
type Limiter struct {
	Redis redis.UniversalClient
}

// Allow counts one request from ip and reports whether it is within the
// limit. Without Redis, or when Redis fails, it allows: the form is not
// worth an outage.
func (l *Limiter) Allow(ctx context.Context, ip string) bool {
	if l == nil || l.Redis == nil {
		return true
	}
	key := "tocsin:ratelimit:status-subscribe:" + ip
	n, err := l.Redis.Incr(ctx, key).Result()
	if err != nil {
		return true
	}
	if n == 1 {
		l.Redis.Expire(ctx, key, SubscribeWindow)
	}
	return n <= SubscribeLimit
}
