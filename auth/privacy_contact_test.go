package auth_test

import (
	"errors"
	"testing"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/notificationrule"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/viewer"
)

// Contact methods and notification rules are their owner's: others (but
// admins) neither see nor change them, and stakeholders have none.
func TestContactMethodsAndRulesBelongToTheirOwner(t *testing.T) {
	p := setup(t)
	other := env.Client.User.Create().SetEmail("o@x.io").SetName("O").SetRole(viewer.RoleResponder).SaveX(as(p.admin))
	mine, err := env.Client.ContactMethod.Create().SetUserID(p.responder.ID).SetKind(contactmethod.KindSMS).
		SetName("Phone").SetAddress("+4915112345678").Save(as(p.responder))
	if err != nil {
		t.Fatalf("a responder adds their own number: %v", err)
	}
	rule, err := env.Client.NotificationRule.Create().SetUserID(p.responder.ID).SetContactMethodID(mine.ID).
		SetUrgency(notificationrule.UrgencyHIGH).SetDelayMinutes(2).Save(as(p.responder))
	if err != nil {
		t.Fatalf("a responder adds a rule on it: %v", err)
	}
	denied := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, privacy.Deny) {
			t.Errorf("%s: want a privacy denial, got %v", what, err)
		}
	}
	denied("adding a number for someone else", env.Client.ContactMethod.Create().SetUserID(other.ID).
		SetKind(contactmethod.KindSMS).SetName("x").SetAddress("+1").Exec(as(p.responder)))
	denied("renaming someone else's number", env.Client.ContactMethod.UpdateOneID(mine.ID).SetName("mine now").Exec(as(other)))
	denied("deleting someone else's number", env.Client.ContactMethod.DeleteOneID(mine.ID).Exec(as(other)))
	denied("a stakeholder adding a number", env.Client.ContactMethod.Create().SetUserID(p.stakeholder.ID).
		SetKind(contactmethod.KindEMAIL).SetName("x").SetAddress("s@x.io").Exec(as(p.stakeholder)))
	denied("a rule on someone else's number", env.Client.NotificationRule.Create().SetUserID(other.ID).
		SetContactMethodID(mine.ID).SetUrgency(notificationrule.UrgencyLOW).Exec(as(other)))
	denied("changing someone else's rule", env.Client.NotificationRule.UpdateOneID(rule.ID).SetDelayMinutes(5).Exec(as(other)))
	if n := env.Client.ContactMethod.Query().CountX(as(other)); n != 0 {
		t.Errorf("another responder sees %d of my contact methods", n)
	}
	if n := env.Client.NotificationRule.Query().CountX(as(other)); n != 0 {
		t.Errorf("another responder sees %d of my rules", n)
	}
	if n := env.Client.ContactMethod.Query().CountX(as(p.admin)); n != 1 {
		t.Errorf("an admin sees every contact method: got %d", n)
	}
	if err := env.Client.NotificationRule.UpdateOneID(rule.ID).SetDelayMinutes(5).Exec(as(p.responder)); err != nil {
		t.Errorf("changing my own rule: %v", err)
	}
	if err := env.Client.ContactMethod.DeleteOneID(mine.ID).Exec(as(p.responder)); err != nil {
		t.Errorf("deleting my own number: %v", err)
	}
	if _, err := env.Client.NotificationRule.Get(as(p.admin), rule.ID); !ent.IsNotFound(err) {
		t.Errorf("deleting a number deletes its rules: %v", err)
	}
}
