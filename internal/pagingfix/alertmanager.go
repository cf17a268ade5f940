package pagingfix

import (
	"encoding/json"
	"fmt"
	"time"
)

// AlertmanagerBody is an Alertmanager webhook_configs request (version 4,
// the shape of server/ingest/testdata/alertmanager_v0.31.1_webhook_firing.json)
// with one firing, critical alert per message: fingerprint prefix+"-"+its
// index, and the message as its summary annotation, which becomes the
// alert's message (so a receiver tells the alerts apart). Send it with
// the fixture's AlertmanagerKey to POST /hooks/alertmanager.
func AlertmanagerBody(prefix string, msgs []string) []byte {
	type amAlert struct {
		Status       string            `json:"status"`
		Labels       map[string]string `json:"labels"`
		Annotations  map[string]string `json:"annotations"`
		StartsAt     string            `json:"startsAt"`
		EndsAt       string            `json:"endsAt"`
		GeneratorURL string            `json:"generatorURL"`
		Fingerprint  string            `json:"fingerprint"`
	}
	started := time.Now().UTC().Format(time.RFC3339)
	alerts := make([]amAlert, len(msgs))
	for i, m := range msgs {
		alerts[i] = amAlert{Status: "firing",
			Labels: map[string]string{"alertname": "HighErrorRate", "instance": fmt.Sprintf("checkout-%d:8080", i),
				"service": "checkout", "severity": "critical", "team": "payments"},
			Annotations:  map[string]string{"summary": m, "runbook_url": "https://runbooks.example.com/checkout-5xx"},
			StartsAt:     started,
			EndsAt:       "0001-01-01T00:00:00Z",
			GeneratorURL: "http://prometheus.example:9090/graph?g0.expr=rate5xx",
			Fingerprint:  fmt.Sprintf("%s-%d", prefix, i),
		}
	}
	b, _ := json.Marshal(map[string]any{
		"receiver": "webhook", "status": "firing", "alerts": alerts,
		"groupLabels":       map[string]string{"alertname": "HighErrorRate", "service": "checkout"},
		"commonLabels":      map[string]string{"alertname": "HighErrorRate", "service": "checkout", "severity": "critical"},
		"commonAnnotations": map[string]string{},
		"externalURL":       "http://127.0.0.1:19093",
		"version":           "4",
		"groupKey":          fmt.Sprintf(`{}/{}:{alertname="HighErrorRate", batch=%q}`, prefix),
		"truncatedAlerts":   0,
	})
	return b
}
