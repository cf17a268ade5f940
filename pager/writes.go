package pager

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/lib/pq"

	"github.com/tocsin/tocsin/ent"
)

// DeliveryKey names a page across attempts (notify.Page.DeliveryKey, a
// webhook's X-Tocsin-Delivery, a push's "delivery"): its deliveries row's
// unique key — alert, round, step, contact method — rather than the row's
// id, so that a step that sent its pages and then rolled back (its row
// ids gone with it) sends them again under the same keys.
func DeliveryKey(d *ent.Delivery) string {
	return "tocsin-delivery-" + strconv.Itoa(d.AlertID) + "-" + strconv.Itoa(d.Round) + "-" + strconv.Itoa(d.Step) + "-" +
		strconv.Itoa(d.ContactMethodID)
}

// writes is what a step or a batch of pages writes last, together: the
// pages sent (one statement for all of them) and the timeline events
// (one statement), in that order.
type writes struct {
	sent   []sentPage
	events []*ent.TimelineEventCreate
}

// sentPage is a page the provider took.
type sentPage struct {
	id                 int
	at                 time.Time
	providerID, detail string
}

// markSent records pages sent: SENT, one more attempt, when, and what the
// provider said, each its own.
const markSent = `UPDATE deliveries AS d SET status = 'SENT', attempts = d.attempts + 1,
	sent_at = v.sent_at, provider_id = v.provider_id, detail = v.detail
FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[]) AS v(id, sent_at, provider_id, detail)
WHERE d.id = v.id`

func (w *writes) write(ctx context.Context, tx *ent.Tx) error {
	if len(w.sent) > 0 {
		ids := make([]int64, len(w.sent))
		ats := make([]string, len(w.sent))
		pids := make([]string, len(w.sent))
		details := make([]string, len(w.sent))
		for i, p := range w.sent {
			ids[i], ats[i], pids[i], details[i] = int64(p.id), p.at.UTC().Format(time.RFC3339Nano), p.providerID, p.detail
		}
		res, err := tx.ExecContext(ctx, markSent, pq.Array(ids), pq.Array(ats), pq.Array(pids), pq.Array(details))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err == nil && int(n) != len(ids) {
			return fmt.Errorf("recording %d pages sent: %d rows updated", len(ids), n)
		}
	}
	if len(w.events) > 0 {
		return tx.TimelineEvent.CreateBulk(w.events...).Exec(ctx)
	}
	return nil
}
