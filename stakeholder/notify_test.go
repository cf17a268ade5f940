package stakeholder_test

import (
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/stakeholderpreference"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/stakeholder"
)

func TestDeclaredIncidentEmailsAndPushesTheSubscribersOfItsServices(t *testing.T) {
	w := newWorld(t)
	if _, err := w.s.SubscribeToService(as(w.alice), w.api.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.SubscribeToService(as(w.bob), w.web.ID); err != nil {
		t.Fatal(err)
	}
	device(t, w.alice, "alice-device-token-1")
	inc := w.declare(t, "Payments fail at checkout", w.api)

	got := w.mails(3 * time.Second)
	if len(got) != 1 || len(got["alice@x.io"]) != 1 {
		t.Fatalf("want one email to alice (she follows Checkout API; bob follows Website), got %v", keys(got))
	}
	mustContain(t, "declared email", got["alice@x.io"][0],
		"Subject: New incident: Payments fail at checkout (SEV1, Investigating)",
		"Hello Alice Account", "affects Checkout API", "Status: Investigating: the team is looking into it",
		"Next update due at:", "http://tocsin.test/incidents/", "because you follow Checkout API",
		"http://tocsin.test/profile#notifications")
	sends := w.fcm.Sends()
	if len(sends) != 1 {
		t.Fatalf("want one push to alice's device, got %d", len(sends))
	}
	msg := sends[0].Message
	android := msg["android"].(map[string]any)
	data := msg["data"].(map[string]any)
	if msg["token"] != "alice-device-token-1" || android["priority"] != "normal" || data["action_token"] != nil || data["urgency"] != "low" ||
		data["type"] != "incident.update" || data["incident_id"] != itoa(inc.ID) || data["alert_id"] != nil {
		t.Fatalf("want a low-urgency push without actions to alice's device, got %v", msg)
	}
	if !strings.HasSuffix(data["link"].(string), "/incidents/"+itoa(inc.ID)) {
		t.Fatalf("push links to %v, want the incident", data["link"])
	}
}

func TestStakeholderUpdateReachesFollowersAndInternalUpdateNobody(t *testing.T) {
	w := newWorld(t)
	w.s.SubscribeToService(as(w.alice), w.api.ID)
	inc := w.declare(t, "Checkout slow", w.api)
	w.mails(2 * time.Second) // the declaration
	w.s.SubscribeToIncident(as(w.bob), inc.ID)

	w.post(t, inc, statusupdate.AudienceINTERNAL, "DB primary is at 100% CPU, failing over")
	if got := w.mails(2 * time.Second); len(got) != 0 {
		t.Fatalf("an INTERNAL update must notify nobody, got emails to %v", keys(got))
	}
	w.post(t, inc, statusupdate.AudienceSTAKEHOLDER, "We found the cause and are rolling out a fix.")
	got := w.mails(3 * time.Second)
	if len(got["alice@x.io"]) != 1 || len(got["bob@x.io"]) != 1 || len(got) != 2 {
		t.Fatalf("want one email each to alice (service) and bob (incident), not the author; got %v", got)
	}
	mustContain(t, "update email", got["bob@x.io"][0], "Subject: Update: Checkout slow (Identified)",
		"We found the cause and are rolling out a fix.", "by Rita Responder", "because you follow this incident")
	if strings.Contains(got["bob@x.io"][0], "100% CPU") {
		t.Fatal("the internal update leaked into a stakeholder email")
	}
}

func TestPreferencesAreRespected(t *testing.T) {
	w := newWorld(t)
	device(t, w.alice, "alice-device")
	device(t, w.bob, "bob-device")
	w.s.SubscribeToService(as(w.alice), w.api.ID)
	w.s.SubscribeToService(as(w.bob), w.api.ID)
	no, yes := false, true
	if _, err := w.s.SetPreferences(as(w.alice), stakeholder.PreferencesInput{Email: &no}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.SetPreferences(as(w.bob), stakeholder.PreferencesInput{Push: &no, Email: &yes}); err != nil {
		t.Fatal(err)
	}
	w.declare(t, "Outage", w.api)
	got := w.mails(3 * time.Second)
	if len(got) != 1 || len(got["bob@x.io"]) != 1 {
		t.Fatalf("want email to bob only (alice turned email off), got %v", keys(got))
	}
	sends := w.fcm.Sends()
	if len(sends) != 1 || sends[0].Message["token"] != "alice-device" {
		t.Fatalf("want one push, to alice's device (bob turned push off), got %v", sends)
	}
}

func TestHourlyDigestSendsTwoUpdatesInOneEmail(t *testing.T) {
	w := newWorld(t)
	w.s.SubscribeToService(as(w.alice), w.api.ID)
	hourly := stakeholderpreference.DigestHOURLY
	if _, err := w.s.SetPreferences(as(w.alice), stakeholder.PreferencesInput{Digest: &hourly}); err != nil {
		t.Fatal(err)
	}
	inc := w.declare(t, "Search is down", w.api)
	w.post(t, inc, statusupdate.AudienceSTAKEHOLDER, "First: we are on it.")
	w.post(t, inc, statusupdate.AudiencePUBLIC, "Second: fix deployed.")
	if got := w.mails(2 * time.Second); len(got) != 0 {
		t.Fatalf("a digest reader gets nothing before the period ends, got %v", keys(got))
	}
	// The three events named one task, due at the end of the hour: run it now.
	ins := inspector()
	tasks, err := ins.ListScheduledTasks(stakeholder.Queue)
	if err != nil {
		t.Fatal(err)
	}
	var digests []string
	for _, task := range tasks {
		if task.Type == stakeholder.TypeDigest {
			digests = append(digests, task.ID)
			if want := time.Now().Truncate(time.Hour).Add(time.Hour + 30*time.Second); !task.NextProcessAt.Equal(want) {
				t.Errorf("the digest runs at %v, want %v (30 s after the end of the hour)", task.NextProcessAt, want)
			}
		}
	}
	if len(digests) != 1 {
		t.Fatalf("want one digest task for the hour, got %v", digests)
	}
	if err := ins.RunTask(stakeholder.Queue, digests[0]); err != nil {
		t.Fatal(err)
	}
	got := w.mails(3 * time.Second)
	if len(got["alice@x.io"]) != 1 {
		t.Fatalf("want one digest email, got %v", got)
	}
	mustContain(t, "digest", got["alice@x.io"][0], "Subject: Incident digest: 1 new incident(s), 2 update(s)",
		"Search is down", "First: we are on it.", "Second: fix deployed.", "http://tocsin.test/incidents/")
}

func TestDisabledUsersAndUnsubscribedPeopleHearNothing(t *testing.T) {
	w := newWorld(t)
	w.s.SubscribeToService(as(w.alice), w.api.ID)
	w.s.SubscribeToService(as(w.bob), w.api.ID)
	if _, err := w.s.UnsubscribeFromService(as(w.bob), w.api.ID); err != nil {
		t.Fatal(err)
	}
	env.Client.User.UpdateOne(w.alice).SetDisabled(true).ExecX(sys)
	w.declare(t, "Nobody hears", w.api)
	if got := w.mails(2 * time.Second); len(got) != 0 {
		t.Fatalf("want no email, got %v", keys(got))
	}
}

func keys(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
