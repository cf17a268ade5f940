package stakeholder

import (
	"context"
	"fmt"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/stakeholderpreference"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/viewer"
)

// HandleAnnounce fans an event out: it plans, in one transaction, the
// message each follower is owed — the event itself, or their digest of the
// period the event falls in — and marks the event announced; then it
// queues each message's task. Planning again finds the same rows and the
// tasks have deterministic ids, so a fan-out that runs twice (a retry, the
// sweep) tells nobody twice.
func (s *Stakeholders) HandleAnnounce(ctx context.Context, t *asynq.Task) error {
	var e Event
	if err := decode(t, &e); err != nil {
		return err
	}
	ev, ok := messageEvent(e.Kind)
	if !ok {
		return fmt.Errorf("unknown event %q: %w", e.Kind, asynq.SkipRetry)
	}
	sys := viewer.System(ctx)
	n, err := s.newsOf(sys, e)
	if err != nil || n == nil {
		return err
	}
	people, err := s.Client.User.Query().Where(user.IDIn(n.people...)).All(sys)
	if err != nil {
		return err
	}
	prefs, err := s.preferencesOf(sys, n.people)
	if err != nil {
		return err
	}
	var planned []*ent.StakeholderMessage
	err = s.inTx(sys, func(ctx context.Context, c *ent.Client) error {
		for _, u := range people {
			if u.ID == n.author {
				continue // who made it knows it
			}
			p := prefs[u.ID]
			if !p.Email && !p.Push {
				continue
			}
			var m *ent.StakeholderMessage
			var err error
			if p.Digest == stakeholderpreference.DigestNONE {
				m, err = plan(ctx, c, u.ID, ev, e.ID, nil, s.now())
			} else {
				m, err = planDigest(ctx, c, u, p.Digest, n.at)
			}
			if err != nil {
				return err
			}
			planned = append(planned, m)
		}
		return MarkAnnounced(ctx, c, announcementOf(ev), e.ID)
	})
	if err != nil {
		return err
	}
	for _, m := range planned {
		if m.SentAt != nil {
			continue
		}
		if err := s.queueMessage(ctx, m, false); err != nil {
			return err // planned: the sweep queues it if this retry does not
		}
	}
	return nil
}

// news is who hears of one event, and when it happened.
type news struct {
	people []int
	author int       // who made it knows it (0: nobody)
	at     time.Time // digests take it in the period it falls in
}

// newsOf reads the event e and who hears of it; nil when nobody ever does
// (an INTERNAL update: it is not announced either).
func (s *Stakeholders) newsOf(sys context.Context, e Event) (*news, error) {
	switch e.Kind {
	case EventDeclared:
		inc, err := s.Client.Incident.Get(sys, e.ID)
		if err != nil {
			return nil, notCommitted(err, "incident", e.ID)
		}
		people, err := s.followers(sys, inc.ID, false)
		return &news{people: people, at: inc.CreatedAt}, err
	case EventAffected:
		a, err := s.loadAffected(sys, e.ID)
		if err != nil {
			return nil, err
		}
		people, err := s.newcomers(sys, a)
		n := &news{people: people, at: a.ev.CreatedAt}
		if a.ev.ActorID != nil {
			n.author = *a.ev.ActorID
		}
		return n, err
	}
	u, err := s.Client.StatusUpdate.Get(sys, e.ID)
	if err != nil {
		return nil, notCommitted(err, "status update", e.ID)
	}
	if u.Audience == statusupdate.AudienceINTERNAL {
		return nil, nil // for responders only: no stakeholder hears of it
	}
	if _, err := s.Client.Incident.Get(sys, u.IncidentID); err != nil {
		return nil, notCommitted(err, "incident", u.IncidentID)
	}
	people, err := s.followers(sys, u.IncidentID, true)
	n := &news{people: people, at: u.CreatedAt}
	if u.AuthorID != nil {
		n.author = *u.AuthorID
	}
	return n, err
}

// Period is the digest period around t: the clock hour (HOURLY) or the
// day in loc (DAILY).
func Period(t time.Time, d stakeholderpreference.Digest, loc *time.Location) (start, end time.Time) {
	if d == stakeholderpreference.DigestDAILY {
		l := t.In(loc)
		start = time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
		return start, start.AddDate(0, 0, 1)
	}
	start = t.Truncate(time.Hour)
	return start, start.Add(time.Hour)
}

// preferencesOf reads many people's preferences at once (Defaults when unset).
func (s *Stakeholders) preferencesOf(sys context.Context, ids []int) (map[int]Preferences, error) {
	rows, err := s.Client.StakeholderPreference.Query().Where(stakeholderpreference.UserIDIn(ids...)).All(sys)
	if err != nil {
		return nil, err
	}
	out := make(map[int]Preferences, len(ids))
	for _, id := range ids {
		out[id] = Defaults
	}
	for _, r := range rows {
		out[r.UserID] = Preferences{Email: r.Email, Push: r.Push, Digest: r.Digest}
	}
	return out, nil
}

func location(tz string) *time.Location {
	if loc, err := time.LoadLocation(tz); err == nil && tz != "" {
		return loc
	}
	return time.UTC
}

// notCommitted explains a missing row: the task may run before the
// request's transaction committed (retry), or the row was deleted since.
func notCommitted(err error, what string, id int) error {
	if ent.IsNotFound(err) {
		return fmt.Errorf("%s %d not found (not committed yet, or deleted?): %w", what, id, err)
	}
	return err
}
