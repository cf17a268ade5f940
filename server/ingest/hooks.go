package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/incident"
)

// hookAlert is one alert of a webhook (Alertmanager, Grafana, GENERIC):
// either one to open (or count again) or, when resolved, an alias to close.
type hookAlert struct {
	Resolved bool
	Alert    incident.NewAlert
}

// MaxAlerts is the most alerts one webhook request may carry (413 beyond).
// Alertmanager sends all alerts of a group in one request, and bodies are
// at most 512 KiB, which holds about 1,000 alerts of the usual size; a
// larger group is bounded at the sender with max_alerts (Alertmanager's
// webhook_config, Grafana's "Max alerts"). One request is one transaction,
// so the cap also bounds how long a batch holds its locks.
const MaxAlerts = 1000

// batchOf makes the batch counter of a webhook door from its decoder: the
// alerts go to c.event for the handler, and their number to the rate limit.
func batchOf(decode func([]byte) ([]hookAlert, error)) func(c *call) (int, error) {
	return func(c *call) (int, error) {
		alerts, err := decode(c.body)
		if err != nil {
			return 0, err
		}
		if len(alerts) > MaxAlerts {
			return 0, &tooManyAlertsError{n: len(alerts)}
		}
		c.event = alerts
		return len(alerts), nil
	}
}

// hookOutcome is what happened to one hookAlert, as the answer lists it.
type hookOutcome struct {
	Alias   string `json:"alias"`
	AlertID string `json:"alertId,omitempty"`
	Result  string `json:"result"`
}

// applyHook applies a webhook's alerts in one transaction, so a webhook is
// taken whole or not at all, and answers 202 with what happened to each.
func (h *doors) applyHook(c *call, alerts []hookAlert) (string, error) {
	tx, err := h.Client.Tx(c.ctx)
	if err != nil {
		return "", err
	}
	ctx := ent.NewTxContext(c.ctx, tx)
	by := c.actor("")
	outcomes := make([]hookOutcome, 0, len(alerts))
	counts := map[string]int{}
	for _, ha := range alerts {
		o, err := h.applyOne(ctx, c, by, ha)
		if err != nil {
			_ = tx.Rollback()
			return "", err
		}
		counts[o.Result]++
		outcomes = append(outcomes, o)
	}
	if err := tx.Commit(); err != nil {
		return "", err
	}
	c.json(http.StatusAccepted, map[string]any{"result": "Request processed", "alerts": outcomes, "took": c.took(), "requestId": c.id})
	return summary(counts), nil
}

func (h *doors) applyOne(ctx context.Context, c *call, by incident.Actor, ha hookAlert) (hookOutcome, error) {
	n := ha.Alert
	o := hookOutcome{Alias: n.Alias}
	if !ha.Resolved {
		n.ServiceID, n.IntegrationID = c.i.ServiceID, c.i.ID
		out, err := h.Alerts.Create(ctx, by, n)
		if err != nil {
			return o, err
		}
		o.Alias, o.AlertID, o.Result = out.Alias, fmt.Sprint(out.ID), "created"
		if out.Deduplicated {
			o.Result = "deduplicated"
		}
		return o, nil
	}
	a, err := h.Alerts.Find(ctx, c.i.ServiceID, n.Alias, incident.ByAlias)
	if errors.Is(err, incident.ErrNotFound) {
		o.Result = "ignored: no alert with this alias"
		return o, nil
	}
	if err != nil {
		return o, err
	}
	o.AlertID = fmt.Sprint(a.ID)
	if a.Status == alert.StatusCLOSED {
		o.Result = "ignored: already closed"
		return o, nil
	}
	_, err = h.Alerts.Close(ctx, by, a.ID, "Resolved by "+by.Name)
	var state *incident.StateError
	if errors.As(err, &state) {
		o.Result = "ignored: " + state.Reason
		return o, nil
	}
	o.Result = "closed"
	return o, err
}

func summary(counts map[string]int) string {
	parts := make([]string, 0, len(counts))
	for r, n := range counts {
		parts = append(parts, fmt.Sprintf("%d %s", n, r))
	}
	sort.Strings(parts)
	if len(parts) == 0 {
		return "no alerts"
	}
	return strings.Join(parts, ", ")
}

// severityPriority maps the usual severity label values to priorities.
func severityPriority(severity string) alert.Priority {
	switch strings.ToLower(trimmed(severity)) {
	case "critical":
		return alert.PriorityP1
	case "error", "high":
		return alert.PriorityP2
	case "info":
		return alert.PriorityP5
	}
	return alert.PriorityP3 // warning and anything else
}

// labelTags makes "k:v" tags from labels, sorted, each cut to the tag limit,
// at most incident.MaxTags.
func labelTags(labels map[string]string) []string {
	tags := make([]string, 0, len(labels))
	for k, v := range labels {
		tags = append(tags, cut(k+":"+v, incident.MaxTagLen))
	}
	sort.Strings(tags)
	if len(tags) > incident.MaxTags {
		tags = tags[:incident.MaxTags]
	}
	return tags
}
