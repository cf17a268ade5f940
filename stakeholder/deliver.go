package stakeholder

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/viewer"
)

// HandleNotify tells one person of one event: an email, then a
// low-urgency push to each of their devices, as their preferences say.
// Email goes first and its failure retries the task; push is sent once
// (a failed low-urgency push is logged, never retried, so a retry never
// repeats an email).
func (s *Stakeholders) HandleNotify(ctx context.Context, t *asynq.Task) error {
	var e Event
	if err := decode(t, &e); err != nil {
		return err
	}
	sys := viewer.System(ctx)
	u, err := s.Client.User.Get(sys, e.UserID)
	if err != nil {
		return notCommitted(err, "user", e.UserID)
	}
	if u.Disabled {
		return nil
	}
	prefs, err := s.preferencesOf(sys, []int{u.ID})
	if err != nil {
		return err
	}
	p := prefs[u.ID]
	m, err := s.compose(sys, e, u)
	if err != nil || m == nil {
		return err
	}
	if p.Email && s.Mailer != nil && u.Email != "" {
		if err := s.Mailer.Send(ctx, notify.Email{To: u.Email, Subject: m.subject, Text: m.text,
			IDKey: fmt.Sprintf("tocsin-stakeholder-%s-%d-%d", e.Kind, e.ID, u.ID)}); err != nil {
			return err
		}
	}
	if p.Push {
		s.push(ctx, u.ID, m.page, fmt.Sprintf("tocsin-stakeholder-%s-%d-%d", e.Kind, e.ID, u.ID))
	}
	return nil
}

// message is one event told to one person.
type message struct {
	subject, text string
	page          notify.Page
}

// compose writes the message of e for u; nil when there is nothing to
// tell (an INTERNAL update).
func (s *Stakeholders) compose(sys context.Context, e Event, u *ent.User) (*message, error) {
	var upd *ent.StatusUpdate
	incidentID := e.ID
	if e.Kind == EventUpdate {
		var err error
		if upd, err = s.Client.StatusUpdate.Get(sys, e.ID); err != nil {
			return nil, notCommitted(err, "status update", e.ID)
		}
		if upd.Audience == statusupdate.AudienceINTERNAL {
			return nil, nil
		}
		incidentID = upd.IncidentID
	}
	a, err := s.describe(sys, incidentID)
	if err != nil {
		return nil, err
	}
	why, err := s.why(sys, u.ID, a)
	if err != nil {
		return nil, err
	}
	loc := location(u.TimeZone)
	m := &message{page: notify.Page{
		IncidentID: a.inc.ID, Priority: string(a.inc.Severity),
		Service: strings.Join(a.services, ", "), Urgency: notify.UrgencyLow, Link: s.link(a.inc.ID),
	}}
	var b strings.Builder
	fmt.Fprintf(&b, "Hello %s,\n\n", u.Name)
	if upd == nil {
		m.subject = fmt.Sprintf("New incident: %s (%s, %s)", a.inc.Title, a.inc.Severity, statusShort(a.inc.Status))
		if len(a.services) > 0 {
			fmt.Fprintf(&b, "An incident was declared that affects %s:\n\n", strings.Join(a.services, ", "))
		} else {
			b.WriteString("An incident was declared:\n\n")
		}
		b.WriteString(s.summary(a, loc))
		if a.inc.Summary != "" {
			fmt.Fprintf(&b, "\nWhat we know:\n%s\n", a.inc.Summary)
		}
		m.page.Message = "New incident: " + a.inc.Title
		m.page.Description = a.inc.Summary
	} else {
		status := incidentStatus(upd.Status)
		m.subject = fmt.Sprintf("Update: %s (%s)", a.inc.Title, statusShort(status))
		fmt.Fprintf(&b, "There is an update on an incident you follow.\n\n")
		by := ""
		if upd.AuthorName != "" {
			by = " by " + upd.AuthorName
		}
		fmt.Fprintf(&b, "%s, %s%s:\n\n%s\n\n", StatusInWords(status), upd.CreatedAt.In(loc).Format(timeLayout), by, indent(upd.Message))
		b.WriteString(s.summary(a, loc))
		m.page.Message = a.inc.Title + ": " + statusShort(status)
		m.page.Description = upd.Message
	}
	b.WriteString(s.footer(why))
	m.text = b.String()
	return m, nil
}

// push sends the page to each of the user's devices, once; failures are
// logged (low urgency: the email and the incident page carry the news).
func (s *Stakeholders) push(ctx context.Context, userID int, page notify.Page, key string) {
	if s.Push == nil {
		return
	}
	devices, err := s.Client.ContactMethod.Query().Where(contactmethod.UserID(userID),
		contactmethod.KindEQ(contactmethod.KindPUSH), contactmethod.Disabled(false),
		contactmethod.VerifiedAtNotNil()).All(viewer.System(ctx))
	if err != nil {
		slog.ErrorContext(ctx, "finding devices for a stakeholder push failed", "user", userID, "err", err)
		return
	}
	for _, d := range devices {
		p := page
		p.To, p.ToName, p.DeliveryKey = d.Address, d.Name, fmt.Sprintf("%s-%d", key, d.ID)
		if _, err := s.Push.Send(ctx, p); err != nil {
			slog.WarnContext(ctx, "stakeholder push failed", "user", userID, "device", d.ID, "err", err)
		}
	}
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimSpace(s), "\n", "\n  ")
}
