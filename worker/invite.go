package worker

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/viewer"
)

// handleInvite makes a fresh invitation link and emails it.
func (w *Worker) handleInvite(ctx context.Context, t *asynq.Task) error {
	var p InvitePayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("bad payload: %v: %w", err, asynq.SkipRetry)
	}
	u, err := w.deps.Client.User.Get(viewer.System(ctx), p.UserID)
	if ent.IsNotFound(err) {
		return fmt.Errorf("user %d not found (not committed yet?): %w", p.UserID, err)
	}
	if err != nil {
		return err
	}
	if u.PasswordHash != "" || u.Disabled {
		return nil // already set up, or disabled since: nothing to send
	}
	token, err := w.deps.Auth.NewInvitation(ctx, u.ID)
	if err != nil {
		return err
	}
	link := w.deps.BaseURL + "/invite/" + url.PathEscape(token)
	return w.deps.Mailer.Send(ctx, notify.Email{
		To:      u.Email,
		Subject: "You are invited to Tocsin",
		Text: fmt.Sprintf("Hello %s,\n\nYou have been invited to Tocsin, where your team handles alerts and incidents.\n"+
			"Set your password here (the link works for 7 days):\n\n%s\n\n"+
			"If you did not expect this email, you can ignore it.\n", u.Name, link),
	})
}
