package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
)

// smsNumber gives a demo user a verified SMS contact method.
func smsNumber(t *testing.T, email, number string) *ent.ContactMethod {
	t.Helper()
	return env.Client.ContactMethod.Create().SetUserID(demoUser(t, email).ID).SetKind(contactmethod.KindSMS).
		SetName("Work phone").SetAddress(number).SetVerifiedAt(time.Now()).SaveX(viewerSystem())
}

// paged records that an alert was paged to a contact method, as the engine
// does when it sends.
func paged(t *testing.T, alertID int, cm *ent.ContactMethod, step int, providerID string) *ent.Delivery {
	t.Helper()
	return env.Client.Delivery.Create().SetAlertID(alertID).SetUserID(cm.UserID).SetContactMethodID(cm.ID).
		SetRound(0).SetStep(step).SetDueAt(time.Now()).SetStatus(delivery.StatusSENT).SetProviderID(providerID).
		SaveX(viewerSystem())
}

func smsForm(from, body string) url.Values {
	return url.Values{"MessageSid": {"SM" + strings.Repeat("1", 32)}, "AccountSid": {"AC" + strings.Repeat("0", 32)},
		"From": {from}, "To": {"+15005550006"}, "Body": {body}, "NumMedia": {"0"}}
}

func message(text string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n<Response><Message>" + text + "</Message></Response>"
}

func TestSMSReplyActsAsTheSender(t *testing.T) {
	h := newActionsHarness(t, newSigner(t))
	smsNumber(t, "responder@tocsin.local", "+4915112345678")
	tiny := incident.TinyID(h.alert.ID)
	cases := []struct {
		from, body, want string
		status           alert.Status
	}{
		{"+4915199999999", fmt.Sprintf("%da", tiny), "Tocsin does not know this number: add and verify it on your profile to answer pages by SMS.", alert.StatusOPEN},
		{"+4915112345678", "yes", "reply with the code and a letter: &#34;42a&#34; acknowledges alert 42, &#34;42c&#34; closes it, &#34;42e&#34; escalates it; &#34;aa&#34; acknowledges all your open alerts, &#34;cc&#34; closes them", alert.StatusOPEN},
		{"+4915112345678", "999999a", "There is no alert #999999.", alert.StatusOPEN},
		{"+4915112345678", fmt.Sprintf(" %d A.", tiny), fmt.Sprintf("Alert #%d acknowledged.", tiny), alert.StatusACKED},
		{"+4915112345678", fmt.Sprintf("%da", tiny), fmt.Sprintf("Alert #%d: Alert is already acknowledged.", tiny), alert.StatusACKED},
		{"+4915112345678", fmt.Sprintf("%dc", tiny), fmt.Sprintf("Alert #%d closed.", tiny), alert.StatusCLOSED},
	}
	for _, c := range cases {
		status, body := h.twilio("/hooks/twilio/sms", smsForm(c.from, c.body), true)
		if status != http.StatusOK || body != message(c.want) {
			t.Errorf("%s says %q: want 200 %s, got %d %s", c.from, c.body, message(c.want), status, body)
		}
		if got := h.status(); got != c.status {
			t.Errorf("after %q: want the alert %s, got %s", c.body, c.status, got)
		}
	}
	ev := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(h.alert.ID), timelineevent.Kind(incident.KindAcknowledged)).OnlyX(viewerSystem())
	if ev.ActorID == nil || *ev.ActorID != demoUser(t, "responder@tocsin.local").ID || ev.Data["note"] != "by SMS reply" {
		t.Errorf("want the acknowledgement by the sender, noted as by SMS reply, got %+v", ev)
	}
}

func TestSMSReplyAllTouchesOnlyTheSendersPagedAlerts(t *testing.T) {
	h := newActionsHarness(t, newSigner(t))
	sys := viewerSystem()
	mine := smsNumber(t, "responder@tocsin.local", "+4915112345678")
	theirs := smsNumber(t, "admin@tocsin.local", "+4915187654321")
	svc := env.Client.Service.Query().FirstX(sys).ID
	second, err := incident.New(env.Client, env.DB).Create(sys, incident.SystemActor("test"), incident.NewAlert{ServiceID: svc, Message: "Disk full", Priority: alert.PriorityP2})
	if err != nil {
		t.Fatal(err)
	}
	other, _ := incident.New(env.Client, env.DB).Create(sys, incident.SystemActor("test"), incident.NewAlert{ServiceID: svc, Message: "Not mine", Priority: alert.PriorityP3})
	paged(t, h.alert.ID, mine, 0, "SMa")
	paged(t, second.ID, mine, 0, "SMb")
	paged(t, second.ID, mine, 1, "SMc") // paged twice: acted on once
	paged(t, other.ID, theirs, 0, "SMd")

	want := fmt.Sprintf("Acknowledged 2 alerts: #%d, #%d.", incident.TinyID(h.alert.ID), incident.TinyID(second.ID))
	if status, body := h.twilio("/hooks/twilio/sms", smsForm("+4915112345678", "AA"), true); status != 200 || body != message(want) {
		t.Errorf("aa: want %s, got %d %s", message(want), status, body)
	}
	if s := env.Client.Alert.GetX(sys, other.ID).Status; s != alert.StatusOPEN {
		t.Errorf("an alert paged to someone else: want OPEN, got %s", s)
	}
	if _, body := h.twilio("/hooks/twilio/sms", smsForm("+4915112345678", "aa"), true); body != message("You have no open alerts to acknowledge.") {
		t.Errorf("aa again: want nothing to acknowledge, got %s", body)
	}
	want = fmt.Sprintf("Closed 2 alerts: #%d, #%d.", incident.TinyID(h.alert.ID), incident.TinyID(second.ID))
	if _, body := h.twilio("/hooks/twilio/sms", smsForm("+4915112345678", "cc"), true); body != message(want) {
		t.Errorf("cc: want %s, got %s", message(want), body)
	}
}

func TestSMSHooksRefuseForgedRequests(t *testing.T) {
	h := newActionsHarness(t, newSigner(t))
	cm := smsNumber(t, "responder@tocsin.local", "+4915112345678")
	paged(t, h.alert.ID, cm, 0, "SM0123")
	for _, path := range []string{"/hooks/twilio/sms", "/hooks/twilio/status"} {
		form := smsForm("+4915112345678", fmt.Sprintf("%da", incident.TinyID(h.alert.ID)))
		form.Set("MessageSid", "SM0123")
		form.Set("MessageStatus", "delivered")
		if status, _ := h.twilio(path, form, false); status != http.StatusForbidden {
			t.Errorf("%s unsigned: want 403, got %d", path, status)
		}
	}
	if h.status() != alert.StatusOPEN || env.Client.Delivery.Query().OnlyX(viewerSystem()).Status != delivery.StatusSENT {
		t.Error("a forged request changed something")
	}
}

func TestStatusCallbacksRecordTheOutcomeOnceOnTheTimeline(t *testing.T) {
	h := newActionsHarness(t, newSigner(t))
	sys := viewerSystem()
	cm := smsNumber(t, "responder@tocsin.local", "+4915112345678")
	desk := env.Client.ContactMethod.Create().SetUserID(cm.UserID).SetKind(contactmethod.KindVOICE).
		SetName("Desk").SetAddress("+4930123456").SetVerifiedAt(time.Now()).SaveX(sys)
	sms := paged(t, h.alert.ID, cm, 0, "SM0123456789abcdef0123456789abcdef")
	call := paged(t, h.alert.ID, desk, 1, "CA0123456789abcdef0123456789abcdef")

	for _, f := range []url.Values{
		{"MessageSid": {sms.ProviderID}, "MessageStatus": {"sent"}},
		{"MessageSid": {sms.ProviderID}, "MessageStatus": {"delivered"}},
		{"MessageSid": {sms.ProviderID}, "MessageStatus": {"delivered"}}, // Twilio repeats itself
		{"CallSid": {call.ProviderID}, "CallStatus": {"ringing"}},
		{"CallSid": {call.ProviderID}, "CallStatus": {"busy"}},
		{"MessageSid": {"SMverificationcode"}, "MessageStatus": {"undelivered"}, "ErrorCode": {"30003"}}, // no delivery
	} {
		if status, body := h.twilio("/hooks/twilio/status", f, true); status != http.StatusNoContent {
			t.Fatalf("%v: want 204, got %d %s", f, status, body)
		}
	}
	if d := env.Client.Delivery.GetX(sys, sms.ID); d.Status != delivery.StatusDELIVERED || d.Detail != "SMS to Work phone: delivered" {
		t.Errorf("SMS: want DELIVERED, SMS to Work phone: delivered; got %s %q", d.Status, d.Detail)
	}
	if d := env.Client.Delivery.GetX(sys, call.ID); d.Status != delivery.StatusFAILED || d.Detail != "voice call to Desk: failed (busy)" {
		t.Errorf("call: want FAILED, voice call to Desk: failed (busy); got %s %q", d.Status, d.Detail)
	}
	evs := env.Client.TimelineEvent.Query().Where(timelineevent.AlertID(h.alert.ID), timelineevent.Kind(incident.KindDeliveryStatus)).
		Order(ent.Asc(timelineevent.FieldID)).AllX(sys)
	var got []string
	for _, e := range evs {
		got = append(got, fmt.Sprint(e.Data["summary"]))
	}
	if strings.Join(got, "; ") != "SMS to Work phone: delivered; voice call to Desk: failed (busy)" {
		t.Errorf("want one timeline event per outcome, got %q", got)
	}

	undelivered := paged(t, h.alert.ID, cm, 2, "SMfeedfeed")
	h.twilio("/hooks/twilio/status", url.Values{"MessageSid": {undelivered.ProviderID}, "MessageStatus": {"undelivered"},
		"ErrorCode": {"30003"}, "ErrorMessage": {"Unreachable destination handset"}}, true)
	if d := env.Client.Delivery.GetX(sys, undelivered.ID); d.Status != delivery.StatusFAILED || d.Detail != "SMS to Work phone: failed (30003 Unreachable destination handset)" {
		t.Errorf("undelivered: want FAILED with Twilio's reason, got %s %q", d.Status, d.Detail)
	}
}
