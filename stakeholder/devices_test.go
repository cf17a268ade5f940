package stakeholder_test

import (
	"errors"
	"testing"
	"time"

	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/notificationrule"
	"github.com/tocsin/tocsin/ent/privacy"
)

// TestStakeholderRegistersADeviceAndGetsLowPriorityPushes: the mobile app
// of a stakeholder registers their phone; an incident on a service they
// follow reaches it as a low-priority incident.update. Of what pages
// people they can change nothing: no number, no rule, nobody else's device.
func TestStakeholderRegistersADeviceAndGetsLowPriorityPushes(t *testing.T) {
	w := newWorld(t)
	methods := &contact.Methods{Client: env.Client}
	if _, err := w.s.SubscribeToService(as(w.alice), w.api.ID); err != nil {
		t.Fatal(err)
	}
	phone, err := methods.RegisterDevice(as(w.alice), contact.DeviceInput{Token: "alice-fcm-token", Platform: contactmethod.PlatformIOS, Name: "Alice's iPhone"})
	if err != nil {
		t.Fatalf("a stakeholder registering their phone: %v", err)
	}
	if phone.Kind != contactmethod.KindPUSH || phone.VerifiedAt == nil || phone.UserID != w.alice.ID {
		t.Fatalf("want a verified PUSH device of alice's, got %+v", phone)
	}
	if n := env.Client.NotificationRule.Query().CountX(sys); n != 0 {
		t.Fatalf("a stakeholder's device brings no paging rules, got %d", n)
	}

	inc := w.declare(t, "Checkout fails", w.api)
	var sends int
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && sends == 0; time.Sleep(50 * time.Millisecond) {
		sends = len(w.fcm.Sends())
	}
	got := w.fcm.Sends()
	if len(got) != 1 {
		t.Fatalf("want one push to alice's phone, got %d", len(got))
	}
	msg := got[0].Message
	data, android := msg["data"].(map[string]any), msg["android"].(map[string]any)
	if msg["token"] != "alice-fcm-token" || data["type"] != "incident.update" || data["incident_id"] != itoa(inc.ID) ||
		data["urgency"] != "low" || android["priority"] != "normal" {
		t.Fatalf("want a low-priority incident.update for incident %d to alice-fcm-token, got %v", inc.ID, msg)
	}

	bobs := env.Client.ContactMethod.Create().SetUserID(w.bob.ID).SetKind(contactmethod.KindPUSH).SetName("Bob's phone").
		SetAddress("bob-fcm-token").SetVerifiedAt(time.Now()).SaveX(sys)
	before := env.Client.ContactMethod.Query().CountX(sys)
	if _, err := methods.Create(as(w.alice), contact.MethodInput{Kind: contactmethod.KindSMS, Name: "Mobile", Address: "+4915112345678"}); !errors.Is(err, privacy.Deny) {
		t.Errorf("a stakeholder adding an SMS number: want a privacy denial, got %v", err)
	}
	// Ent privacy itself refuses it too, whatever door asks.
	if err := env.Client.ContactMethod.Create().SetUserID(w.alice.ID).SetKind(contactmethod.KindSMS).SetName("Mobile").
		SetAddress("+4915112345678").Exec(as(w.alice)); !errors.Is(err, privacy.Deny) {
		t.Errorf("a stakeholder creating an SMS method through ent: want a privacy denial, got %v", err)
	}
	if _, err := methods.CreateRule(as(w.alice), contact.RuleInput{ContactMethodID: phone.ID, Urgency: notificationrule.UrgencyLOW}); !errors.Is(err, privacy.Deny) {
		t.Errorf("a stakeholder adding a notification rule: want a privacy denial, got %v", err)
	}
	if err := env.Client.NotificationRule.Create().SetUserID(w.alice.ID).SetContactMethodID(phone.ID).
		SetUrgency(notificationrule.UrgencyLOW).Exec(as(w.alice)); !errors.Is(err, privacy.Deny) {
		t.Errorf("a stakeholder creating a rule through ent: want a privacy denial, got %v", err)
	}
	if err := methods.Delete(as(w.alice), bobs.ID); !errors.Is(err, privacy.Deny) {
		t.Errorf("a stakeholder deleting another's device: want a privacy denial, got %v", err)
	}
	if n := env.Client.ContactMethod.Query().CountX(sys); n != before || env.Client.NotificationRule.Query().CountX(sys) != 0 {
		t.Fatalf("refused changes changed something: %d contact methods (want %d)", n, before)
	}

	mine, err := methods.List(as(w.alice), w.alice.ID)
	if err != nil || len(mine) != 1 || mine[0].ID != phone.ID {
		t.Fatalf("alice lists her phone only, got %v %v", mine, err)
	}
	if err := methods.Delete(as(w.alice), phone.ID); err != nil {
		t.Fatalf("a stakeholder removing their own device: %v", err)
	}
	if env.Client.ContactMethod.Query().Where(contactmethod.ID(phone.ID)).ExistX(sys) || !env.Client.ContactMethod.Query().Where(contactmethod.ID(bobs.ID)).ExistX(sys) {
		t.Fatal("want alice's phone gone and bob's kept")
	}
}
