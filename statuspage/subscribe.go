package statuspage

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/ent/statuspage"
	"github.com/tocsin/tocsin/ent/statussubscriber"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/viewer"
)

// Sender sends one email (*notify.Mailer).
type Sender interface {
	Send(ctx context.Context, e notify.Email) error
}

// Subscriptions are the email subscribers of public pages: double opt-in
// (a confirm link), one-click unsubscribe (RFC 8058). Only SHA-256 hashes
// of the links' tokens are stored. The confirm token is random and sent
// once; the unsubscribe token is an HMAC of the page and address under
// Secret, so every email can carry it without storing it.
type Subscriptions struct {
	Client  *ent.Client
	Mailer  Sender
	BaseURL string
	// Secret keys the unsubscribe tokens (TOCSIN_ACTION_SECRET's newest).
	// Empty: email subscriptions are off.
	Secret []byte
	Now    func() time.Time
}

// ErrOff means email subscriptions are not configured.
var ErrOff = errors.New("email subscriptions are off on this server (TOCSIN_ACTION_SECRET is not set)")

// ErrBadToken is a confirm or unsubscribe link that matches nothing (used,
// or never issued).
var ErrBadToken = errors.New("this link is not valid any more")

// On reports whether subscriptions are configured.
func (s *Subscriptions) On() bool { return s != nil && len(s.Secret) > 0 && s.Mailer != nil }

// Subscribe asks address to confirm a subscription to the public page at
// slug by email. An address already confirmed gets nothing: the answer is
// the same either way, so the form tells nobody who is subscribed.
func (s *Subscriptions) Subscribe(ctx context.Context, slug, address string) error {
	if !s.On() {
		return ErrOff
	}
	ctx = viewer.System(ctx)
	address = strings.TrimSpace(address)
	if a, err := mail.ParseAddress(address); err != nil || a.Address != address || !strings.Contains(address, "@") {
		return &rule.InvalidError{Field: "email", Reason: "enter one email address, such as you@example.com"}
	}
	address = strings.ToLower(address)
	pg, err := s.Client.StatusPage.Query().Where(statuspage.Slug(slug), statuspage.Public(true)).Only(ctx)
	if ent.IsNotFound(err) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	confirm := randomToken()
	unsub := s.unsubscribeToken(pg.ID, address)
	sub, err := s.Client.StatusSubscriber.Query().
		Where(statussubscriber.PageID(pg.ID), statussubscriber.Email(address)).Only(ctx)
	switch {
	case ent.IsNotFound(err):
		sub, err = s.Client.StatusSubscriber.Create().SetPageID(pg.ID).SetEmail(address).
			SetConfirmTokenHash(hash(confirm)).SetUnsubscribeTokenHash(hash(unsub)).Save(ctx)
	case err == nil && sub.ConfirmedAt != nil:
		return nil
	case err == nil:
		sub, err = sub.Update().SetConfirmTokenHash(hash(confirm)).SetUnsubscribeTokenHash(hash(unsub)).Save(ctx)
	}
	if err != nil {
		return fmt.Errorf("subscribing %s to status page %q: %w", address, slug, err)
	}
	return s.Mailer.Send(ctx, s.confirmEmail(pg, sub, confirm, unsub))
}

// Confirm confirms the subscription of a confirm token; it returns the
// page. Confirming twice is fine.
func (s *Subscriptions) Confirm(ctx context.Context, token string) (*ent.StatusPage, error) {
	if !s.On() {
		return nil, ErrOff
	}
	ctx = viewer.System(ctx)
	sub, err := s.Client.StatusSubscriber.Query().
		Where(statussubscriber.ConfirmTokenHash(hash(token))).WithPage().Only(ctx)
	if ent.IsNotFound(err) || ent.IsNotSingular(err) {
		return nil, ErrBadToken
	}
	if err != nil {
		return nil, err
	}
	if sub.ConfirmedAt == nil {
		if err := sub.Update().SetConfirmedAt(s.now()).Exec(ctx); err != nil {
			return nil, err
		}
	}
	return sub.Edges.Page, nil
}

// Unsubscribe removes the subscriber of an unsubscribe token and returns
// the page it was subscribed to.
func (s *Subscriptions) Unsubscribe(ctx context.Context, token string) (*ent.StatusPage, error) {
	if !s.On() {
		return nil, ErrOff
	}
	ctx = viewer.System(ctx)
	sub, err := s.Client.StatusSubscriber.Query().
		Where(statussubscriber.UnsubscribeTokenHash(hash(token))).WithPage().Only(ctx)
	if ent.IsNotFound(err) || ent.IsNotSingular(err) {
		return nil, ErrBadToken
	}
	if err != nil {
		return nil, err
	}
	if err := s.Client.StatusSubscriber.DeleteOne(sub).Exec(ctx); err != nil && !ent.IsNotFound(err) {
		return nil, err
	}
	return sub.Edges.Page, nil
}

// ValidUnsubscribe reports whether an unsubscribe token names a subscriber.
func (s *Subscriptions) ValidUnsubscribe(ctx context.Context, token string) (bool, error) {
	if !s.On() {
		return false, ErrOff
	}
	return s.Client.StatusSubscriber.Query().
		Where(statussubscriber.UnsubscribeTokenHash(hash(token))).Exist(viewer.System(ctx))
}

func (s *Subscriptions) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// unsubscribeToken is the one-click unsubscribe token of address on page.
func (s *Subscriptions) unsubscribeToken(pageID int, address string) string {
	m := hmac.New(sha256.New, s.Secret)
	m.Write([]byte("tocsin status-page unsubscribe\x00" + strconv.Itoa(pageID) + "\x00" + address))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// ConfirmURL and UnsubscribeURL are the links in the emails.
func (s *Subscriptions) ConfirmURL(token string) string {
	return strings.TrimRight(s.BaseURL, "/") + "/status/subscription/confirm/" + token
}

// UnsubscribeURL is the one-click unsubscribe link of a token.
func (s *Subscriptions) UnsubscribeURL(token string) string {
	return strings.TrimRight(s.BaseURL, "/") + "/status/subscription/unsubscribe/" + token
}

func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

func hash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}
