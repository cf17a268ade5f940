package contact_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/notificationrule"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/escalation"
	"github.com/tocsin/tocsin/viewer"
)

func TestRegisteringTheSameTokenUpdatesTheDevice(t *testing.T) {
	w := newWorld(t)
	d1, err := w.m.RegisterDevice(w.annCtx, contact.DeviceInput{Token: "fcm-token-1", Platform: contactmethod.PlatformANDROID, Name: "Pixel"})
	if err != nil || d1.VerifiedAt == nil || d1.Kind != contactmethod.KindPUSH {
		t.Fatalf("want a verified push method, got %+v, %v", d1, err)
	}
	w.m.Update(w.annCtx, d1.ID, contact.MethodUpdate{Disabled: ptr(true)})
	d2, err := w.m.RegisterDevice(w.annCtx, contact.DeviceInput{Token: "fcm-token-1", Platform: contactmethod.PlatformIOS, Name: "Ann's iPhone", CriticalAlerts: ptr(true)})
	if err != nil || d2.ID != d1.ID || d2.Name != "Ann's iPhone" || *d2.Platform != contactmethod.PlatformIOS || !d2.CriticalAlerts || d2.Disabled {
		t.Errorf("same token again: want device %d renamed, iOS, critical alerts, enabled; got %+v, %v", d1.ID, d2, err)
	}
	if _, err := w.m.RegisterDevice(w.annCtx, contact.DeviceInput{Token: "fcm-token-2", Platform: contactmethod.PlatformANDROID, Name: "Tablet"}); err != nil {
		t.Fatal(err)
	}
	if n := env.Client.ContactMethod.Query().Where(contactmethod.UserID(w.ann.ID)).CountX(viewer.System(t.Context())); n != 2 {
		t.Errorf("two tokens, one registered twice: want 2 devices, got %d", n)
	}
	if got := ruleSentences(t, w, w.ann.ID); got != "HIGH Ann's iPhone +0m" {
		t.Errorf("defaults come once, from the first device: want push at once for high urgency, got %q", got)
	}
	for _, in := range []contact.DeviceInput{
		{Token: "", Platform: contactmethod.PlatformIOS, Name: "x"},
		{Token: "has space", Platform: contactmethod.PlatformIOS, Name: "x"},
	} {
		if _, err := w.m.RegisterDevice(w.annCtx, in); !isInvalid(err, "token") {
			t.Errorf("token %q: want invalid token, got %v", in.Token, err)
		}
	}
	if _, err := w.m.RegisterDevice(w.annCtx, contact.DeviceInput{Token: "t", Platform: "PALM", Name: "x"}); !isInvalid(err, "platform") {
		t.Errorf("platform PALM: want invalid platform, got %v", err)
	}
}

func TestDefaultRulesFollowTheFirstUsableMethods(t *testing.T) {
	w := newWorld(t)
	sys := viewer.System(t.Context())
	cases := []struct {
		name string
		add  func(userID int)
		want string
	}{
		{"push and SMS", func(uid int) {
			mk(sys, uid, contactmethod.KindPUSH, "Pixel", true)
			mk(sys, uid, contactmethod.KindSMS, "Work phone", true)
			mk(sys, uid, contactmethod.KindEMAIL, "Mail", true)
		}, "HIGH Pixel +0m; HIGH Work phone +2m; LOW Mail +0m"},
		{"unverified and disabled methods count for nothing", func(uid int) {
			mk(sys, uid, contactmethod.KindSMS, "Unverified", false)
			env.Client.ContactMethod.UpdateOne(mk(sys, uid, contactmethod.KindPUSH, "Off", true)).SetDisabled(true).ExecX(sys)
			mk(sys, uid, contactmethod.KindEMAIL, "Mail", true)
		}, "HIGH Mail +0m; LOW Mail +0m"},
		{"a voice number alone gets no default", func(uid int) {
			mk(sys, uid, contactmethod.KindVOICE, "Desk", true)
		}, ""},
	}
	for i, c := range cases {
		u := env.Client.User.Create().SetEmail(fmt.Sprintf("d%d@example.com", i)).SetName(c.name).SaveX(sys)
		c.add(u.ID)
		if err := contact.EnsureDefaults(sys, env.Client, u.ID); err != nil {
			t.Fatal(err)
		}
		if got := ruleSentences(t, w, u.ID); got != c.want {
			t.Errorf("%s: want %q, got %q", c.name, c.want, got)
		}
	}
}

func TestDefaultsNeverReplaceRulesAPersonHas(t *testing.T) {
	w := newWorld(t)
	sms := verifiedSMS(t, w, "Work phone", "+4915112345678") // HIGH Work phone +2m
	if _, err := w.m.CreateRule(w.annCtx, contact.RuleInput{ContactMethodID: sms.ID, Urgency: notificationrule.UrgencyHIGH, DelayMinutes: 10}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.m.RegisterDevice(w.annCtx, contact.DeviceInput{Token: "fcm-token", Platform: contactmethod.PlatformANDROID, Name: "Pixel"}); err != nil {
		t.Fatal(err)
	}
	if got := ruleSentences(t, w, w.ann.ID); got != "HIGH Work phone +2m; HIGH Work phone +10m" {
		t.Errorf("a device after rules exist: want the rules as they were, got %q", got)
	}
}

func TestRulesNeedAVerifiedMethodOfYourOwnAndAFairDelay(t *testing.T) {
	w := newWorld(t)
	sms := verifiedSMS(t, w, "Work phone", "+4915112345678")
	unverified, _ := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindEMAIL, Name: "Mail", Address: "ann@example.com"})
	cases := []struct {
		ctxName string
		in      contact.RuleInput
		field   string
	}{
		{"ann", contact.RuleInput{ContactMethodID: sms.ID, Urgency: notificationrule.UrgencyLOW, DelayMinutes: 61}, "delayMinutes"},
		{"ann", contact.RuleInput{ContactMethodID: sms.ID, Urgency: notificationrule.UrgencyLOW, DelayMinutes: -1}, "delayMinutes"},
		{"ann", contact.RuleInput{ContactMethodID: sms.ID, Urgency: "URGENT", DelayMinutes: 1}, "urgency"},
		{"ann", contact.RuleInput{ContactMethodID: unverified.ID, Urgency: notificationrule.UrgencyLOW}, "contactMethodID"},
		{"bob", contact.RuleInput{ContactMethodID: sms.ID, Urgency: notificationrule.UrgencyLOW}, "contactMethodID"},
	}
	for _, c := range cases {
		cctx := w.annCtx
		if c.ctxName == "bob" {
			cctx = w.bobCtx
		}
		if _, err := w.m.CreateRule(cctx, c.in); !isInvalid(err, c.field) {
			t.Errorf("%s %+v: want invalid %s, got %v", c.ctxName, c.in, c.field, err)
		}
	}
	r, err := w.m.CreateRule(w.annCtx, contact.RuleInput{ContactMethodID: sms.ID, Urgency: notificationrule.UrgencyLOW, DelayMinutes: 60})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.m.UpdateRule(w.bobCtx, r.ID, 5); !refused(err) {
		t.Errorf("bob changing ann's rule: want not found or denied, got %v", err)
	}
	if err := w.m.DeleteRule(w.bobCtx, r.ID); !refused(err) {
		t.Errorf("bob deleting ann's rule: want not found or denied, got %v", err)
	}
	if got, err := w.m.UpdateRule(w.annCtx, r.ID, 15); err != nil || got.DelayMinutes != 15 {
		t.Errorf("ann: want delay 15, got %+v, %v", got, err)
	}
	if got, err := w.m.UpdateRule(w.adminC, r.ID, 20); err != nil || got.DelayMinutes != 20 {
		t.Errorf("an admin: want delay 20, got %+v, %v", got, err)
	}
	if err := w.m.DeleteRule(w.annCtx, r.ID); err != nil {
		t.Fatal(err)
	}
	if got := ruleSentences(t, w, w.ann.ID); got != "HIGH Work phone +2m" {
		t.Errorf("after delete: want only the default left, got %q", got)
	}
}

func TestOthersMethodsAreInvisibleAndStakeholdersHaveOnlyDevices(t *testing.T) {
	w := newWorld(t)
	sms := verifiedSMS(t, w, "Work phone", "+4915112345678")
	if _, err := w.m.Update(w.bobCtx, sms.ID, contact.MethodUpdate{Name: ptr("mine now")}); !ent.IsNotFound(err) {
		t.Errorf("bob renaming ann's number: want not found or denied, got %v", err)
	}
	if err := w.m.Delete(w.bobCtx, sms.ID); !refused(err) {
		t.Errorf("bob deleting ann's number: want not found or denied, got %v", err)
	}
	if _, err := w.m.SendTest(w.bobCtx, sms.ID); !ent.IsNotFound(err) {
		t.Errorf("bob testing ann's number: want not found or denied, got %v", err)
	}
	if got, _ := w.m.List(w.bobCtx, w.ann.ID); len(got) != 0 {
		t.Errorf("bob listing ann's methods: want none, got %v", got)
	}
	if got, _ := w.m.List(w.adminC, w.ann.ID); len(got) != 1 {
		t.Errorf("an admin listing ann's methods: want 1, got %v", got)
	}
	calls := map[string]func() error{
		"Create": func() error {
			_, err := w.m.Create(w.stakeCtx, contact.MethodInput{Kind: contactmethod.KindEMAIL, Name: "x", Address: "s@example.com"})
			return err
		},
		"QuietHours": func() error { _, err := w.m.SetQuietHours(w.stakeCtx, ptr(0), ptr(60)); return err },
		"CreateRule": func() error {
			_, err := w.m.CreateRule(w.stakeCtx, contact.RuleInput{ContactMethodID: sms.ID})
			return err
		},
		"Verify":       func() error { _, err := w.m.Verify(w.stakeCtx, sms.ID, "123456"); return err },
		"Verification": func() error { _, err := w.m.SendVerification(w.stakeCtx, sms.ID); return err },
		"Test":         func() error { _, err := w.m.SendTest(w.stakeCtx, sms.ID); return err },
		"Delete":       func() error { return w.m.Delete(w.stakeCtx, sms.ID) },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, privacy.Deny) {
			t.Errorf("%s as a stakeholder: want denied, got %v", name, err)
		}
	}
	// Their own device is theirs to register and remove (low-urgency
	// incident pushes), with no rules: stakeholders are never paged.
	d, err := w.m.RegisterDevice(w.stakeCtx, contact.DeviceInput{Token: "t", Platform: contactmethod.PlatformIOS, Name: "x"})
	if err != nil {
		t.Fatalf("a stakeholder registering their device: %v", err)
	}
	if n := env.Client.NotificationRule.Query().Where(notificationrule.UserID(d.UserID)).CountX(viewer.System(t.Context())); n != 0 {
		t.Errorf("a stakeholder's device brought %d rules, want none", n)
	}
	if err := w.m.Delete(w.stakeCtx, d.ID); err != nil {
		t.Errorf("a stakeholder removing their device: %v", err)
	}
	if err := w.m.Delete(w.annCtx, sms.ID); err != nil {
		t.Fatal(err)
	}
	if got := ruleSentences(t, w, w.ann.ID); got != "" {
		t.Errorf("deleting a method: want its rules gone, got %q", got)
	}
}

func TestRulesForListsWhatTheEngineMayPage(t *testing.T) {
	w := newWorld(t)
	sys := viewer.System(t.Context())
	push := mk(sys, w.ann.ID, contactmethod.KindPUSH, "Pixel", true)
	sms := mk(sys, w.ann.ID, contactmethod.KindSMS, "Work phone", true)
	off := mk(sys, w.ann.ID, contactmethod.KindVOICE, "Desk", true)
	for _, r := range []struct {
		cm    *ent.ContactMethod
		delay int
	}{{sms, 2}, {push, 0}, {off, 5}} {
		env.Client.NotificationRule.Create().SetUserID(w.ann.ID).SetContactMethodID(r.cm.ID).
			SetUrgency(notificationrule.UrgencyHIGH).SetDelayMinutes(r.delay).ExecX(sys)
	}
	env.Client.ContactMethod.UpdateOne(off).SetDisabled(true).ExecX(sys)
	rs, err := contact.RulesFor(sys, env.Client, w.ann.ID, escalation.High)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rs {
		got = append(got, fmt.Sprintf("%s/%s", r.Edges.ContactMethod.Name, contact.ChannelName(r.Edges.ContactMethod.Kind)))
	}
	if strings.Join(got, ",") != "Pixel/push,Work phone/sms" {
		t.Errorf("want Pixel/push,Work phone/sms (the disabled desk phone left out), got %v", got)
	}
	plan := escalation.Plan(w.ann.ID, contact.EscalationRules(rs), escalation.High, escalation.QuietHours{}, w.now)
	if len(plan) != 2 || plan[1].MethodID != sms.ID || !plan[1].At.Equal(w.now.Add(2*60e9)) {
		t.Errorf("want the SMS planned 2 min after the step, got %+v", plan)
	}
	if low, _ := contact.RulesFor(sys, env.Client, w.ann.ID, escalation.Low); len(low) != 0 {
		t.Errorf("no low rules: want none, got %v", low)
	}
}

func TestQuietHours(t *testing.T) {
	w := newWorld(t)
	u, err := w.m.SetQuietHours(w.annCtx, ptr(22*60), ptr(7*60))
	if err != nil || *u.QuietHoursStart != 1320 || *u.QuietHoursEnd != 420 || u.ID != w.ann.ID {
		t.Fatalf("22:00–07:00: want stored on ann, got %+v, %v", u, err)
	}
	for _, c := range []struct {
		start, end *int
		field      string
	}{{ptr(-1), ptr(60), "start"}, {ptr(0), ptr(1440), "end"}, {ptr(60), ptr(60), "end"}, {nil, ptr(60), "start"}, {ptr(60), nil, "end"}} {
		if _, err := w.m.SetQuietHours(w.annCtx, c.start, c.end); !isInvalid(err, c.field) {
			t.Errorf("%v–%v: want invalid %s, got %v", c.start, c.end, c.field, err)
		}
	}
	if u, err := w.m.SetQuietHours(w.annCtx, nil, nil); err != nil || u.QuietHoursStart != nil || u.QuietHoursEnd != nil {
		t.Errorf("clearing: want none, got %+v, %v", u, err)
	}
}

func TestTestNotificationGoesThroughTheRealChannel(t *testing.T) {
	w := newWorld(t)
	sms := verifiedSMS(t, w, "Work phone", "+4915112345678")
	res, err := w.m.SendTest(w.annCtx, sms.ID)
	if err != nil || !res.Sent || res.Summary != "SMS to +49…: queued" || res.ProviderID != "SM0123456789abcdef0123456789abcdef" {
		t.Fatalf("want sent with Twilio's receipt, got %+v, %v", res, err)
	}
	sent := w.twilio.sent()
	if body := sent[len(sent)-1].Form.Get("Body"); body != "Test notification from Tocsin: this is how pages reach you here." {
		t.Errorf("want the test text, got %q", body)
	}
	w.twilio.answer(http.StatusBadRequest, `{"code":21610,"message":"Attempt to send to unsubscribed recipient","status":400}`)
	res, err = w.m.SendTest(w.annCtx, sms.ID)
	if err != nil || res.Sent || !strings.Contains(res.Summary, "Attempt to send to unsubscribed recipient") {
		t.Errorf("Twilio 21610: want not sent, saying why, got %+v, %v", res, err)
	}

	var got *http.Request
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r; w.WriteHeader(204) }))
	defer hook.Close()
	w.egress.Allow = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	wh, _ := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindWEBHOOK, Name: "Hook", Address: hook.URL + "/tocsin"})
	if res, err := w.m.SendTest(w.annCtx, wh.ID); err != nil || !res.Sent || got == nil || got.URL.Path != "/tocsin" || got.Header.Get("X-Tocsin-Event") != "alert.page" {
		t.Errorf("webhook: want one alert.page POST to /tocsin, got %+v, %v, %v", res, err, got)
	}

	unverified, _ := w.m.Create(w.annCtx, contact.MethodInput{Kind: contactmethod.KindEMAIL, Name: "Mail", Address: "ann@example.com"})
	if _, err := w.m.SendTest(w.annCtx, unverified.ID); !isInvalid(err, "id") {
		t.Errorf("unverified: want refused, got %v", err)
	}
	w.m.Channels.SMS = nil
	if _, err := w.m.SendTest(w.annCtx, sms.ID); !isInvalid(err, "id") || !strings.Contains(err.Error(), "TOCSIN_TWILIO_ACCOUNT_SID") {
		t.Errorf("SMS off: want an error naming the setting, got %v", err)
	}
}

// refused is the answer about someone else's row: not found, or denied.
func refused(err error) bool { return ent.IsNotFound(err) || errors.Is(err, privacy.Deny) }

// mk stores a contact method directly, as the system.
func mk(sys context.Context, userID int, kind contactmethod.Kind, name string, verified bool) *ent.ContactMethod {
	c := env.Client.ContactMethod.Create().SetUserID(userID).SetKind(kind).SetName(name).
		SetAddress(fmt.Sprintf("%s-%d-%s", kind, userID, name))
	if kind == contactmethod.KindPUSH {
		c.SetPlatform(contactmethod.PlatformANDROID)
	}
	if verified {
		c.SetVerifiedAt(time.Now())
	}
	return c.SaveX(sys)
}
