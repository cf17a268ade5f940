package graph

import (
	"context"
	"log/slog"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/graph/model"
	"github.com/tocsin/tocsin/internal/clientip"
)

// signedIn sets the session cookies (when the request came over HTTP) and
// builds the payload.
func (r *Resolver) signedIn(ctx context.Context, s *auth.Session) *model.LoginPayload {
	if w, _ := auth.HTTP(ctx); w != nil {
		r.Cookies.Set(w, s)
	}
	return &model.LoginPayload{Token: s.Token, CsrfToken: s.CSRFToken, User: s.User}
}

// clientOf returns the caller's IP address and user agent, if known.
func clientOf(ctx context.Context) (ip, userAgent string) {
	_, req := auth.HTTP(ctx)
	if req == nil {
		return "unknown", ""
	}
	return clientip.From(req), req.UserAgent()
}

// inviteAfterCommit queues the invitation email once the mutation's
// transaction has committed, so the worker never looks for a user that is
// not there yet. Outside a transaction it queues at once.
func (r *Resolver) inviteAfterCommit(ctx context.Context, userID int) error {
	tx := ent.TxFromContext(ctx)
	if tx == nil {
		return r.Inviter.EnqueueInvitation(ctx, userID)
	}
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(cctx context.Context, tx *ent.Tx) error {
			if err := next.Commit(cctx, tx); err != nil {
				return err
			}
			if err := r.Inviter.EnqueueInvitation(context.WithoutCancel(ctx), userID); err != nil {
				slog.ErrorContext(ctx, "queueing an invitation failed; resend it from the users page", "user", userID, "err", err)
			}
			return nil
		})
	})
	return nil
}
