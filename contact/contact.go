// Package contact holds the rules for how a person wants to be paged: their
// contact methods (devices, SMS and voice numbers, email addresses, personal
// webhooks), the verification of numbers and addresses, their notification
// rules per urgency, the defaults a new person gets, and their quiet hours.
//
// Guarantees:
//   - A contact method's address is valid for its kind when stored: E.164
//     numbers, an email address, an http(s) webhook URL whose host the
//     webhook channel's egress policy lets through (package notify/egress:
//     no loopback, private, link-local or other non-public address unless
//     TOCSIN_WEBHOOK_ALLOW_CIDRS allows it; the channel checks again at
//     every dial), a non-empty FCM token with a platform.
//   - SMS, voice and email start unverified and become verified only with
//     the 6-digit code sent there (stored hashed, 10 minutes, 5 tries);
//     changing their address makes them unverified again. Devices (push) and
//     webhooks are verified when created.
//   - A person who has no rule for an urgency gets escalation.DefaultRules
//     as soon as they have a verified contact method (EnsureDefaults).
//   - Every change acts as the viewer in ctx, so ent privacy decides who may
//     change what. Stakeholders, who are never paged, only register, see
//     and remove their own devices (for the low-urgency pushes about the
//     incidents they follow); everything else here refuses them.
package contact

import (
	"context"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/egress"
	"github.com/tocsin/tocsin/txn"
	"github.com/tocsin/tocsin/viewer"
)

// Methods is the store of contact methods and notification rules; main
// builds one.
type Methods struct {
	Client *ent.Client
	// Channels send verification codes and test notifications; a nil
	// field is a channel that is off.
	Channels Channels
	// Egress is the webhook channel's address check, asked when a webhook
	// URL is stored so a URL that can never be paged is refused at once;
	// nil means the zero egress.Dialer.
	Egress *egress.Dialer
	// Now is the clock (time.Now when nil).
	Now func() time.Time
}

// Channels are the ways Tocsin reaches an address outside of a page.
type Channels struct {
	SMS     *notify.SMS
	Voice   *notify.Voice
	Email   *notify.EmailPages
	Webhook notify.Channel
	Push    notify.Channel
}

// ChannelsFrom picks the channels of notify.FromConfig and, when push is
// on, mobilepush's channel (nil otherwise).
func ChannelsFrom(chs *notify.Channels, push notify.Channel) Channels {
	c := Channels{SMS: chs.SMS, Voice: chs.Voice, Email: chs.Email, Push: push}
	if chs.Webhook != nil {
		c.Webhook = chs.Webhook
	}
	return c
}

// ChannelName is the notify channel that serves a kind of contact method
// ("push", "sms", "voice", "email", "webhook").
func ChannelName(k contactmethod.Kind) string {
	return map[contactmethod.Kind]string{
		contactmethod.KindPUSH: "push", contactmethod.KindSMS: "sms", contactmethod.KindVOICE: "voice",
		contactmethod.KindEMAIL: "email", contactmethod.KindWEBHOOK: "webhook",
	}[k]
}

func (m *Methods) now() time.Time {
	if m.Now == nil {
		return time.Now()
	}
	return m.Now()
}

// client is the transaction's client when ctx carries one (a GraphQL
// mutation), else the store's.
func (m *Methods) client(ctx context.Context) *ent.Client {
	return txn.Client(ctx, m.Client)
}

// inTx runs fn in the context's transaction, or in a new one.
func (m *Methods) inTx(ctx context.Context, fn func(ctx context.Context, c *ent.Client) error) error {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return fn(ctx, tx.Client())
	}
	tx, err := m.Client.Tx(ctx)
	if err != nil {
		return err
	}
	if err := fn(ent.NewTxContext(ctx, tx), tx.Client()); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// responder is the person acting: contact methods belong to people who can
// be paged, so a stakeholder (or a system context) is refused here, before
// any input is looked at.
func responder(ctx context.Context) (*viewer.Viewer, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == 0 && !v.System {
		return nil, viewer.ErrUnauthenticated
	}
	if v.System || !v.Role.CanRespond() {
		return nil, fmt.Errorf("only responders and admins have contact methods: %w", privacy.Deny)
	}
	return v, nil
}

// signedIn is the person acting, whatever their role (a system context
// has no devices): for what ent privacy alone decides.
func signedIn(ctx context.Context) (*viewer.Viewer, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == 0 && !v.System {
		return nil, viewer.ErrUnauthenticated
	}
	if v.System {
		return nil, fmt.Errorf("devices belong to people: %w", privacy.Deny)
	}
	return v, nil
}

func invalid(field, reason string) error { return &rule.InvalidError{Field: field, Reason: reason} }
