package contact

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/notify"
)

// TestResult is what a test notification did.
type TestResult struct {
	// Sent is true when the provider took the message.
	Sent bool
	// Summary is the provider's receipt ("SMS to +49…: queued") or what
	// went wrong.
	Summary    string
	ProviderID string
}

// testMessage is the text of a test notification.
const testMessage = "Test notification from Tocsin: this is how pages reach you here"

// SendTest sends a test notification to one of the viewer's verified
// contact methods through the real channel, and says what the provider
// answered. A refused message is a result, not an error: the answer is
// what the person wants to see.
func (m *Methods) SendTest(ctx context.Context, id int) (*TestResult, error) {
	if _, err := responder(ctx); err != nil {
		return nil, err
	}
	cm, err := m.client(ctx).ContactMethod.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if cm.VerifiedAt == nil {
		return nil, invalid("id", "verify this "+kindWord(cm.Kind)+" first")
	}
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	p := notify.Page{Message: testMessage, Service: "Tocsin", Urgency: notify.UrgencyLow, To: cm.Address, ToName: cm.Name,
		CriticalAlerts: cm.CriticalAlerts}
	var r notify.Receipt
	switch c := m.Channels; cm.Kind {
	case contactmethod.KindSMS:
		if c.SMS == nil {
			return nil, errOff("SMS", "TOCSIN_TWILIO_ACCOUNT_SID")
		}
		r, err = c.SMS.SendText(ctx, cm.Address, testMessage+".")
	case contactmethod.KindVOICE:
		if c.Voice == nil {
			return nil, errOff("voice calls", "TOCSIN_TWILIO_ACCOUNT_SID")
		}
		r, err = c.Voice.Say(ctx, cm.Address, testMessage+". Goodbye.")
	case contactmethod.KindEMAIL:
		if c.Email == nil {
			return nil, errOff("email", "TOCSIN_SMTP_URL")
		}
		r, err = c.Email.Send(ctx, p)
	case contactmethod.KindWEBHOOK:
		if c.Webhook == nil {
			return nil, errOff("webhooks", "")
		}
		r, err = c.Webhook.Send(ctx, p)
	case contactmethod.KindPUSH:
		if c.Push == nil {
			return nil, errOff("push notifications", "TOCSIN_FCM_CREDENTIALS")
		}
		r, err = c.Push.Send(ctx, p)
	}
	if err != nil {
		return &TestResult{Summary: ChannelName(cm.Kind) + " to " + cm.Name + ": failed: " + err.Error()}, nil
	}
	return &TestResult{Sent: true, Summary: r.Summary, ProviderID: r.ProviderID}, nil
}
