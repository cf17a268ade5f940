package incident

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/delivery"
)

// DeliveryOutcome is a provider's final word on a page it took.
type DeliveryOutcome struct {
	// ProviderID is the provider's id of the message (Twilio's MessageSid
	// or CallSid), as the delivery recorded it when sending.
	ProviderID string
	// Delivered is true when the page arrived; false when it failed.
	Delivered bool
	// Reason says why it failed ("busy", "30003 Unreachable destination
	// handset"); empty for a delivery.
	Reason string
}

// RecordDeliveryOutcome marks the delivery with the provider's id DELIVERED
// or FAILED, with a summary as its detail ("SMS to Work phone: delivered",
// "voice call to Desk: failed (busy)"), and writes a DELIVERY_STATUS
// event on its alert. It returns nil, nil when no delivery has that id (a
// verification code, a test notification) or the delivery already has that
// outcome (providers repeat themselves), so a status is recorded once.
// Only Tocsin writes deliveries: call it with a system context.
func (s *Alerts) RecordDeliveryOutcome(ctx context.Context, o DeliveryOutcome) (*ent.Delivery, error) {
	if o.ProviderID == "" {
		return nil, nil
	}
	status := delivery.StatusFAILED
	if o.Delivered {
		status = delivery.StatusDELIVERED
	}
	var out *ent.Delivery
	err := s.inTx(ctx, func(ctx context.Context, tx *ent.Tx) error {
		d, err := tx.Delivery.Query().Where(delivery.ProviderID(o.ProviderID)).ForUpdate().First(ctx)
		if ent.IsNotFound(err) {
			return nil
		}
		if err != nil || d.Status == status {
			return err
		}
		// A failure after a delivery (a late callback) does not undo it.
		if d.Status == delivery.StatusDELIVERED {
			return nil
		}
		cm, err := tx.ContactMethod.Get(ctx, d.ContactMethodID)
		if err != nil {
			return err
		}
		summary := outcomeSummary(cm, o)
		if out, err = d.Update().SetStatus(status).SetDetail(truncate(summary, 900)).Save(ctx); err != nil {
			return err
		}
		a, err := tx.Alert.Get(ctx, d.AlertID)
		if err != nil {
			return err
		}
		data := map[string]any{"delivery_id": d.ID, "user_id": d.UserID, "contact_method_id": d.ContactMethodID,
			"status": string(status), "summary": summary}
		if !o.Delivered {
			if err := NextPageAt(ctx, tx, d.AlertID, d.UserID, data); err != nil {
				return err
			}
		}
		return record(ctx, tx, a, SystemActor("Tocsin"), KindDeliveryStatus, s.Now(), data)
	})
	return out, err
}

// NextPageAt adds to a failed page's timeline data when the person's next
// page for the alert is due ("next_at", RFC 3339; the timeline says "next
// rule at 19:05"), if one is planned.
func NextPageAt(ctx context.Context, tx *ent.Tx, alertID, userID int, data map[string]any) error {
	next, err := tx.Delivery.Query().Where(delivery.AlertID(alertID), delivery.UserID(userID),
		delivery.StatusEQ(delivery.StatusPLANNED)).Order(ent.Asc(delivery.FieldDueAt)).First(ctx)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	data["next_at"] = next.DueAt.UTC().Format(time.RFC3339)
	return nil
}

// outcomeSummary is the timeline's line for an outcome.
func outcomeSummary(cm *ent.ContactMethod, o DeliveryOutcome) string {
	what := map[contactmethod.Kind]string{contactmethod.KindSMS: "SMS", contactmethod.KindVOICE: "voice call",
		contactmethod.KindPUSH: "push", contactmethod.KindEMAIL: "email", contactmethod.KindWEBHOOK: "webhook"}[cm.Kind]
	if o.Delivered {
		return what + " to " + cm.Name + ": delivered"
	}
	if o.Reason == "" {
		return what + " to " + cm.Name + ": failed"
	}
	return what + " to " + cm.Name + ": failed (" + o.Reason + ")"
}
