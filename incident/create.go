package incident

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/rule"
)

// NewAlert is what a door knows about an alert it received.
type NewAlert struct {
	ServiceID     int
	IntegrationID int
	// Alias is the dedupe key; empty gets a random one (Opsgenie sets alias = id).
	Alias, Message, Description, Source, Entity string
	// Note is added to the timeline with the creation.
	Note       string
	Details    map[string]string
	Tags       []string
	Priority   alert.Priority
	Actions    []string
	Responders []map[string]string
	// OccurredAt is when the sender saw it; zero means now.
	OccurredAt time.Time
	// RequestID, when set, stores the outcome as an API request status
	// (Opsgenie's GET /v2/alerts/requests/{id}) in the same statement.
	RequestID string
}

// Created is the outcome of Create.
type Created struct {
	ID    int
	Alias string
	// Count is how often the alert has been reported, this time included.
	Count int
	// Deduplicated is true when an open alert with the alias existed and only its count went up.
	Deduplicated bool
	// InMaintenance is true for a new alert opened during a maintenance window: it is not paged.
	InMaintenance bool
}

// Request statuses written for a create with a RequestID.
const (
	StatusCreated      = "Created alert"
	StatusDeduplicated = "Alert is deduplicated"
)

// Create opens an alert, or counts a repeat of the open one with the same
// (service, alias). New alerts start paging unless the service is in a
// maintenance window; repeats never page again.
//
// The whole change — alert, timeline, request status, escalation state — is
// one SQL statement (createSQL): in the caller's transaction when ctx has
// one, else a prepared statement that commits on its own.
func (s *Alerts) Create(ctx context.Context, by Actor, n NewAlert) (*Created, error) {
	if err := rule.MayRespond(ctx); err != nil {
		return nil, err
	}
	if err := n.Validate(); err != nil {
		return nil, err
	}
	if n.Alias == "" {
		n.Alias = randomAlias()
	}
	now := s.Now()
	if n.OccurredAt.IsZero() || n.OccurredAt.After(now) {
		n.OccurredAt = now
	}
	args, err := s.createArgs(by, n, now)
	if err != nil {
		return nil, err
	}
	tx := ent.TxFromContext(ctx)
	var out *Created
	// No row back means another request opened the alias between this
	// statement's look and its insert; run it again and it is a repeat.
	for try := 0; out == nil; try++ {
		if try == createTries {
			return nil, errAliasContended
		}
		if out, err = s.runCreate(ctx, tx, args); err != nil {
			return nil, err
		}
	}
	s.afterCommit(tx, func() { s.publishCreated(ctx, out) })
	if !out.Deduplicated && !out.InMaintenance {
		s.afterCommit(tx, func() { s.Pager.Opened(context.WithoutCancel(ctx), out.ID, now) })
	}
	return out, nil
}

// afterCommit runs fn once tx commits, or now when there is no tx (the
// statement committed on its own).
func (s *Alerts) afterCommit(tx *ent.Tx, fn func()) {
	if tx == nil {
		fn()
		return
	}
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			if err := next.Commit(ctx, tx); err != nil {
				return err
			}
			fn()
			return nil
		})
	})
}

// createTries bounds the runs of the statement for one alert.
const createTries = 3

// errAliasContended: the alias was opened and closed by others so often
// that three tries could neither insert nor find it.
var errAliasContended = &StateError{Reason: "the alias kept changing hands; try again"}

func randomAlias() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
