package ingest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/incident"
)

// pagerDutyEvent is an Events API v2 event (POST /v2/enqueue).
type pagerDutyEvent struct {
	RoutingKey  string            `json:"routing_key"`
	EventAction string            `json:"event_action"`
	DedupKey    string            `json:"dedup_key"`
	Payload     *pagerDutyPayload `json:"payload"`
	Client      string            `json:"client"`
	ClientURL   string            `json:"client_url"`
	// links and images are accepted and not kept.
	Links  json.RawMessage `json:"links"`
	Images json.RawMessage `json:"images"`
}

type pagerDutyPayload struct {
	Summary       string          `json:"summary"`
	Source        string          `json:"source"`
	Severity      string          `json:"severity"`
	Timestamp     string          `json:"timestamp"`
	Component     string          `json:"component"`
	Group         string          `json:"group"`
	Class         string          `json:"class"`
	CustomDetails json.RawMessage `json:"custom_details"`
}

// pagerDutySeverity maps PagerDuty severities to priorities. PagerDuty has
// four levels and Tocsin five: "info" is the lowest, P5, and P4 stays for
// people to choose.
var pagerDutySeverity = map[string]alert.Priority{
	"critical": alert.PriorityP1,
	"error":    alert.PriorityP2,
	"warning":  alert.PriorityP3,
	"info":     alert.PriorityP5,
}

// pagerDutyAnswer is the Events API's answer, fields in its order.
type pagerDutyAnswer struct {
	Status   string   `json:"status"`
	Message  string   `json:"message"`
	DedupKey string   `json:"dedup_key,omitempty"`
	Errors   []string `json:"errors,omitempty"`
}

const (
	pagerDutyMaxSummary  = 1024
	pagerDutyMaxDedupKey = 255
)

// pagerDutyKey decodes the event (a 400 if it is not JSON) and returns its routing_key.
func pagerDutyKey(c *call) (string, error) {
	ev, err := decodePagerDuty(c.body)
	if err != nil {
		return "", err
	}
	c.event = ev
	return ev.RoutingKey, nil
}

func decodePagerDuty(body []byte) (*pagerDutyEvent, error) {
	ev := &pagerDutyEvent{}
	if err := decodeJSON(body, ev); err != nil {
		return nil, err
	}
	if trimmed(ev.RoutingKey) == "" {
		return nil, invalid("routing_key", "is required")
	}
	return ev, nil
}

// alert checks the event and returns the alert a trigger opens. It touches
// no database (fuzzed).
func (ev *pagerDutyEvent) alert() (incident.NewAlert, error) {
	switch ev.EventAction {
	case "trigger", "acknowledge", "resolve":
	default:
		return incident.NewAlert{}, invalid("event_action", fmt.Sprintf("%q is not one of trigger, acknowledge, resolve", ev.EventAction))
	}
	if utf8.RuneCountInString(ev.DedupKey) > pagerDutyMaxDedupKey {
		return incident.NewAlert{}, invalid("dedup_key", fmt.Sprintf("must be at most %d characters", pagerDutyMaxDedupKey))
	}
	if ev.EventAction != "trigger" {
		if trimmed(ev.DedupKey) == "" {
			return incident.NewAlert{}, invalid("dedup_key", "is required to "+ev.EventAction)
		}
		return incident.NewAlert{}, nil
	}
	p := ev.Payload
	switch {
	case p == nil:
		return incident.NewAlert{}, invalid("payload", "is required to trigger")
	case trimmed(p.Summary) == "":
		return incident.NewAlert{}, invalid("payload.summary", "is required")
	case utf8.RuneCountInString(p.Summary) > pagerDutyMaxSummary:
		return incident.NewAlert{}, invalid("payload.summary", fmt.Sprintf("must be at most %d characters", pagerDutyMaxSummary))
	case trimmed(p.Source) == "":
		return incident.NewAlert{}, invalid("payload.source", "is required")
	}
	priority, ok := pagerDutySeverity[p.Severity]
	if !ok {
		return incident.NewAlert{}, invalid("payload.severity", fmt.Sprintf("%q is not one of critical, error, warning, info", p.Severity))
	}
	details := map[string]string{}
	if len(p.CustomDetails) > 0 && string(p.CustomDetails) != "null" {
		var obj map[string]any
		if json.Unmarshal(p.CustomDetails, &obj) == nil {
			details = flatten(obj)
		} else {
			var v any
			_ = json.Unmarshal(p.CustomDetails, &v)
			details["custom_details"] = text(v)
		}
	}
	for k, v := range map[string]string{"component": p.Component, "group": p.Group, "class": p.Class, "client": ev.Client, "client_url": ev.ClientURL} {
		if v != "" {
			details[k] = v
		}
	}
	n := incident.NewAlert{
		Alias:      trimmed(ev.DedupKey),
		Message:    cut(trimmed(p.Summary), incident.MaxMessage),
		Source:     cut(p.Source, incident.MaxSource),
		Priority:   priority,
		Details:    fitDetails(details),
		OccurredAt: pagerDutyTime(p.Timestamp),
	}
	if utf8.RuneCountInString(trimmed(p.Summary)) > incident.MaxMessage {
		n.Description = p.Summary
	}
	return n, n.Validate()
}

// pagerDutyTime reads the ISO 8601 forms senders use ("…+0000" included);
// anything else means "now".
func pagerDutyTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04:05Z0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// pagerDuty serves POST /v2/enqueue. Acknowledge and resolve for an alert
// that is not open are dropped, as PagerDuty drops them; the answer is the same.
func (h *doors) pagerDuty(c *call) (string, error) {
	ev := c.event.(*pagerDutyEvent)
	n, err := ev.alert()
	if err != nil {
		return "", err
	}
	by := c.actor("")
	result := ""
	switch ev.EventAction {
	case "trigger":
		if n.Alias == "" {
			n.Alias = newUUID()
		}
		n.ServiceID, n.IntegrationID = c.i.ServiceID, c.i.ID
		out, err := h.Alerts.Create(c.ctx, by, n)
		if err != nil {
			return "", err
		}
		result = fmt.Sprintf("trigger: alert %d", out.ID)
		if out.Deduplicated {
			result += " (deduplicated)"
		}
		ev.DedupKey = n.Alias
	default:
		a, err := h.Alerts.Find(c.ctx, c.i.ServiceID, trimmed(ev.DedupKey), incident.ByAlias)
		if err == nil {
			if ev.EventAction == "acknowledge" {
				_, err = h.Alerts.Acknowledge(c.ctx, by, a.ID, "")
			} else {
				_, err = h.Alerts.Close(c.ctx, by, a.ID, "")
			}
		}
		var state *incident.StateError
		switch {
		case err == nil:
			result = fmt.Sprintf("%s: alert %d", ev.EventAction, a.ID)
		case errors.Is(err, incident.ErrNotFound), errors.As(err, &state):
			result = ev.EventAction + ": dropped, " + err.Error()
		default:
			return "", err
		}
	}
	c.json(http.StatusAccepted, pagerDutyAnswer{Status: "success", Message: "Event processed", DedupKey: ev.DedupKey})
	return result, nil
}
