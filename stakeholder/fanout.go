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

// HandleAnnounce fans an event out: one TypeNotify task per follower who
// hears of each update, or their period's TypeDigest task. Both have
// deterministic ids, so running the fan-out again queues nothing twice.
func (s *Stakeholders) HandleAnnounce(ctx context.Context, t *asynq.Task) error {
	var e Event
	if err := decode(t, &e); err != nil {
		return err
	}
	sys := viewer.System(ctx)
	var incidentID, author int
	members := false
	switch e.Kind {
	case EventDeclared:
		incidentID = e.ID
	case EventUpdate:
		u, err := s.Client.StatusUpdate.Get(sys, e.ID)
		if err != nil {
			return notCommitted(err, "status update", e.ID)
		}
		if u.Audience == statusupdate.AudienceINTERNAL {
			return nil // for responders only: no stakeholder hears of it
		}
		incidentID, members = u.IncidentID, true
		if u.AuthorID != nil {
			author = *u.AuthorID
		}
	default:
		return fmt.Errorf("unknown event %q: %w", e.Kind, asynq.SkipRetry)
	}
	if _, err := s.Client.Incident.Get(sys, incidentID); err != nil {
		return notCommitted(err, "incident", incidentID)
	}
	ids, err := s.followers(sys, incidentID, members)
	if err != nil {
		return err
	}
	people, err := s.Client.User.Query().Where(user.IDIn(ids...)).All(sys)
	if err != nil {
		return err
	}
	prefs, err := s.preferencesOf(sys, ids)
	if err != nil {
		return err
	}
	for _, u := range people {
		if u.ID == author {
			continue // who posted the update knows it
		}
		p := prefs[u.ID]
		if !p.Email && !p.Push {
			continue
		}
		if p.Digest == stakeholderpreference.DigestNONE {
			n := Event{Kind: e.Kind, ID: e.ID, UserID: u.ID}
			if err := s.enqueue(ctx, TypeNotify, n, fmt.Sprintf("stakeholder:notify:%s:%d:%d", e.Kind, e.ID, u.ID)); err != nil {
				return err
			}
			continue
		}
		if err := s.enqueueDigest(ctx, u, p.Digest); err != nil {
			return err
		}
	}
	return nil
}

// enqueueDigest queues the digest of the period now falls in, to run at
// its end; every event of the period names the same task.
func (s *Stakeholders) enqueueDigest(ctx context.Context, u *ent.User, d stakeholderpreference.Digest) error {
	start, end := Period(s.now(), d, location(u.TimeZone))
	p := DigestPeriod{UserID: u.ID, Start: start, End: end}
	id := fmt.Sprintf("stakeholder:digest:%d:%s:%d", u.ID, d, end.Unix())
	return s.enqueue(ctx, TypeDigest, p, id, asynq.ProcessAt(end))
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
