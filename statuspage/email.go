package statuspage

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/notify"
)

// withUnsubscribe adds the unsubscribe link to an email's text and the
// RFC 8058 headers that let mail clients unsubscribe in one click.
func (s *Subscriptions) withUnsubscribe(e notify.Email, unsub string) notify.Email {
	link := s.UnsubscribeURL(unsub)
	e.Text += "\n\n--\nUnsubscribe in one click: " + link + "\n"
	e.Headers = map[string]string{
		"List-Unsubscribe":      "<" + link + ">",
		"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
	}
	return e
}

func (s *Subscriptions) confirmEmail(pg *ent.StatusPage, sub *ent.StatusSubscriber, confirm, unsub string) notify.Email {
	text := fmt.Sprintf("Someone, hopefully you, asked to get %s updates by email at %s.\n\n"+
		"Confirm the subscription: %s\n\nIf it was not you, ignore this email: nothing will be sent.",
		pg.Title, sub.Email, s.ConfirmURL(confirm))
	return s.withUnsubscribe(notify.Email{To: sub.Email, Subject: "Confirm your subscription to " + pg.Title, Text: text}, unsub)
}

func (s *Subscriptions) updateEmail(pg *ent.StatusPage, sub *ent.StatusSubscriber, in *ent.Incident, u *ent.StatusUpdate, unsub string) notify.Email {
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n\n%s\n\n", in.Title, statusWord(string(u.Status)), u.Message)
	fmt.Fprintf(&b, "Posted %s\n", u.CreatedAt.UTC().Format("2 Jan 2006 15:04 MST"))
	fmt.Fprintf(&b, "Current status of all components: %s\n", URL(s.BaseURL, pg.Slug))
	return s.withUnsubscribe(notify.Email{
		To:      sub.Email,
		Subject: fmt.Sprintf("[%s] %s: %s", pg.Title, statusWord(string(u.Status)), in.Title),
		Text:    b.String(),
		// The same update to the same subscriber is one message to mail
		// systems even when a retry sends it again.
		IDKey: "status-update-" + strconv.Itoa(u.ID) + "-" + strconv.Itoa(sub.ID),
	}, unsub)
}

// statusWord is an incident status as readers see it ("Investigating").
func statusWord(status string) string {
	if status == "" {
		return ""
	}
	return status[:1] + strings.ToLower(status[1:])
}
