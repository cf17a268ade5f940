package ingest

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tocsin/tocsin/incident"
)

// grafanaWebhook is Grafana Alerting's webhook contact point body
// (grafana/alerting receivers/webhook/v1, version "1"): Alertmanager's
// shape plus orgId, title, state, message and per-alert links and values.
type grafanaWebhook struct {
	Version     string         `json:"version"`
	Status      string         `json:"status"`
	State       string         `json:"state"`
	Title       string         `json:"title"`
	ExternalURL string         `json:"externalURL"`
	Alerts      []grafanaAlert `json:"alerts"`
}

type grafanaAlert struct {
	alertmanagerAlert
	SilenceURL   string         `json:"silenceURL"`
	DashboardURL string         `json:"dashboardURL"`
	PanelURL     string         `json:"panelURL"`
	ImageURL     string         `json:"imageURL"`
	RuleUID      string         `json:"ruleUID"`
	ValueString  string         `json:"valueString"`
	Values       map[string]any `json:"values"`
}

// decodeGrafana checks a Grafana webhook body and returns one hookAlert per
// alert. The label og_priority (P1..P5), which Grafana's Opsgenie contact
// point honours, wins over severity. It touches no database (fuzzed).
func decodeGrafana(body []byte) ([]hookAlert, error) {
	var wh grafanaWebhook
	if err := decodeJSON(body, &wh); err != nil {
		return nil, err
	}
	out := make([]hookAlert, 0, len(wh.Alerts))
	for k, a := range wh.Alerts {
		at := fmt.Sprintf("alerts[%d]", k)
		extra := map[string]string{
			"silenceURL": a.SilenceURL, "dashboardURL": a.DashboardURL, "panelURL": a.PanelURL,
			"imageURL": a.ImageURL, "ruleUID": a.RuleUID, "valueString": a.ValueString, "values": values(a.Values),
		}
		ha, err := a.hookAlert(at, "Grafana", extra)
		if err != nil {
			return nil, err
		}
		if p := a.Labels["og_priority"]; p != "" {
			pr, err := incident.ParsePriority(p)
			if err != nil {
				return nil, invalid(at+".labels.og_priority", fmt.Sprintf("%q is not one of P1, P2, P3, P4, P5", p))
			}
			ha.Alert.Priority = pr
		}
		out = append(out, ha)
	}
	return out, nil
}

// values renders Grafana's query values as "B=44.24, C=1".
func values(v map[string]any) string {
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		s := text(v[k])
		if f, ok := v[k].(float64); ok {
			s = strconv.FormatFloat(f, 'g', 6, 64)
		}
		parts = append(parts, k+"="+s)
	}
	return strings.Join(parts, ", ")
}

// grafana serves POST /hooks/grafana.
func (h *doors) grafana(c *call) (string, error) {
	return h.applyHook(c, c.event.([]hookAlert)) // decoded and counted at the door (batchOf)
}
