package auth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/redis/go-redis/v9"
)

// Limiter bounds password guessing without letting anyone lock a person out
// (ADR 13). Every attempt is charged before the password is checked, in
// fixed windows in Redis so every replica sees the same counts, against:
//
//   - the pair (client, account): PerPair attempts; past it, that client
//     is refused for that account only;
//   - the client: PerClient attempts over all accounts (password spraying);
//   - the account: PerAccount attempts from browsers the account does not
//     know, which bounds guessing spread over many clients. A browser that
//     signed in to the account before carries a device token (DeviceCookie)
//     and is not charged here, so the owner still gets in while strangers
//     hammer the account.
//
// A right password refunds its own charges. Keys are fixed-length hashes
// of the address and client, and every key expires.
type Limiter struct {
	rdb    redis.UniversalClient
	prefix string
	// Window is how long the counts last.
	Window     time.Duration
	PerPair    int64
	PerClient  int64
	PerAccount int64
	// DeviceTTL is how long a browser stays known after its last sign-in.
	DeviceTTL time.Duration
}

// NewLimiter allows, per 15 minutes, 10 attempts per client and account, 50
// per client, and 50 per account from unknown browsers; a browser stays
// known for 90 days after a sign-in.
func NewLimiter(rdb redis.UniversalClient, prefix string) *Limiter {
	return &Limiter{rdb: rdb, prefix: prefix + "login:", Window: 15 * time.Minute,
		PerPair: 10, PerClient: 50, PerAccount: 50, DeviceTTL: 90 * 24 * time.Hour}
}

// Charge is what one attempt was charged; Succeeded refunds it.
type Charge struct {
	account, client, pair string // keys
	accountCharged        bool
	device                string // the known device token presented, or ""
}

// Allow charges one attempt by client (an address) on email (normalized)
// from a browser presenting device (its DeviceCookie, or ""), and fails with
// ErrRateLimited past any limit. A nil Limiter allows everything.
func (l *Limiter) Allow(ctx context.Context, email, client, device string) (*Charge, error) {
	if l == nil || l.rdb == nil {
		return nil, nil
	}
	c := &Charge{account: l.key("account", email), client: l.key("client", client), pair: l.key("pair", email, client)}
	if err := l.count(ctx, c.client, l.PerClient); err != nil {
		return nil, err
	}
	if err := l.count(ctx, c.pair, l.PerPair); err != nil {
		return nil, err
	}
	if device != "" {
		owner, err := l.rdb.Get(ctx, l.key("device", device)).Result()
		if err != nil && err != redis.Nil {
			return nil, err
		}
		if owner == c.account {
			c.device = device
			return c, nil
		}
	}
	c.accountCharged = true
	return c, l.count(ctx, c.account, l.PerAccount)
}

// count adds one to key, whose window starts with its first count.
func (l *Limiter) count(ctx context.Context, key string, limit int64) error {
	pipe := l.rdb.TxPipeline()
	incr := pipe.Incr(ctx, key)
	pipe.ExpireNX(ctx, key, l.Window)
	if _, err := pipe.Exec(ctx); err != nil {
		return err
	}
	if incr.Val() > limit {
		return ErrRateLimited
	}
	return nil
}

// Succeeded refunds a right password's charges and returns the device
// token that makes this browser known to the account: the one it presented,
// kept for another DeviceTTL, or a new one.
func (l *Limiter) Succeeded(ctx context.Context, c *Charge) (device string, err error) {
	if l == nil || l.rdb == nil || c == nil {
		return "", nil
	}
	device = c.device
	if device == "" {
		device, _ = newSecret(devicePrefix)
	}
	pipe := l.rdb.TxPipeline()
	pipe.Del(ctx, c.pair)
	refund := []string{c.client}
	if c.accountCharged {
		refund = append(refund, c.account)
	}
	for _, k := range refund {
		// A window that ended meanwhile starts again at -1, and expires.
		pipe.Decr(ctx, k)
		pipe.ExpireNX(ctx, k, l.Window)
	}
	pipe.Set(ctx, l.key("device", device), c.account, l.DeviceTTL)
	if _, err := pipe.Exec(ctx); err != nil {
		return "", err
	}
	return device, nil
}

// key is the Redis key of a count: the kind and the first 128 bits of the
// SHA-256 of the parts, so neither an address of any length nor a client
// string ever becomes a key, nor can be read back from one.
func (l *Limiter) key(kind string, parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return l.prefix + kind + ":" + hex.EncodeToString(h.Sum(nil)[:16])
}
