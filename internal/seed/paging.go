package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/notificationrule"
	"github.com/tocsin/tocsin/escalation"
)

// pageByEmail gives a demo responder a verified email contact method and
// the default notification rules, so `make dev` pages them into the mail
// sink: an alert on a Platform service reaches whoever is on call.
func pageByEmail(ctx context.Context, c *ent.Client, u *ent.User, now time.Time) error {
	cm, err := c.ContactMethod.Query().Where(contactmethod.UserID(u.ID), contactmethod.KindEQ(contactmethod.KindEMAIL),
		contactmethod.Address(u.Email)).First(ctx)
	if ent.IsNotFound(err) {
		cm, err = c.ContactMethod.Create().SetUserID(u.ID).SetKind(contactmethod.KindEMAIL).SetName("Work email").
			SetAddress(u.Email).SetVerifiedAt(now).Save(ctx)
	}
	if err != nil {
		return fmt.Errorf("contact method of %s: %w", u.Email, err)
	}
	for _, urg := range []escalation.Urgency{escalation.High, escalation.Low} {
		has, err := c.NotificationRule.Query().Where(notificationrule.UserID(u.ID),
			notificationrule.UrgencyEQ(notificationrule.Urgency(urg))).Exist(ctx)
		if err != nil || has {
			if err != nil {
				return err
			}
			continue
		}
		for _, r := range escalation.DefaultRules(urg, nil, nil, []int{cm.ID}) {
			if err := c.NotificationRule.Create().SetUserID(u.ID).SetContactMethodID(r.MethodID).
				SetUrgency(notificationrule.Urgency(urg)).SetDelayMinutes(int(r.Delay / time.Minute)).Exec(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}
