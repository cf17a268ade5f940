package integration

import (
	"fmt"

	"github.com/tocsin/tocsin/ent"
	entintegration "github.com/tocsin/tocsin/ent/integration"
)

// KeyPlaceholder stands for the key in snippets shown after creation time,
// when Tocsin no longer knows it.
const KeyPlaceholder = "<YOUR_INTEGRATION_KEY>"

// URL is where a sender of this kind posts (for EMAIL, the address to mail).
func (s *Integrations) URL(i *ent.Integration, key string) string {
	switch i.Kind {
	case entintegration.KindOPSGENIE:
		return s.BaseURL + "/v2/alerts"
	case entintegration.KindPAGERDUTY:
		return s.BaseURL + "/v2/enqueue"
	case entintegration.KindALERTMANAGER:
		return s.BaseURL + "/hooks/alertmanager"
	case entintegration.KindGRAFANA:
		return s.BaseURL + "/hooks/grafana"
	case entintegration.KindGENERIC:
		return s.BaseURL + "/hooks/generic"
	case entintegration.KindEMAIL:
		if key == "" {
			key = KeyPlaceholder
		}
		return key + "@" + s.InboundDomain
	case entintegration.KindHEARTBEAT:
		return s.BaseURL + "/v2/heartbeats/<HEARTBEAT_NAME>/ping"
	}
	return s.BaseURL
}

// Snippets are ready-to-paste configurations for the common senders.
type Snippets struct {
	Curl, Alertmanager, Grafana string
}

// Snippets returns the configurations for this integration; key may be ""
// (then a placeholder stands in).
func (s *Integrations) Snippets(i *ent.Integration, key string) Snippets {
	if key == "" {
		key = KeyPlaceholder
	}
	url := s.URL(i, key)
	switch i.Kind {
	case entintegration.KindOPSGENIE:
		return Snippets{
			Curl: fmt.Sprintf(`curl -X POST %s \
  -H 'Authorization: GenieKey %s' -H 'Content-Type: application/json' \
  -d '{"message":"Test alert from curl","alias":"tocsin-test","priority":"P3"}'`, url, key),
			Alertmanager: fmt.Sprintf(`receivers:
  - name: tocsin
    opsgenie_configs:
      - api_url: %s/
        api_key: %s
        send_resolved: true`, s.BaseURL, key),
			Grafana: fmt.Sprintf(`Contact point type: Opsgenie
API URL: %s
API key: %s
Alert auto-close: on`, url, key),
		}
	case entintegration.KindPAGERDUTY:
		return Snippets{
			Curl: fmt.Sprintf(`curl -X POST %s -H 'Content-Type: application/json' \
  -d '{"routing_key":"%s","event_action":"trigger","dedup_key":"tocsin-test","payload":{"summary":"Test alert from curl","source":"curl","severity":"warning"}}'`, url, key),
			Alertmanager: fmt.Sprintf(`receivers:
  - name: tocsin
    pagerduty_configs:
      - url: %s
        routing_key: %s
        send_resolved: true`, url, key),
			Grafana: fmt.Sprintf(`Contact point type: PagerDuty
Integration Key: %s
API URL (optional): %s`, key, url),
		}
	case entintegration.KindEMAIL:
		return Snippets{Curl: fmt.Sprintf("Send an email to %s: the subject becomes the message, the body the description.", url)}
	case entintegration.KindHEARTBEAT:
		return Snippets{
			Curl: fmt.Sprintf(`curl -X POST %s -H 'Authorization: GenieKey %s'`, url, key),
			Alertmanager: fmt.Sprintf(`# An always-firing Watchdog alert routed here pings the heartbeat.
receivers:
  - name: tocsin-heartbeat
    webhook_configs:
      - url: %s
        http_config:
          basic_auth:
            password: %s`, url, key),
		}
	}
	// Alertmanager, Grafana and generic webhooks: the key as a bearer token.
	curlBody := `{"message":"Test alert from curl","alias":"tocsin-test"}`
	return Snippets{
		Curl: fmt.Sprintf(`curl -X POST %s -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' \
  -d '%s'`, url, key, curlBody),
		Alertmanager: fmt.Sprintf(`receivers:
  - name: tocsin
    webhook_configs:
      - url: %s
        send_resolved: true
        http_config:
          authorization:
            credentials: %s`, url, key),
		Grafana: fmt.Sprintf(`Contact point type: Webhook
URL: %s?key=%s
HTTP Method: POST`, url, key),
	}
}
