package notify

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tocsin/tocsin/notify/egress"
)

// Headers of an outgoing webhook.
const (
	// SignatureHeader carries "t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">"
	// under TOCSIN_WEBHOOK_SECRET; absent when no secret is set.
	SignatureHeader = "X-Tocsin-Signature"
	// EventHeader names the event: "alert.page".
	EventHeader = "X-Tocsin-Event"
	// DeliveryHeader names the page: the same on every attempt of one page
	// (Page.DeliveryKey), so receivers can drop a repeat; random when the
	// page has no key (a test notification).
	DeliveryHeader = "X-Tocsin-Delivery"
)

// WebhookTimeout bounds one webhook request, connection included.
const WebhookTimeout = 10 * time.Second

// Webhook POSTs pages as JSON (WebhookPayload) to the page's URL, or as a
// Slack message when the URL is a Slack incoming webhook. Redirects are
// not followed: a webhook URL must name its final address. It connects
// only through Egress, which checks every address when it dials, and says
// only the receiver's status, never its answer: the URL is user input,
// and Tocsin must not be a way to read what answers inside its networks.
type Webhook struct {
	// Secret signs each request (SignatureHeader); empty sends unsigned.
	Secret string
	// Timeout bounds each request; zero means WebhookTimeout.
	Timeout time.Duration
	// Egress connects the requests, to addresses its policy allows only;
	// nil means the zero egress.Dialer (every egress.Blocked range refused).
	Egress *egress.Dialer
	// TLS configures https; nil means the system's roots.
	TLS *tls.Config
	// Now is the clock; nil means time.Now.
	Now func() time.Time

	once sync.Once
	hc   *http.Client
}

// Name is "webhook".
func (*Webhook) Name() string { return "webhook" }

// WebhookPayload is the JSON body of a generic webhook.
type WebhookPayload struct {
	// Event is "alert.page".
	Event string `json:"event"`
	// SentAt is when the request was made (RFC 3339, UTC).
	SentAt string       `json:"sentAt"`
	Alert  WebhookAlert `json:"alert"`
	// Actions is how the receiver can act on the alert; absent when the
	// page offers none.
	Actions *WebhookActions `json:"actions,omitempty"`
}

// WebhookAlert describes the alert paged.
type WebhookAlert struct {
	ID          int    `json:"id"`
	TinyID      int    `json:"tinyId"`
	Message     string `json:"message"`
	Description string `json:"description,omitempty"`
	Priority    string `json:"priority"`
	Service     string `json:"service"`
	Urgency     string `json:"urgency"`
	URL         string `json:"url"`
}

// WebhookActions are the signed action URL and what it allows.
type WebhookActions struct {
	// URL takes a POST with {"action": "acknowledge" | "close" | "escalate"}.
	URL     string   `json:"url"`
	Allowed []Action `json:"allowed"`
}

// IsSlackWebhook reports whether u is a Slack incoming webhook
// (https://hooks.slack.com/services/…).
func IsSlackWebhook(u string) bool {
	p, err := url.Parse(u)
	return err == nil && p.Scheme == "https" && strings.EqualFold(p.Hostname(), "hooks.slack.com")
}

// Send POSTs the page to p.To.
func (w *Webhook) Send(ctx context.Context, p Page) (Receipt, error) {
	u, err := url.Parse(p.To)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return Receipt{}, Permanent(w.Name(), "", fmt.Errorf("want an http(s) URL, got %q", Redact(p.To)))
	}
	now := time.Now
	if w.Now != nil {
		now = w.Now
	}
	slack := IsSlackWebhook(p.To)
	var body []byte
	if slack {
		body, err = json.Marshal(SlackMessage(p))
	} else {
		body, err = json.Marshal(webhookPayload(p, now()))
	}
	if err != nil {
		return Receipt{}, Permanent(w.Name(), "", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.To, bytes.NewReader(body))
	if err != nil {
		return Receipt{}, Permanent(w.Name(), "", err)
	}
	delivery := p.DeliveryKey
	if delivery == "" {
		delivery = newDeliveryID()
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Tocsin-Webhook/1")
	if !slack {
		req.Header.Set(EventHeader, "alert.page")
		req.Header.Set(DeliveryHeader, delivery)
		if w.Secret != "" {
			req.Header.Set(SignatureHeader, SignWebhook(w.Secret, now(), body))
		}
	}
	resp, err := w.client().Do(req)
	var blocked *egress.BlockedError
	if errors.As(err, &blocked) {
		return Receipt{}, Permanent(w.Name(), "", fmt.Errorf("POST to %s: %w", u.Host, blocked))
	}
	if err != nil {
		return Receipt{}, Temporary(w.Name(), "", fmt.Errorf("POST to %s: %w", u.Host, err))
	}
	defer resp.Body.Close()
	// Read a little so the connection can be reused; what it says is not
	// shown to anyone.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
	status := resp.StatusCode
	if status >= 200 && status <= 299 {
		what := "webhook to " + u.Host
		if slack {
			what = "Slack message"
		}
		return Receipt{ProviderID: delivery, Summary: what + ": " + strconv.Itoa(status) + " " + http.StatusText(status)}, nil
	}
	err = fmt.Errorf("%s answered %d %s", u.Host, status, http.StatusText(status))
	code := strconv.Itoa(status)
	switch {
	case status >= 300 && status <= 399:
		return Receipt{}, Permanent(w.Name(), code, fmt.Errorf("%w: redirects are not followed; use the final URL", err))
	case status == http.StatusRequestTimeout || status == http.StatusTooManyRequests || status >= 500:
		return Receipt{}, Temporary(w.Name(), code, err)
	}
	return Receipt{}, Permanent(w.Name(), code, err)
}

// client is built once, so connections to a receiver are reused.
func (w *Webhook) client() *http.Client {
	w.once.Do(func() {
		timeout := w.Timeout
		if timeout == 0 {
			timeout = WebhookTimeout
		}
		dialer := w.Egress
		if dialer == nil {
			dialer = &egress.Dialer{}
		}
		w.hc = &http.Client{
			Transport:     dialer.Transport(w.TLS),
			Timeout:       timeout,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	})
	return w.hc
}

func webhookPayload(p Page, now time.Time) WebhookPayload {
	out := WebhookPayload{
		Event:  "alert.page",
		SentAt: now.UTC().Format(time.RFC3339),
		Alert: WebhookAlert{ID: p.AlertID, TinyID: p.TinyID, Message: p.Message, Description: p.Description,
			Priority: p.Priority, Service: p.Service, Urgency: string(p.Urgency), URL: p.Link},
	}
	if p.ActionURL != "" {
		out.Actions = &WebhookActions{URL: p.ActionURL, Allowed: Actions}
	}
	return out
}

// SignWebhook is the SignatureHeader value for body sent at t:
// "t=<unix>,v1=<hex HMAC-SHA256(secret, "<unix>.<body>")>". Receivers
// recompute it, compare in constant time, and refuse old timestamps.
func SignWebhook(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts + "."))
	m.Write(body)
	return "t=" + ts + ",v1=" + hex.EncodeToString(m.Sum(nil))
}

// VerifyWebhook checks a SignatureHeader value against body, accepting
// timestamps up to tolerance away from now. It is what a receiver does, in
// Go; docs/notifications.md shows it in words.
func VerifyWebhook(secret, header string, body []byte, now time.Time, tolerance time.Duration) bool {
	var ts, sig string
	for _, part := range strings.Split(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sig = v
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || sig == "" {
		return false
	}
	t := time.Unix(sec, 0)
	if now.Sub(t) > tolerance || t.Sub(now) > tolerance {
		return false
	}
	_, want, _ := strings.Cut(SignWebhook(secret, t, body), ",v1=")
	return hmac.Equal([]byte(sig), []byte(want))
}

func newDeliveryID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
