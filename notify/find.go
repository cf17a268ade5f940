package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Finder is a channel whose provider can be asked what it received. The
// engine asks before it sends a page again whose earlier attempt ended
// without an outcome it could record (the worker was killed or PostgreSQL
// went away mid-send, or the provider's answer was lost to a timeout):
// found, the page counts as sent and nobody is paged twice.
type Finder interface {
	// Find looks for the page among what the provider took between from
	// and to; found is false when it is not there.
	Find(ctx context.Context, p Page, from, to time.Time) (r Receipt, found bool, err error)
}

// twilioListed is the part of a listed Message or Call that Find reads.
type twilioListed struct {
	SID                 string `json:"sid"`
	To                  string `json:"to"`
	From                string `json:"from"`
	Body                string `json:"body"`
	Status              string `json:"status"`
	MessagingServiceSID string `json:"messaging_service_sid"`
	DateCreated         string `json:"date_created"` // RFC 1123 with numeric zone, as Twilio writes it
}

// list GETs {base}/2010-04-01/Accounts/{sid}/{resource}.json?{q} — the
// newest first, as Twilio lists — and returns the page's items under key.
func (t *Twilio) list(ctx context.Context, channel, resource, key string, q url.Values) ([]twilioListed, error) {
	base := t.BaseURL
	if base == "" {
		base = DefaultTwilioURL
	}
	endpoint := strings.TrimRight(base, "/") + "/2010-04-01/Accounts/" + url.PathEscape(t.AccountSID) + "/" + resource + ".json?" + q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint, nil)
	if err != nil {
		return nil, Permanent(channel, "", err)
	}
	req.SetBasicAuth(t.AccountSID, t.AuthToken)
	req.Header.Set("Accept", "application/json")
	hc := t.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 15 * time.Second}
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, Temporary(channel, "", fmt.Errorf("reaching Twilio: %w", err))
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		var e twilioError
		_ = json.Unmarshal(body, &e)
		return nil, twilioFailure(channel, resp.StatusCode, e)
	}
	var page map[string]json.RawMessage
	if err := json.Unmarshal(body, &page); err != nil {
		return nil, Temporary(channel, "", fmt.Errorf("Twilio's %s list is not JSON: %w", resource, err))
	}
	var items []twilioListed
	if raw, ok := page[key]; ok {
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, Temporary(channel, "", fmt.Errorf("Twilio's %s list: %w", resource, err))
		}
	}
	return items, nil
}

// findListed returns the first item created between from and to that
// match accepts.
func findListed(items []twilioListed, from, to time.Time, match func(twilioListed) bool) (twilioListed, bool) {
	for _, it := range items {
		at, err := time.Parse(time.RFC1123Z, it.DateCreated)
		if err != nil || at.Before(from.Truncate(time.Second)) || at.After(to) {
			continue
		}
		if match(it) {
			return it, true
		}
	}
	return twilioListed{}, false
}

// Find looks for this page's SMS among the messages to its number (the
// newest 50): the same body from our sender, created in the window.
func (s *SMS) Find(ctx context.Context, p Page, from, to time.Time) (Receipt, bool, error) {
	q := url.Values{"To": {p.To}, "PageSize": {"50"}}
	service := strings.HasPrefix(s.Twilio.From, "MG")
	if !service {
		q.Set("From", s.Twilio.From)
	}
	items, err := s.Twilio.list(ctx, s.Name(), "Messages", "messages", q)
	if err != nil {
		return Receipt{}, false, err
	}
	body := SMSBody(p)
	it, ok := findListed(items, from, to, func(it twilioListed) bool {
		return it.To == p.To && it.Body == body && (!service || it.MessagingServiceSID == s.Twilio.From) && (service || it.From == s.Twilio.From)
	})
	if !ok {
		return Receipt{}, false, nil
	}
	return Receipt{ProviderID: it.SID, Summary: "SMS to " + p.recipient() + ": " + it.Status}, true, nil
}

// Find looks for this page's call among the calls to its number from our
// number (the newest 50) placed in the window.
func (v *Voice) Find(ctx context.Context, p Page, from, to time.Time) (Receipt, bool, error) {
	items, err := v.Twilio.list(ctx, v.Name(), "Calls", "calls", url.Values{"To": {p.To}, "From": {v.Twilio.From}, "PageSize": {"50"}})
	if err != nil {
		return Receipt{}, false, err
	}
	it, ok := findListed(items, from, to, func(it twilioListed) bool { return it.To == p.To && it.From == v.Twilio.From })
	if !ok {
		return Receipt{}, false, nil
	}
	return Receipt{ProviderID: it.SID, Summary: "voice call to " + p.recipient() + ": " + it.Status}, true, nil
}
