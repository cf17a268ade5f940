// Package notify holds the channels Tocsin reaches people through: email
// (SMTP), SMS and voice (a Twilio-compatible API) and outgoing webhooks
// (Slack incoming webhooks included). Push lives in mobile-push and speaks
// the same Channel interface.
//
// A channel sends one Page to one address and says how it went:
//   - a Receipt names the provider's message id and says in one line what
//     happened, for the alert's timeline ("SMS to +49…: queued");
//   - an error is either permanent (IsPermanent: record it and move on to
//     the next rule; retrying cannot help) or temporary (retry with
//     backoff). Errors a channel did not classify count as temporary.
//
// Channels know nothing of the database: the paging engine decides who gets
// what, signs the action token, and records the outcome.
package notify

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Channel delivers pages over one medium.
type Channel interface {
	// Name is the channel's name on the timeline: "sms", "voice", "email",
	// "webhook" or "push".
	Name() string
	// Send delivers p to p.To. It honours ctx and makes one attempt:
	// retries are the caller's, guided by IsPermanent.
	Send(ctx context.Context, p Page) (Receipt, error)
}

// Urgency says how hard a page may interrupt.
type Urgency string

// The urgencies; the service maps alert priority to one of them.
const (
	UrgencyHigh Urgency = "high"
	UrgencyLow  Urgency = "low"
)

// Page is one alert for one person on one channel.
type Page struct {
	// AlertID and TinyID name the alert; TinyID is the number people say.
	AlertID int
	TinyID  int
	// IncidentID, when set, makes this a stakeholder's news of an incident
	// rather than a page of an alert (no alert, no actions; Priority is
	// then the severity, SEV1…SEV4).
	IncidentID int
	// Message is what the alert is about; Description may add detail.
	Message     string
	Description string
	// Priority is P1..P5.
	Priority string
	// Service is the name of the alert's service.
	Service string
	Urgency Urgency
	// Link is the alert's page in Tocsin.
	Link string

	// To is the address on this channel: an E.164 phone number, an email
	// address, a webhook URL or an FCM registration token.
	To string
	// ToName says who or what To is on the timeline ("Alice's Pixel");
	// empty means To itself (shortened).
	ToName string
	// CriticalAlerts is true when the device opted in to iOS critical
	// alerts (push only).
	CriticalAlerts bool

	// ActionToken is the signed token that lets the recipient act on the
	// alert without signing in; ActionURL is where to use it
	// ({base}/actions/{token}). Empty when the channel offers no actions.
	ActionToken string
	ActionURL   string
	// ActionExpires is when the token stops working; email says so.
	ActionExpires time.Time
	// DeliveryKey names this page across retries (the engine's delivery);
	// channels that can hand it to the receiver do, so a page sent again
	// after a crash can be recognised (webhooks: X-Tocsin-Delivery).
	DeliveryKey string
	// ReplyCode is what identifies the alert in an SMS reply ("42" in "42a");
	// empty means the tiny id.
	ReplyCode string
}

// code is the reply code of the page.
func (p Page) code() string {
	if p.ReplyCode != "" {
		return p.ReplyCode
	}
	return fmt.Sprint(p.TinyID)
}

// title is the one-line headline every channel leads with.
func (p Page) title() string {
	t := fmt.Sprintf("#%d %s", p.TinyID, p.Message)
	if p.Priority != "" {
		t = p.Priority + " " + t
	}
	if p.Service != "" {
		t += " (" + p.Service + ")"
	}
	return t
}

// actionLink is the confirmation page for one action, as email and Slack
// link to it: a GET shows a button that POSTs, so link scanners act on
// nothing.
func (p Page) actionLink(a Action) string {
	if p.ActionURL == "" {
		return ""
	}
	return p.ActionURL + "?action=" + string(a)
}

// recipient is how the timeline names the address.
func (p Page) recipient() string {
	if p.ToName != "" {
		return p.ToName
	}
	return Redact(p.To)
}

// Redact shortens an address for logs and the timeline: phone numbers keep
// the plus and two digits (+49…), emails their first letter and domain,
// URLs their host, and tokens their first eight characters.
func Redact(addr string) string {
	switch {
	case strings.HasPrefix(addr, "+") && len(addr) > 3:
		return addr[:3] + "…"
	case strings.Contains(addr, "@"):
		local, domain, _ := strings.Cut(addr, "@")
		if local == "" {
			return "@" + domain
		}
		return local[:1] + "…@" + domain
	case strings.HasPrefix(addr, "http://") || strings.HasPrefix(addr, "https://"):
		rest := addr[strings.Index(addr, "//")+2:]
		host, _, _ := strings.Cut(rest, "/")
		return host
	case len(addr) > 8:
		return addr[:8] + "…"
	}
	return addr
}

// Receipt is what a provider said when it took the page.
type Receipt struct {
	// ProviderID is the provider's id for the message (Twilio SID, FCM
	// message name, SMTP Message-ID); empty when the provider gives none.
	ProviderID string
	// Summary is one line for the timeline: "SMS to +49…: queued".
	Summary string
}

// Action is what a recipient can do from a page.
type Action string

// The actions a page offers.
const (
	Acknowledge Action = "acknowledge"
	Close       Action = "close"
	Escalate    Action = "escalate"
)

// Actions are every action, in the order pages offer them.
var Actions = []Action{Acknowledge, Escalate, Close}

// ParseAction reads an action name ("acknowledge", "close", "escalate";
// "ack" too).
func ParseAction(s string) (Action, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "acknowledge", "ack":
		return Acknowledge, nil
	case "close":
		return Close, nil
	case "escalate":
		return Escalate, nil
	}
	return "", fmt.Errorf("unknown action %q: want acknowledge, close or escalate", s)
}

// Error is a failed delivery, classified.
type Error struct {
	// Channel is the channel's name.
	Channel string
	// Permanent is true when retrying cannot help.
	Permanent bool
	// Code is the provider's error code, if any ("21211", "UNREGISTERED", "550").
	Code string
	// Err says what went wrong.
	Err error
}

func (e *Error) Error() string {
	kind := "temporary"
	if e.Permanent {
		kind = "permanent"
	}
	s := e.Channel + ": " + kind + " failure"
	if e.Code != "" {
		s += " (" + e.Code + ")"
	}
	return s + ": " + e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// IsPermanent reports whether err is a delivery failure that retrying
// cannot fix (bad address, unsubscribed, unregistered device). Any other
// error, including one no channel classified, is worth a retry.
func IsPermanent(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Permanent
}

// Permanent marks err as a permanent failure of the channel.
func Permanent(channel, code string, err error) error {
	return &Error{Channel: channel, Permanent: true, Code: code, Err: err}
}

// Temporary marks err as a temporary failure of the channel.
func Temporary(channel, code string, err error) error {
	return &Error{Channel: channel, Code: code, Err: err}
}
