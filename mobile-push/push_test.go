package mobilepush_test

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/internal/fakefcm"
	mobilepush "github.com/tocsin/tocsin/mobile-push"
	"github.com/tocsin/tocsin/notify"
)

const (
	project     = "tocsin-test"
	deviceToken = "fcm-device-token-of-alices-pixel"
)

func newFakeFCM(t *testing.T) *fakefcm.Server { return fakefcm.Start(t, project) }

// pushVia is the push channel on the fake, as configured from a downloaded key.
func pushVia(t *testing.T, f *fakefcm.Server) *mobilepush.Push {
	p, err := mobilepush.New(context.Background(), mobilepush.Config{Credentials: f.Credentials(), Endpoint: f.URL + "/v1"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// projects lists the project of each send.
func projects(f *fakefcm.Server) []string {
	var out []string
	for _, s := range f.Sends() {
		out = append(out, s.Project)
	}
	return out
}

var page = notify.Page{
	AlertID: 4294967337, TinyID: 42, Message: "Card payments failing", Priority: "P1", Service: "Payments API",
	Urgency: notify.UrgencyHigh, Link: "https://tocsin.example.com/alerts/4294967337",
	To: deviceToken, ToName: "Alice's Pixel",
	ActionToken: "tok_abc", ActionURL: "https://tocsin.example.com/actions/tok_abc",
	DeliveryKey: "tocsin-delivery-9031",
}

// wantMessage is the JSON FCM must receive for page with the given
// Android channel, priorities, iOS sound and interruption level.
func wantMessage(androidPriority, channel, notifPriority, apnsPriority string, sound any, level string) map[string]any {
	var m map[string]any
	raw := `{
	  "token": "` + deviceToken + `",
	  "notification": {"title": "P1 · Payments API", "body": "#42 Card payments failing"},
	  "data": {
	    "type": "alert.page", "alert_id": "4294967337", "tiny_id": "42", "message": "Card payments failing",
	    "priority": "P1", "service": "Payments API", "urgency": "` + string(page.Urgency) + `",
	    "link": "https://tocsin.example.com/alerts/4294967337", "delivery": "tocsin-delivery-9031",
	    "action_token": "tok_abc", "action_url": "https://tocsin.example.com/actions/tok_abc",
	    "actions": "acknowledge,escalate,close"
	  },
	  "android": {
	    "priority": "` + androidPriority + `",
	    "notification": {"title": "P1 · Payments API", "body": "#42 Card payments failing", "channel_id": "` + channel + `",
	      "tag": "alert-4294967337", "click_action": "TOCSIN_ALERT", "notification_priority": "` + notifPriority + `", "default_sound": true}
	  },
	  "apns": {
	    "headers": {"apns-priority": "` + apnsPriority + `", "apns-push-type": "alert", "apns-collapse-id": "alert-4294967337"},
	    "payload": {"aps": {"alert": {"title": "P1 · Payments API", "body": "#42 Card payments failing"},
	      "category": "TOCSIN_ALERT", "thread-id": "alert-4294967337", "interruption-level": "` + level + `"}}
	  }
	}`
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		panic(err)
	}
	m["apns"].(map[string]any)["payload"].(map[string]any)["aps"].(map[string]any)["sound"] = sound
	return m
}

func diffJSON(t *testing.T, name string, want, got map[string]any) {
	t.Helper()
	if !reflect.DeepEqual(want, got) {
		w, _ := json.MarshalIndent(want, "", "  ")
		g, _ := json.MarshalIndent(got, "", "  ")
		t.Errorf("%s: the message FCM received differs\nwant %s\ngot  %s", name, w, g)
	}
}

func TestPushSendsTheExactFCMRequestAfterARealTokenExchange(t *testing.T) {
	f := newFakeFCM(t)
	push := pushVia(t, f)
	r, err := push.Send(context.Background(), page)
	if err != nil {
		t.Fatal(err)
	}
	if r.ProviderID != "projects/"+project+"/messages/0:1732400000000000%31bd1c9af9fd7ecd" || r.Summary != "push to Alice's Pixel: sent" {
		t.Errorf("receipt: got %+v", r)
	}
	diffJSON(t, "high urgency, no critical opt-in", wantMessage("high", mobilepush.ChannelHigh, "PRIORITY_MAX", "10", "default", "time-sensitive"), f.Last())

	critical := page
	critical.CriticalAlerts = true
	if _, err := push.Send(context.Background(), critical); err != nil {
		t.Fatal(err)
	}
	diffJSON(t, "high urgency, critical alerts allowed",
		wantMessage("high", mobilepush.ChannelHigh, "PRIORITY_MAX", "10", map[string]any{"critical": float64(1), "name": "default", "volume": float64(1)}, "critical"), f.Last())

	if !slices.Equal(projects(f), []string{project, project}) {
		t.Errorf("want both sent to /v1/projects/%s/messages:send (the project of the credentials), got %v", project, projects(f))
	}
	if f.Exchanges() != 1 {
		t.Errorf("two sends: want one OAuth token exchange (the token is cached), got %d", f.Exchanges())
	}
}

func TestLowUrgencyPushIsNormalAndNeverCritical(t *testing.T) {
	f := newFakeFCM(t)
	low := page
	low.Urgency, low.CriticalAlerts = notify.UrgencyLow, true
	if _, err := pushVia(t, f).Send(context.Background(), low); err != nil {
		t.Fatal(err)
	}
	want := wantMessage("normal", mobilepush.ChannelLow, "PRIORITY_DEFAULT", "5", "default", "active")
	want["data"].(map[string]any)["urgency"] = "low"
	diffJSON(t, "low urgency", want, f.Last())
}

func TestUnregisteredTokenIsPermanentAndSaysPrune(t *testing.T) {
	f := newFakeFCM(t)
	push := pushVia(t, f)
	for _, c := range []struct {
		name         string
		status       int
		body         string
		permanent    bool
		unregistered bool
	}{
		{"unregistered", 404, `{"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"UNREGISTERED"}]}}`, true, true},
		{"invalid token", 400, `{"error":{"code":400,"message":"The registration token is not a valid FCM registration token","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"INVALID_ARGUMENT"}]}}`, true, false},
		{"sender mismatch", 403, `{"error":{"code":403,"message":"SenderId mismatch","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"SENDER_ID_MISMATCH"}]}}`, true, false},
		{"quota", 429, `{"error":{"code":429,"message":"Quota exceeded.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"QUOTA_EXCEEDED"}]}}`, false, false},
		{"internal", 500, `{"error":{"code":500,"message":"Internal error.","status":"INTERNAL","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"INTERNAL"}]}}`, false, false},
	} {
		f.Respond(c.status, c.body)
		_, err := push.Send(context.Background(), page)
		if err == nil || notify.IsPermanent(err) != c.permanent || mobilepush.IsUnregistered(err) != c.unregistered {
			t.Errorf("%s: want permanent=%v unregistered=%v, got %v", c.name, c.permanent, c.unregistered, err)
		}
		var ne *notify.Error
		if !errors.As(err, &ne) || ne.Channel != "push" {
			t.Errorf("%s: want a *notify.Error of channel push, got %v", c.name, err)
		}
	}
}

func TestPushRefusesCredentialsThatAreNotAServiceAccount(t *testing.T) {
	path := filepath.Join(t.TempDir(), "user.json")
	os.WriteFile(path, []byte(`{"type":"authorized_user","client_id":"x","client_secret":"y","refresh_token":"z"}`), 0o600)
	if _, err := mobilepush.New(context.Background(), mobilepush.Config{Credentials: path}); err == nil || !strings.Contains(err.Error(), "service_account") {
		t.Errorf("user credentials: want an error asking for a service account, got %v", err)
	}
	if _, err := mobilepush.New(context.Background(), mobilepush.Config{Credentials: filepath.Join(t.TempDir(), "missing.json")}); err == nil || !strings.HasPrefix(err.Error(), "TOCSIN_FCM_CREDENTIALS") {
		t.Errorf("missing file: want an error naming TOCSIN_FCM_CREDENTIALS, got %v", err)
	}
	f := newFakeFCM(t)
	if _, err := pushVia(t, f).Send(context.Background(), notify.Page{AlertID: 1, TinyID: 1, Message: "m"}); !notify.IsPermanent(err) {
		t.Errorf("no device token: want a permanent error, got %v", err)
	}
}

func TestFromConfigIsOffWithoutCredentials(t *testing.T) {
	load := func(args ...string) *config.Config {
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
	if p, err := mobilepush.FromConfig(context.Background(), load()); p != nil || err != nil {
		t.Errorf("no credentials: want push off (nil, nil), got %v, %v", p, err)
	}
	f := newFakeFCM(t)
	p, err := mobilepush.FromConfig(context.Background(), load("--fcm-credentials", f.Credentials(), "--fcm-project", "other-project", "--fcm-endpoint", f.URL+"/v1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Send(context.Background(), page); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(projects(f), []string{"other-project"}) {
		t.Errorf("TOCSIN_FCM_PROJECT overrides the credentials' project: want [other-project], got %v", projects(f))
	}
}
