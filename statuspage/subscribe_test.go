package statuspage

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/ent/statussubscriber"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/internal/smtptest"
	"github.com/tocsin/tocsin/notify"
)

func newSubscriptions(t *testing.T) (*Subscriptions, *smtptest.Server) {
	t.Helper()
	mail := smtptest.Start(t)
	m, err := notify.NewMailer(mail.URL, "Acme status <status@acme.test>")
	if err != nil {
		t.Fatal(err)
	}
	return &Subscriptions{Client: env.Client, Mailer: m, BaseURL: "https://tocsin.test", Secret: []byte("test-secret")}, mail
}

var linkRe = regexp.MustCompile(`https://tocsin\.test/status/subscription/(confirm|unsubscribe)/([A-Za-z0-9_-]+)`)

// links returns the confirm and unsubscribe tokens in an email.
func links(t *testing.T, m smtptest.Message) (confirm, unsubscribe string) {
	t.Helper()
	body := strings.ReplaceAll(m.Data, "=\r\n", "") // quoted-printable soft breaks
	for _, l := range linkRe.FindAllStringSubmatch(body, -1) {
		if l[1] == "confirm" {
			confirm = l[2]
		} else {
			unsubscribe = l[2]
		}
	}
	return confirm, unsubscribe
}

func TestSubscribeConfirmNotifyUnsubscribe(t *testing.T) {
	f := newFixture(t, true)
	s, mail := newSubscriptions(t)
	n := &Notifier{Subscriptions: s}
	ctx := context.Background()

	if err := s.Subscribe(ctx, "acme", "Reader@Example.com"); err != nil {
		t.Fatal(err)
	}
	m := mail.Next(t, 5*time.Second)
	confirm, unsub := links(t, m)
	if confirm == "" || unsub == "" || m.To[0] != "reader@example.com" {
		t.Fatalf("want a confirm and an unsubscribe link to reader@example.com, got to %v:\n%s", m.To, m.Data)
	}
	for _, h := range []string{"List-Unsubscribe: <https://tocsin.test/status/subscription/unsubscribe/" + unsub + ">",
		"List-Unsubscribe-Post: List-Unsubscribe=One-Click"} {
		if !strings.Contains(strings.ReplaceAll(m.Data, "\r\n ", " "), h) {
			t.Errorf("want header %q in\n%s", h, m.Data)
		}
	}
	sub := env.Client.StatusSubscriber.Query().OnlyX(f.ctx)
	if string(sub.ConfirmTokenHash) == confirm || string(sub.UnsubscribeTokenHash) == unsub || len(sub.ConfirmTokenHash) != 32 {
		t.Fatalf("want only SHA-256 hashes of the tokens stored")
	}

	// Unconfirmed subscribers get no updates.
	if err := n.PublicUpdatePosted(ctx, f.public.ID); err != nil {
		t.Fatal(err)
	}
	expectNoMail(t, mail)

	pg, err := s.Confirm(ctx, confirm)
	if err != nil || pg.ID != f.page.ID {
		t.Fatalf("confirm: want page %d, got %v %v", f.page.ID, pg, err)
	}
	if err := n.PublicUpdatePosted(ctx, f.public.ID); err != nil {
		t.Fatal(err)
	}
	m = mail.Next(t, 5*time.Second)
	if !strings.Contains(m.Data, f.public.Message) || !strings.Contains(m.Data, "Elevated API errors") {
		t.Errorf("want the public update's text and the incident title, got\n%s", m.Data)
	}
	if _, u := links(t, m); u != unsub {
		t.Errorf("want the same unsubscribe link in every email, got %q and %q", unsub, u)
	}

	// Updates for other audiences send nothing.
	for _, id := range []int{f.private.ID, f.stakeholder.ID} {
		if err := n.PublicUpdatePosted(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	expectNoMail(t, mail)

	if _, err := s.Unsubscribe(ctx, unsub); err != nil {
		t.Fatal(err)
	}
	later := env.Client.StatusUpdate.Create().SetIncidentID(f.incident.ID).SetMessage("Fixed.").
		SetStatus(statusupdate.StatusRESOLVED).SetAudience(statusupdate.AudiencePUBLIC).SaveX(f.ctx)
	if err := n.PublicUpdatePosted(ctx, later.ID); err != nil {
		t.Fatal(err)
	}
	expectNoMail(t, mail)
	if _, err := s.Unsubscribe(ctx, unsub); !errors.Is(err, ErrBadToken) {
		t.Errorf("a used unsubscribe link: want ErrBadToken, got %v", err)
	}
}

func TestPublicUpdateReachesOnlySubscribersOfPagesShowingTheIncident(t *testing.T) {
	f := newFixture(t, true)
	s, mail := newSubscriptions(t)
	other := env.Client.StatusPage.Create().SetSlug("other").SetTitle("Other").SaveX(f.ctx)
	env.Client.StatusComponent.Create().SetPageID(other.ID).SetName("DB").SetServiceID(f.db.ID).SaveX(f.ctx)
	now := time.Now()
	for _, p := range []int{f.page.ID, other.ID} {
		env.Client.StatusSubscriber.Create().SetPageID(p).SetEmail("both@example.com").SetConfirmedAt(now).
			SetConfirmTokenHash(hash(randomToken())).SetUnsubscribeTokenHash(hash(s.unsubscribeToken(p, "both@example.com"))).SaveX(f.ctx)
	}
	if err := (&Notifier{Subscriptions: s}).PublicUpdatePosted(context.Background(), f.public.ID); err != nil {
		t.Fatal(err)
	}
	m := mail.Next(t, 5*time.Second)
	if !strings.Contains(m.Data, "[Acme status]") {
		t.Errorf("want the email of the page showing the API, got\n%s", m.Data)
	}
	expectNoMail(t, mail)
}

func TestSubscribeRefusesBadInputAndInternalPages(t *testing.T) {
	newFixture(t, false)
	s, mail := newSubscriptions(t)
	ctx := context.Background()
	var invalid *rule.InvalidError
	for _, bad := range []string{"", "not-an-address", "a@b.c, d@e.f", "Name <a@b.c>"} {
		if err := s.Subscribe(ctx, "acme", bad); !errors.As(err, &invalid) || invalid.Field != "email" {
			t.Errorf("%q: want an invalid email, got %v", bad, err)
		}
	}
	if err := s.Subscribe(ctx, "acme", "a@example.com"); !errors.Is(err, ErrNotFound) {
		t.Errorf("an internal page: want ErrNotFound, got %v", err)
	}
	if n := env.Client.StatusSubscriber.Query().Where(statussubscriber.EmailContains("@")).CountX(viewerSystem()); n != 0 {
		t.Errorf("want no subscriber stored, got %d", n)
	}
	expectNoMail(t, mail)
	off := &Subscriptions{Client: env.Client}
	if err := off.Subscribe(ctx, "acme", "a@example.com"); !errors.Is(err, ErrOff) {
		t.Errorf("without a secret: want ErrOff, got %v", err)
	}
}

func expectNoMail(t *testing.T, mail *smtptest.Server) {
	t.Helper()
	select {
	case m := <-mail.Messages:
		t.Fatalf("want no email, got one to %v:\n%s", m.To, m.Data)
	case <-time.After(300 * time.Millisecond):
	}
}
