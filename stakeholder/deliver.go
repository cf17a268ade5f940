package stakeholder

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/statusupdate"
	mobilepush "github.com/tocsin/tocsin/mobile-push"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/viewer"
)

// HandleNotify tells one person of one event, by email and low-urgency
// push as their preferences say (deliver).
func (s *Stakeholders) HandleNotify(ctx context.Context, t *asynq.Task) error {
	var e Event
	if err := decode(t, &e); err != nil {
		return err
	}
	ev, ok := messageEvent(e.Kind)
	if !ok {
		return fmt.Errorf("unknown event %q: %w", e.Kind, asynq.SkipRetry)
	}
	// The fan-out planned it; planning again finds its row (and makes one
	// for a task queued before messages were planned).
	m, err := plan(viewer.System(ctx), s.Client, e.UserID, ev, e.ID, nil, s.now())
	if err != nil {
		return err
	}
	return s.deliver(ctx, m)
}

// deliver sends a planned message: the email, then a push to each of the
// person's devices, each at most once (once), and marks it sent when
// every part is done. A part that fails makes the task fail and run again;
// the parts already sent are not sent again.
func (s *Stakeholders) deliver(ctx context.Context, m *ent.StakeholderMessage) error {
	if m.SentAt != nil {
		return nil
	}
	sys := viewer.System(ctx)
	u, err := s.Client.User.Get(sys, m.UserID)
	if ent.IsNotFound(err) || err == nil && u.Disabled {
		return s.markSent(sys, m.ID)
	}
	if err != nil {
		return err
	}
	var msg *message
	if m.PeriodStart != nil {
		msg, err = s.digest(sys, m, u)
	} else {
		msg, err = s.compose(sys, Event{Kind: eventKind(m.Event), ID: m.EventID, UserID: u.ID}, u)
	}
	if err != nil {
		return err
	}
	if msg == nil {
		return s.markSent(sys, m.ID)
	}
	prefs, err := s.preferencesOf(sys, []int{u.ID})
	if err != nil {
		return err
	}
	p := prefs[u.ID]
	var errs []error
	if p.Email && s.Mailer != nil && u.Email != "" {
		err := s.once(sys, m.ID, func(m *ent.StakeholderMessage) bool { return m.EmailSentAt != nil },
			func(ctx context.Context) error {
				return s.Mailer.Send(ctx, notify.Email{To: u.Email, Subject: msg.subject, Text: msg.text, IDKey: msg.key})
			},
			func(up *ent.StakeholderMessageUpdateOne) { up.SetEmailSentAt(s.now()) })
		if err != nil {
			errs = append(errs, fmt.Errorf("email to user %d: %w", u.ID, err))
		}
	}
	if p.Push {
		errs = append(errs, s.push(sys, m.ID, u.ID, msg.page, msg.key))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return s.markSent(sys, m.ID)
}

func (s *Stakeholders) markSent(sys context.Context, id int) error {
	return s.Client.StakeholderMessage.UpdateOneID(id).SetSentAt(s.now()).Exec(sys)
}

// message is one event (or one digest) told to one person.
type message struct {
	subject, text string
	page          notify.Page
	// key is the same on every attempt: the email's Message-ID and, with
	// the device, the push's delivery key.
	key string
}

// compose writes the message of e for u; nil when there is nothing to
// tell (an INTERNAL update).
func (s *Stakeholders) compose(sys context.Context, e Event, u *ent.User) (*message, error) {
	if e.Kind == EventAffected {
		return s.composeAffected(sys, e, u)
	}
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
	m := &message{key: fmt.Sprintf("tocsin-stakeholder-%s-%d-%d", e.Kind, e.ID, u.ID), page: notify.Page{
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

// push sends the page to each of the user's devices, once per device. A
// device whose token FCM no longer knows is turned off (as the paging
// engine does) and counts as done, as does one the provider refuses for
// good; other failures are returned, and the task tries again.
func (s *Stakeholders) push(sys context.Context, messageID, userID int, page notify.Page, key string) error {
	if s.Push == nil {
		return nil
	}
	devices, err := s.Client.ContactMethod.Query().Where(contactmethod.UserID(userID),
		contactmethod.KindEQ(contactmethod.KindPUSH), contactmethod.Disabled(false),
		contactmethod.VerifiedAtNotNil()).All(sys)
	if err != nil {
		return err
	}
	var errs []error
	for _, d := range devices {
		p := page
		p.To, p.ToName, p.DeliveryKey = d.Address, d.Name, fmt.Sprintf("%s-%d", key, d.ID)
		err := s.once(sys, messageID, func(m *ent.StakeholderMessage) bool { return slices.Contains(m.PushedDevices, d.ID) },
			func(ctx context.Context) error {
				_, err := s.Push.Send(ctx, p)
				switch {
				case mobilepush.IsUnregistered(err):
					slog.InfoContext(ctx, "a stakeholder's device is gone: turned off", "user", userID, "device", d.ID)
					return s.Client.ContactMethod.UpdateOne(d).SetDisabled(true).Exec(ctx)
				case notify.IsPermanent(err):
					slog.WarnContext(ctx, "stakeholder push refused for good", "user", userID, "device", d.ID, "err", err)
					return nil
				}
				return err
			},
			func(up *ent.StakeholderMessageUpdateOne) { up.AppendPushedDevices([]int{d.ID}) })
		if err != nil {
			errs = append(errs, fmt.Errorf("push to device %d of user %d: %w", d.ID, userID, err))
		}
	}
	return errors.Join(errs...)
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimSpace(s), "\n", "\n  ")
}
