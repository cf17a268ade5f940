package config

import (
	"flag"
	"fmt"
	"strings"
	"testing"
)

func load(t *testing.T, args ...string) (*Config, error) {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	vals := Register(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return Load(vals)
}

func TestDefaultsSuitALaptop(t *testing.T) {
	c, err := load(t)
	if err != nil {
		t.Fatal(err)
	}
	if c.HTTPAddr != ":8080" || c.BaseURL != "http://localhost:8080" || c.SecureCookies() {
		t.Fatalf("unexpected defaults: %+v", c)
	}
	if c.DelayedTaskCheckInterval > 250_000_000 {
		t.Fatalf("delayed tasks must be checked often enough to fire within a second, got %v", c.DelayedTaskCheckInterval)
	}
}

func TestFlagsOverrideEnvironment(t *testing.T) {
	t.Setenv("TOCSIN_HTTP_ADDR", ":9000")
	c, _ := load(t)
	if c.HTTPAddr != ":9000" {
		t.Fatalf("env: got %q", c.HTTPAddr)
	}
	c, _ = load(t, "--http-addr", ":9100", "--base-url", "https://tocsin.example.com/")
	if c.HTTPAddr != ":9100" || c.BaseURL != "https://tocsin.example.com" || !c.SecureCookies() {
		t.Fatalf("flags: got %q %q", c.HTTPAddr, c.BaseURL)
	}
}

func TestBadValuesNameTheVariable(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--base-url", "localhost"}, "TOCSIN_BASE_URL"},
		{[]string{"--worker-queues", "default=6"}, "TOCSIN_WORKER_QUEUES"},
		{[]string{"--worker-queues", "critical=6,default=3,low=1"}, "TOCSIN_WORKER_QUEUES"},
		{[]string{"--paging-concurrency", "0"}, "TOCSIN_PAGING_CONCURRENCY"},
		{[]string{"--paging-db-connections", "1"}, "TOCSIN_PAGING_DB_CONNECTIONS"},
		{[]string{"--task-check-interval", "soon"}, "TOCSIN_TASK_CHECK_INTERVAL"},
		{[]string{"--max-body-bytes", "-1"}, "TOCSIN_MAX_BODY_BYTES"},
		{[]string{"--log-level", "loud"}, "TOCSIN_LOG_LEVEL"},
		{[]string{"--inbound-email-domain", "alerts@example.com"}, "TOCSIN_INBOUND_EMAIL_DOMAIN"},
		{[]string{"--smtp-inbound-addr", "2525"}, "TOCSIN_SMTP_INBOUND_ADDR"},
	} {
		if _, err := load(t, tc.args...); err == nil || !strings.HasPrefix(err.Error(), tc.want+":") {
			t.Errorf("%v: want an error starting with %s, got %v", tc.args, tc.want, err)
		}
	}
}

func TestInboundEmailDomainDefaultsToTheBaseURLHost(t *testing.T) {
	c, err := load(t, "--base-url", "https://Tocsin.Example.com:8443")
	if err != nil {
		t.Fatal(err)
	}
	if c.InboundEmailDomain != "tocsin.example.com" || c.SMTPInboundAddr != "" {
		t.Fatalf("want domain tocsin.example.com and the listener off, got %q %q", c.InboundEmailDomain, c.SMTPInboundAddr)
	}
	c, err = load(t, "--inbound-email-domain", "Alerts.Example.com", "--smtp-inbound-addr", "127.0.0.1:2525")
	if err != nil {
		t.Fatal(err)
	}
	if c.InboundEmailDomain != "alerts.example.com" || c.SMTPInboundAddr != "127.0.0.1:2525" {
		t.Fatalf("want the set domain and address, got %q %q", c.InboundEmailDomain, c.SMTPInboundAddr)
	}
}

// No published secret ever signs action links, on localhost included
// (docker-compose.yml's base URL, with the port open on every interface):
// unset, the secret generated and kept in the database is used (nil here).
func TestActionSecretIsNeverAPublishedDefault(t *testing.T) {
	for _, base := range []string{"http://localhost:8080", "http://127.0.0.1:9000", "http://[::1]:8080", "http://tocsin.localhost", "https://tocsin.example.com"} {
		c, err := load(t, "--base-url", base)
		if err != nil {
			t.Fatal(err)
		}
		if c.ActionSecrets != nil {
			t.Errorf("%s without a secret: want nil (the generated one), got %q", base, c.ActionSecrets)
		}
	}
	newer, older := strings.Repeat("n", 32), strings.Repeat("o", 40)
	c, err := load(t, "--base-url", "https://tocsin.example.com", "--action-secret", " "+newer+"  "+older+" ", "--action-token-ttl", "15m")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.ActionSecrets) != 2 || c.ActionSecrets[0] != newer || c.ActionSecrets[1] != older || c.ActionTokenTTL.Minutes() != 15 {
		t.Errorf("want both secrets newest first and 15m, got %q %v", c.ActionSecrets, c.ActionTokenTTL)
	}
}

func TestBadChannelSettingsNameTheVariable(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--action-secret", "too-short"}, "TOCSIN_ACTION_SECRET"},
		{[]string{"--action-token-ttl", "0s"}, "TOCSIN_ACTION_TOKEN_TTL"},
		{[]string{"--twilio-account-sid", "AC123"}, "TOCSIN_TWILIO_AUTH_TOKEN"},
		{[]string{"--twilio-base-url", "api.twilio.com"}, "TOCSIN_TWILIO_BASE_URL"},
		{[]string{"--fcm-endpoint", "127.0.0.1:9099"}, "TOCSIN_FCM_ENDPOINT"},
		{[]string{"--webhook-allow-cidrs", "10.0.4.0/24,mattermost.internal"}, "TOCSIN_WEBHOOK_ALLOW_CIDRS"},
	} {
		if _, err := load(t, tc.args...); err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%v: want an error starting with %s, got %v", tc.args, tc.want, err)
		}
	}
}

func TestWebhookAllowListIsReadAndTheOldSwitchRefused(t *testing.T) {
	c, err := load(t)
	if err != nil || len(c.WebhookAllow) != 0 {
		t.Fatalf("default: want no allowed networks, got %v, %v", c.WebhookAllow, err)
	}
	c, err = load(t, "--webhook-allow-cidrs", "10.0.4.0/24, 127.0.0.1,fd00::/8")
	if err != nil || fmt.Sprint(c.WebhookAllow) != "[10.0.4.0/24 127.0.0.1/32 fd00::/8]" {
		t.Fatalf("want [10.0.4.0/24 127.0.0.1/32 fd00::/8], got %v, %v", c.WebhookAllow, err)
	}
	t.Setenv("TOCSIN_WEBHOOK_ALLOW_PRIVATE", "true")
	if _, err := load(t); err == nil || !strings.Contains(err.Error(), "TOCSIN_WEBHOOK_ALLOW_CIDRS") {
		t.Errorf("the old TOCSIN_WEBHOOK_ALLOW_PRIVATE set: want a refusal naming TOCSIN_WEBHOOK_ALLOW_CIDRS, got %v", err)
	}
}

func TestHelpDoesNotPrintSecretsFromTheEnvironment(t *testing.T) {
	secret := strings.Repeat("s", 40)
	t.Setenv("TOCSIN_ACTION_SECRET", secret)
	t.Setenv("TOCSIN_TWILIO_AUTH_TOKEN", "twilio-token-from-env")
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	vals := Register(fs)
	var help strings.Builder
	fs.SetOutput(&help)
	fs.PrintDefaults()
	if strings.Contains(help.String(), secret) || strings.Contains(help.String(), "twilio-token-from-env") {
		t.Errorf("--help shows a secret from the environment:\n%s", help.String())
	}
	c, err := Load(vals)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.ActionSecrets) != 1 || c.ActionSecrets[0] != secret || c.TwilioAuthToken != "twilio-token-from-env" {
		t.Errorf("the environment's secrets must still be used, got %q %q", c.ActionSecrets, c.TwilioAuthToken)
	}
}
