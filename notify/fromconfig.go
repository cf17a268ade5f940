package notify

import (
	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/notify/egress"
)

// Channels are the channels the configuration turns on; a nil field is off.
// Push is built by mobilepush.FromConfig, action tokens by
// actiontoken.NewSigner(cfg.ActionSecrets...).
type Channels struct {
	SMS     *SMS
	Voice   *Voice
	Email   *EmailPages
	Webhook *Webhook
	// Twilio is the client SMS and Voice share; its auth token also checks
	// X-Twilio-Signature on Tocsin's Twilio hooks.
	Twilio *Twilio
}

// FromConfig builds the channels from the TOCSIN_* settings: email always
// (TOCSIN_SMTP_URL has a default), webhooks always (signed when
// TOCSIN_WEBHOOK_SECRET is set, reaching public addresses and the networks
// of TOCSIN_WEBHOOK_ALLOW_CIDRS), SMS and voice when
// TOCSIN_TWILIO_ACCOUNT_SID is set.
func FromConfig(cfg *config.Config) (*Channels, error) {
	mailer, err := NewMailer(cfg.SMTPURL, cfg.SMTPFrom)
	if err != nil {
		return nil, err
	}
	c := &Channels{Email: &EmailPages{Mailer: mailer}, Webhook: &Webhook{Secret: cfg.WebhookSecret,
		Egress: &egress.Dialer{Policy: egress.Policy{Allow: cfg.WebhookAllow}}}}
	if cfg.TwilioAccountSID != "" {
		c.Twilio = &Twilio{AccountSID: cfg.TwilioAccountSID, AuthToken: cfg.TwilioAuthToken, From: cfg.TwilioFrom,
			BaseURL: cfg.TwilioBaseURL, PublicURL: cfg.BaseURL}
		c.SMS, c.Voice = &SMS{Twilio: c.Twilio}, &Voice{Twilio: c.Twilio}
	}
	return c, nil
}

// ByName lists the channels that are on, by their Name.
func (c *Channels) ByName() map[string]Channel {
	out := map[string]Channel{}
	if c.Email != nil {
		out[c.Email.Name()] = c.Email
	}
	if c.Webhook != nil {
		out[c.Webhook.Name()] = c.Webhook
	}
	if c.SMS != nil {
		out[c.SMS.Name()] = c.SMS
	}
	if c.Voice != nil {
		out[c.Voice.Name()] = c.Voice
	}
	return out
}
