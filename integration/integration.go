// Package integration manages the doors monitoring tools send alerts
// through: their keys (random, shown once, stored as SHA-256), how a key is
// checked, per-key rate limits, the URL and config snippets to paste into
// a sender, and the expressions that map any JSON to an alert (GENERIC).
package integration

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/ent"
	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/txn"
	"github.com/tocsin/tocsin/viewer"
)

// Errors of key checks; doors answer 401 to both, with these messages.
var (
	ErrUnknownKey = errors.New("the API key is unknown")
	ErrDisabled   = errors.New("the integration of this API key is disabled")
)

// Integrations holds what the integration rules need. Build it once in main.
type Integrations struct {
	Client  *ent.Client
	Redis   redis.UniversalClient
	BaseURL string
	// InboundDomain is the email domain of EMAIL integrations (<key>@domain).
	InboundDomain string
	Now           func() time.Time

	keys keyCache
	// lastWrite is when Received last wrote each integration (id → time.Time).
	lastWrite sync.Map
}

// New returns Integrations.
func New(client *ent.Client, rdb redis.UniversalClient, baseURL, inboundDomain string) *Integrations {
	return &Integrations{Client: client, Redis: rdb, BaseURL: baseURL, InboundDomain: inboundDomain, Now: time.Now}
}

// CreateInput describes a new integration.
type CreateInput struct {
	ServiceID          int
	Kind               entintegration.Kind
	Name               string
	Mapping            map[string]string
	RateLimitPerMinute int
	RateLimitBurst     int
}

// newKey makes a key shaped like a UUID, as Opsgenie keys are, so every
// sender accepts it (also as the local part of an email address).
func newKey() (key string, hash []byte) {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	key = fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
	return key, HashKey(key)
}

// HashKey is how keys are stored and looked up.
func HashKey(key string) []byte {
	h := sha256.Sum256([]byte(key))
	return h[:]
}

// Create adds an integration and returns its key, shown only now. The
// privacy policy decides who may (admins).
func (s *Integrations) Create(ctx context.Context, in CreateInput) (*ent.Integration, string, error) {
	if in.Kind == entintegration.KindGENERIC {
		if err := CheckMapping(in.Mapping); err != nil {
			return nil, "", err
		}
	}
	key, hash := newKey()
	c := s.client(ctx).Integration.Create().
		SetServiceID(in.ServiceID).SetKind(in.Kind).SetName(in.Name).
		SetKeyHash(hash).SetKeyPrefix(key[:8]).SetMapping(orEmpty(in.Mapping))
	if in.RateLimitPerMinute > 0 {
		c.SetRateLimitPerMinute(in.RateLimitPerMinute)
	}
	if in.RateLimitBurst > 0 {
		c.SetRateLimitBurst(in.RateLimitBurst)
	}
	i, err := c.Save(ctx)
	if err != nil {
		return nil, "", err
	}
	return i, key, nil
}

// RotateKey replaces the key; the old one stops working at once.
func (s *Integrations) RotateKey(ctx context.Context, id int) (*ent.Integration, string, error) {
	key, hash := newKey()
	i, err := s.client(ctx).Integration.UpdateOneID(id).SetKeyHash(hash).SetKeyPrefix(key[:8]).Save(ctx)
	if err != nil {
		return nil, "", err
	}
	s.forgetKeys(ctx)
	return i, key, nil
}

// Authenticate returns the enabled integration a key belongs to.
func (s *Integrations) Authenticate(ctx context.Context, key string) (*ent.Integration, error) {
	if key == "" {
		return nil, ErrUnknownKey
	}
	hash := HashKey(key)
	e, ok := s.keys.get(hash, s.Now())
	if !ok {
		i, err := s.Client.Integration.Query().
			Where(entintegration.KeyHash(hash)).
			Only(viewer.System(ctx))
		if err != nil && !ent.IsNotFound(err) {
			return nil, err
		}
		e = keyEntry{i: i, fetched: s.Now()}
		s.keys.put(hash, e)
	}
	i := e.i
	if i == nil {
		return nil, ErrUnknownKey
	}
	if !i.Enabled {
		return nil, ErrDisabled
	}
	return i, nil
}

// Received notes the last event an integration got (shown in the SPA);
// written at most every 5 s per integration so hot senders cost nothing.
func (s *Integrations) Received(ctx context.Context, i *ent.Integration, result string) {
	now := s.Now()
	// At most one write per integration every 5 s, whatever the result: mixed
	// traffic (new alerts and repeats) would otherwise write on every request.
	// i may be a cached copy: the time of this process's last write counts
	// too, and only the request that moves it forward writes.
	if i.LastReceivedAt != nil && now.Sub(*i.LastReceivedAt) < 5*time.Second {
		return
	}
	prev, loaded := s.lastWrite.LoadOrStore(i.ID, now)
	if loaded {
		if now.Sub(prev.(time.Time)) < 5*time.Second || !s.lastWrite.CompareAndSwap(i.ID, prev, now) {
			return
		}
	}
	if len(result) > 500 {
		result = result[:500]
	}
	_ = s.Client.Integration.UpdateOne(i).SetLastReceivedAt(now).SetLastResult(result).Exec(viewer.System(ctx))
}

func (s *Integrations) client(ctx context.Context) *ent.Client {
	return txn.Client(ctx, s.Client)
}

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// UpdateInput changes an integration; nil fields stay.
type UpdateInput struct {
	Name                               *string
	Enabled                            *bool
	Mapping                            map[string]string
	RateLimitPerMinute, RateLimitBurst *int
}

// Update changes name, enabled, mapping or limits. A GENERIC mapping is
// compiled first, so a broken one is refused.
func (s *Integrations) Update(ctx context.Context, id int, in UpdateInput) (*ent.Integration, error) {
	c := s.client(ctx)
	if in.Mapping != nil {
		if err := CheckMapping(in.Mapping); err != nil {
			return nil, err
		}
	}
	u := c.Integration.UpdateOneID(id).SetNillableName(in.Name).SetNillableEnabled(in.Enabled).
		SetNillableRateLimitPerMinute(in.RateLimitPerMinute).SetNillableRateLimitBurst(in.RateLimitBurst)
	if in.Mapping != nil {
		u.SetMapping(in.Mapping)
	}
	i, err := u.Save(ctx)
	if err != nil {
		return nil, err
	}
	s.forgetKeys(ctx)
	return i, nil
}

// Delete removes an integration; its key stops working.
func (s *Integrations) Delete(ctx context.Context, id int) error {
	if err := s.client(ctx).Integration.DeleteOneID(id).Exec(ctx); err != nil {
		return err
	}
	s.forgetKeys(ctx)
	return nil
}

// forgetKeys empties the key cache now and, inside a transaction, again
// after the commit, so no request re-reads the old row in between.
func (s *Integrations) forgetKeys(ctx context.Context) {
	s.keys.clear()
	if tx := ent.TxFromContext(ctx); tx != nil {
		tx.OnCommit(func(next ent.Committer) ent.Committer {
			return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
				err := next.Commit(ctx, tx)
				s.keys.clear()
				return err
			})
		})
	}
}

// MayManage is nil when the viewer may create and change integrations, and
// otherwise the error such a change would get: the Integration write
// policy (admins), asked without writing anything. Trying a mapping
// (testGenericMapping) is for whoever may save one; anonymous callers
// would otherwise have a free JSON-mapping engine to run.
func MayManage(ctx context.Context, c *ent.Client) error {
	err := entintegration.Policy.EvalMutation(ctx, c.Integration.Create().Mutation())
	if err == nil || errors.Is(err, privacy.Allow) {
		return nil
	}
	return err
}
