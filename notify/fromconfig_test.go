package notify_test

import (
	"context"
	"flag"
	"net/netip"
	"slices"
	"sort"
	"testing"

	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/notify"
)

func loadConfig(t *testing.T, args ...string) *config.Config {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	vals := config.Register(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(vals)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func names(m map[string]notify.Channel) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestFromConfigTurnsOnWhatIsConfigured(t *testing.T) {
	chs, err := notify.FromConfig(loadConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := names(chs.ByName()); !slices.Equal(got, []string{"email", "webhook"}) {
		t.Errorf("defaults: want email and webhook, got %v", got)
	}

	f := newFakeTwilio(t)
	chs, err = notify.FromConfig(loadConfig(t, "--twilio-account-sid", testSID, "--twilio-auth-token", testToken,
		"--twilio-from", "+15005550006", "--twilio-base-url", f.URL, "--base-url", "https://tocsin.example.com", "--webhook-secret", "whsec",
		"--webhook-allow-cidrs", "10.0.4.0/24"))
	if err != nil {
		t.Fatal(err)
	}
	if got := names(chs.ByName()); !slices.Equal(got, []string{"email", "sms", "voice", "webhook"}) {
		t.Errorf("with Twilio: want email, sms, voice, webhook, got %v", got)
	}
	if chs.Webhook.Secret != "whsec" {
		t.Errorf("webhook secret: want whsec, got %q", chs.Webhook.Secret)
	}
	if p := chs.Webhook.Egress.Policy; p.Check(netip.MustParseAddr("10.0.4.7")) != nil || p.Check(netip.MustParseAddr("10.0.5.1")) == nil {
		t.Errorf("webhook egress: want 10.0.4.0/24 allowed and the rest of 10/8 refused, got allow %v", p.Allow)
	}
	if _, err := chs.ByName()["sms"].Send(context.Background(), page); err != nil {
		t.Fatal(err)
	}
	if form := f.Last().Form; form.Get("StatusCallback") != "https://tocsin.example.com/hooks/twilio/status" || form.Get("From") != "+15005550006" {
		t.Errorf("the configured SMS channel must use the settings, sent %v", form)
	}
}
