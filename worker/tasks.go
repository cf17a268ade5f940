// Package worker runs Tocsin's background work on Asynq: task types, their
// handlers, and the client the API uses to enqueue them. Handlers are thin
// and honour context cancellation; the rules live in the domain packages.
package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
)

// Task types.
const (
	TypeUserInvite    = "user:invite"
	TypeCoverAnnounce = "schedule:cover-announce"
)

// Queues, highest priority first; weights come from TOCSIN_WORKER_QUEUES.
const (
	QueueCritical = "critical"
	QueueDefault  = "default"
	QueueLow      = "low"
)

// InvitePayload names the user to invite. The secret link is made by the
// handler, so it never sits in Redis.
type InvitePayload struct {
	UserID int `json:"user_id"`
}

// CoverPayload names the cover request to announce.
type CoverPayload struct {
	CoverRequestID int `json:"cover_request_id"`
}

// Client enqueues tasks; the API holds one.
type Client struct {
	c *asynq.Client
	i *asynq.Inspector
}

// NewClient uses an existing Redis connection.
func NewClient(rdb redis.UniversalClient) *Client {
	return &Client{c: asynq.NewClientFromRedisClient(rdb), i: asynq.NewInspectorFromRedisClient(rdb)}
}

// EnqueueInvitation asks a worker to email the user an invitation link.
func (c *Client) EnqueueInvitation(ctx context.Context, userID int) error {
	b, _ := json.Marshal(InvitePayload{UserID: userID})
	_, err := c.c.EnqueueContext(ctx, asynq.NewTask(TypeUserInvite, b),
		asynq.Queue(QueueDefault), asynq.MaxRetry(10))
	if err != nil {
		return fmt.Errorf("queueing the invitation email: %w", err)
	}
	return nil
}

// EnqueueCoverAnnouncement asks a worker to email a schedule's members
// about a new cover request.
func (c *Client) EnqueueCoverAnnouncement(ctx context.Context, coverRequestID int) error {
	b, _ := json.Marshal(CoverPayload{CoverRequestID: coverRequestID})
	_, err := c.c.EnqueueContext(ctx, asynq.NewTask(TypeCoverAnnounce, b),
		asynq.Queue(QueueDefault), asynq.MaxRetry(10), asynq.TaskID(fmt.Sprintf("cover-announce:%d", coverRequestID)))
	if err != nil && !errors.Is(err, asynq.ErrTaskIDConflict) {
		return fmt.Errorf("queueing the cover request email: %w", err)
	}
	return nil
}

// QueueSizes reports tasks per queue and state for /metrics.
func (c *Client) QueueSizes(ctx context.Context) (map[string]map[string]int, error) {
	out := map[string]map[string]int{}
	for _, q := range []string{QueueCritical, QueueDefault, QueueLow} {
		info, err := c.i.GetQueueInfo(q)
		if err != nil {
			// A queue that never had a task does not exist yet: report zeros.
			info = &asynq.QueueInfo{}
		}
		out[q] = map[string]int{"pending": info.Pending, "active": info.Active, "scheduled": info.Scheduled,
			"retry": info.Retry, "archived": info.Archived}
	}
	return out, ctx.Err()
}
