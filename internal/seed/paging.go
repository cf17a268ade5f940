package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
)

// pageByEmail gives a demo responder a verified email contact method and
// the default notification rules, so `make dev` pages them into the mail
// sink: an alert on a Platform service reaches whoever is on call.
func pageByEmail(ctx context.Context, c *ent.Client, u *ent.User, now time.Time) error {
	_, err := c.ContactMethod.Query().Where(contactmethod.UserID(u.ID), contactmethod.KindEQ(contactmethod.KindEMAIL),
		contactmethod.Address(u.Email)).First(ctx)
	if ent.IsNotFound(err) {
		_, err = c.ContactMethod.Create().SetUserID(u.ID).SetKind(contactmethod.KindEMAIL).SetName("Work email").
			SetAddress(u.Email).SetVerifiedAt(now).Save(ctx)
	}
	if err != nil {
		return fmt.Errorf("contact method of %s: %w", u.Email, err)
	}
	return contact.EnsureDefaults(ctx, c, u.ID)
}
