package ingest

import (
	"errors"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/incident"
)

// alertmanagerWebhook is Alertmanager's webhook_configs body (version 4).
// Fields added later (notification_reason in v0.32, routeLabels in v0.34)
// and the Grafana extras are ignored or read by grafanaWebhook.
type alertmanagerWebhook struct {
	Version     string              `json:"version"`
	Status      string              `json:"status"`
	Receiver    string              `json:"receiver"`
	GroupKey    string              `json:"groupKey"`
	ExternalURL string              `json:"externalURL"`
	Alerts      []alertmanagerAlert `json:"alerts"`
}

type alertmanagerAlert struct {
	Status       string            `json:"status"`
	Labels       map[string]string `json:"labels"`
	Annotations  map[string]string `json:"annotations"`
	StartsAt     string            `json:"startsAt"`
	EndsAt       string            `json:"endsAt"`
	GeneratorURL string            `json:"generatorURL"`
	Fingerprint  string            `json:"fingerprint"`
}

// decodeAlertmanager checks a webhook body and returns one hookAlert per
// alert. It touches no database (fuzzed).
func decodeAlertmanager(body []byte) ([]hookAlert, error) {
	var wh alertmanagerWebhook
	if err := decodeJSON(body, &wh); err != nil {
		return nil, err
	}
	source := wh.ExternalURL
	if source == "" {
		source = "Alertmanager"
	}
	out := make([]hookAlert, 0, len(wh.Alerts))
	for k, a := range wh.Alerts {
		ha, err := a.hookAlert(fmt.Sprintf("alerts[%d]", k), source, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, ha)
	}
	return out, nil
}

// hookAlert is the alert Alertmanager's alert becomes: alias = fingerprint,
// message = summary annotation, else alertname (and instance); extra details
// (Grafana's) are added to labels, annotations and generatorURL.
func (a alertmanagerAlert) hookAlert(at, source string, extra map[string]string) (hookAlert, error) {
	fp := trimmed(a.Fingerprint)
	if fp == "" {
		return hookAlert{}, invalid(at+".fingerprint", "is required")
	}
	if len(fp) > incident.MaxAlias {
		return hookAlert{}, invalid(at+".fingerprint", fmt.Sprintf("must be at most %d characters", incident.MaxAlias))
	}
	var resolved bool
	switch a.Status {
	case "firing", "":
	case "resolved":
		resolved = true
	default:
		return hookAlert{}, invalid(at+".status", fmt.Sprintf("%q is not firing or resolved", a.Status))
	}
	message := trimmed(a.Annotations["summary"])
	if message == "" {
		message = trimmed(a.Labels["alertname"])
		if inst := trimmed(a.Labels["instance"]); inst != "" && message != "" {
			message += " (" + inst + ")"
		}
	}
	if message == "" {
		message = "Alert " + fp
	}
	details := map[string]string{}
	for k, v := range a.Labels {
		details[k] = v
	}
	for k, v := range a.Annotations {
		details[k] = v
	}
	if a.GeneratorURL != "" {
		details["generatorURL"] = a.GeneratorURL
	}
	for k, v := range extra {
		if v != "" {
			details[k] = v
		}
	}
	n := incident.NewAlert{
		Alias:       fp,
		Message:     cut(message, incident.MaxMessage),
		Description: cut(a.Annotations["description"], incident.MaxDescription),
		Source:      cut(source, incident.MaxSource),
		Priority:    severityPriority(a.Labels["severity"]),
		Tags:        labelTags(a.Labels),
		Details:     fitDetails(details),
	}
	if t, err := time.Parse(time.RFC3339Nano, a.StartsAt); err == nil && !t.IsZero() && t.Year() > 1 {
		n.OccurredAt = t
	}
	if err := n.Validate(); err != nil {
		var inv *incident.InvalidError
		if errors.As(err, &inv) {
			return hookAlert{}, invalid(at+"."+inv.Field, inv.Reason)
		}
		return hookAlert{}, err
	}
	return hookAlert{Resolved: resolved, Alert: n}, nil
}

// alertmanager serves POST /hooks/alertmanager.
func (h *doors) alertmanager(c *call) (string, error) {
	return h.applyHook(c, c.event.([]hookAlert)) // decoded and counted at the door (batchOf)
}
