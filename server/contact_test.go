package server_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/incident"
)

// TestProfileContactMethodsOverGraphQL walks what the profile page does:
// add an email address, get the code by mail, verify it, see the default
// rules, register a device, set quiet hours.
func TestProfileContactMethodsOverGraphQL(t *testing.T) {
	h := newHarness(t)
	// Start from a responder without contact methods: the demo seed gives
	// them a work email and its rules.
	env.Client.ContactMethod.Delete().Where(contactmethod.HasUserWith(user.Email("responder@tocsin.local"))).ExecX(viewerSystem())
	tok := bearer(h.login("responder@tocsin.local"))
	call := func(q string, vars map[string]any) gqlResponse {
		t.Helper()
		_, res := h.do(nil, q, vars, tok)
		return res
	}

	res := call(`mutation($in:CreateContactMethodInput!){createContactMethod(input:$in){id}}`,
		map[string]any{"in": map[string]any{"kind": "SMS", "name": "Work phone", "address": "0151 1234"}})
	if res.code() != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != "address" {
		t.Errorf("a number without country code: want BAD_USER_INPUT on address, got %+v", res.Errors)
	}

	res = call(`mutation($in:CreateContactMethodInput!){createContactMethod(input:$in){id verifiedAt maskedAddress}}`,
		map[string]any{"in": map[string]any{"kind": "EMAIL", "name": "Work mail", "address": "resp.work@example.com"}})
	var cm struct {
		ID            string
		VerifiedAt    *time.Time
		MaskedAddress string
	}
	if err := json.Unmarshal(res.Data["createContactMethod"], &cm); err != nil || cm.ID == "" || cm.VerifiedAt != nil || cm.MaskedAddress != "r…@example.com" {
		t.Fatalf("want an unverified email method masked r…@example.com, got %+v %+v", cm, res.Errors)
	}
	res = call(`mutation($id:ID!){sendContactMethodVerification(id:$id){verificationExpiresAt}}`, map[string]any{"id": cm.ID})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	msg := h.smtp.Next(t, 5*time.Second)
	code := regexp.MustCompile(`code: ([0-9]{6})`).FindStringSubmatch(msg.Data)
	if len(code) != 2 || msg.To[0] != "resp.work@example.com" {
		t.Fatalf("want a mail with the code to resp.work@example.com, got %+v", msg)
	}
	res = call(`mutation($id:ID!,$c:String!){verifyContactMethod(id:$id,code:$c){verifiedAt}}`, map[string]any{"id": cm.ID, "c": code[1]})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}

	res = call(`mutation($in:RegisterDeviceInput!){registerDevice(input:$in){device{id kind platform criticalAlerts}}}`,
		map[string]any{"in": map[string]any{"token": "fcm-registration-token", "platform": "IOS", "name": "iPhone", "criticalAlerts": true}})
	if !strings.Contains(string(res.Data["registerDevice"]), `"kind":"PUSH","platform":"IOS","criticalAlerts":true`) {
		t.Errorf("registerDevice: want a PUSH device, got %s %+v", res.Data["registerDevice"], res.Errors)
	}
	res = call(`mutation{setQuietHours(start:1320,end:420){quietHoursStart quietHoursEnd}}`, nil)
	if string(res.Data["setQuietHours"]) != `{"quietHoursStart":1320,"quietHoursEnd":420}` {
		t.Errorf("setQuietHours: want 1320–420, got %s %+v", res.Data["setQuietHours"], res.Errors)
	}

	res = call(`{viewer{contactMethods{kind name verifiedAt} notificationRules{urgency delayMinutes contactMethod{name}}}}`, nil)
	var v struct {
		ContactMethods []struct {
			Kind, Name string
			VerifiedAt *time.Time
		}
		NotificationRules []struct {
			Urgency       string
			DelayMinutes  int
			ContactMethod struct{ Name string }
		}
	}
	json.Unmarshal(res.Data["viewer"], &v)
	var rules []string
	for _, r := range v.NotificationRules {
		rules = append(rules, r.Urgency+" "+r.ContactMethod.Name)
	}
	if len(v.ContactMethods) != 2 || v.ContactMethods[0].VerifiedAt == nil || strings.Join(rules, ", ") != "HIGH Work mail, LOW Work mail" {
		t.Errorf("viewer: want 2 verified methods and email defaults for both urgencies (the device came later), got %+v %+v", v, res.Errors)
	}

	res = call(`mutation($in:CreateNotificationRuleInput!){createNotificationRule(input:$in){id}}`,
		map[string]any{"in": map[string]any{"contactMethodID": cm.ID, "urgency": "HIGH", "delayMinutes": 0}})
	if res.code() != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != "delayMinutes" {
		t.Errorf("the default rule again: want BAD_USER_INPUT on delayMinutes, got %+v", res.Errors)
	}
	res = call(`mutation($id:ID!){sendTestNotification(id:$id){sent summary}}`, map[string]any{"id": cm.ID})
	if string(res.Data["sendTestNotification"]) != `{"sent":true,"summary":"email to Work mail: sent"}` {
		t.Errorf("test notification: want sent by email, got %s %+v", res.Data["sendTestNotification"], res.Errors)
	}
	if msg := h.smtp.Next(t, 5*time.Second); !strings.Contains(msg.Data, "Test notification from Tocsin") {
		t.Errorf("want the test page mailed, got %q", msg.Data)
	}

	_, res = h.do(nil, `mutation($id:ID!){deleteContactMethod(id:$id)}`, map[string]any{"id": cm.ID}, bearer(h.login("stakeholder@tocsin.local")))
	if res.code() != "FORBIDDEN" {
		t.Errorf("a stakeholder deleting: want FORBIDDEN, got %+v", res.Errors)
	}
}

// TestContactMethodThatWasPagedCannotBeDeleted: deliveries keep history.
func TestContactMethodThatWasPagedCannotBeDeleted(t *testing.T) {
	h := newActionsHarnessForGraph(t)
	cm := smsNumber(t, "responder@tocsin.local", "+4915112345678")
	paged(t, h.alertID, cm, 0, "SM1")
	_, res := h.do(nil, `mutation($id:ID!){deleteContactMethod(id:$id)}`, map[string]any{"id": cm.ID}, bearer(h.login("responder@tocsin.local")))
	if res.code() != "BAD_USER_INPUT" || !strings.Contains(res.Errors[0].Message, "disable it instead") {
		t.Errorf("want BAD_USER_INPUT saying disable it instead, got %+v", res.Errors)
	}
	_, res = h.do(nil, `mutation($id:ID!){updateContactMethod(id:$id,input:{disabled:true}){disabled}}`, map[string]any{"id": cm.ID}, bearer(h.login("responder@tocsin.local")))
	if string(res.Data["updateContactMethod"]) != `{"disabled":true}` {
		t.Errorf("disable: want disabled, got %s %+v", res.Data["updateContactMethod"], res.Errors)
	}
}

type graphWithAlert struct {
	*harness
	alertID int
}

func newActionsHarnessForGraph(t *testing.T) graphWithAlert {
	h := newHarness(t)
	sys := viewerSystem()
	created, err := incident.New(env.Client, env.DB).Create(sys, incident.SystemActor("test"), incident.NewAlert{
		ServiceID: env.Client.Service.Query().FirstX(sys).ID, Message: "Card payments failing", Priority: alert.PriorityP1})
	if err != nil {
		t.Fatal(err)
	}
	return graphWithAlert{h, created.ID}
}
