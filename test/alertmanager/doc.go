// Package alertmanager holds the test of Tocsin against a real Prometheus
// Alertmanager (v0.31.1, installed by scripts/alertmanager.sh): its
// opsgenie_configs, pagerduty_configs and webhook_configs receivers deliver
// to a real `tocsin serve`, and the alerts must open, deduplicate and close
// in Tocsin as they do in Alertmanager.
package alertmanager
