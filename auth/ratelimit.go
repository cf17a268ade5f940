package auth

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
)

// Limiter counts sign-in attempts per email and per client address in fixed
// windows in Redis, so every replica sees the same counts.
type Limiter struct {
	rdb       redis.UniversalClient
	prefix    string
	Window    time.Duration
	PerEmail  int64
	PerClient int64
}

// NewLimiter allows 10 attempts per email and 50 per client per 15 minutes.
func NewLimiter(rdb redis.UniversalClient, prefix string) *Limiter {
	return &Limiter{rdb: rdb, prefix: prefix + "login:", Window: 15 * time.Minute, PerEmail: 10, PerClient: 50}
}

// Allow counts one attempt and fails with ErrRateLimited past either limit.
func (l *Limiter) Allow(ctx context.Context, email, client string) error {
	if l == nil || l.rdb == nil {
		return nil
	}
	for _, c := range []struct {
		key   string
		limit int64
	}{{l.prefix + "email:" + email, l.PerEmail}, {l.prefix + "client:" + client, l.PerClient}} {
		pipe := l.rdb.TxPipeline()
		incr := pipe.Incr(ctx, c.key)
		pipe.ExpireNX(ctx, c.key, l.Window)
		if _, err := pipe.Exec(ctx); err != nil {
			return err
		}
		if incr.Val() > c.limit {
			return ErrRateLimited
		}
	}
	return nil
}

// Reset forgets the failed attempts for an email after a successful sign-in.
func (l *Limiter) Reset(ctx context.Context, email string) {
	if l == nil || l.rdb == nil {
		return
	}
	l.rdb.Del(ctx, l.prefix+"email:"+email)
}
