package schedule

import (
	"context"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/coverrequest"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/scheduleoverride"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/viewer"
)

// CoverInput asks for cover during [StartsAt, EndsAt) (GraphQL
// CoverRequestInput). An open request expires at ExpiresAt, by default when
// the range starts (or ends, if it has started).
type CoverInput struct {
	StartsAt  time.Time
	EndsAt    time.Time
	Message   *string
	ExpiresAt *time.Time
}

// RequestCover records the viewer's request for cover in a schedule and,
// once committed, announces it to the schedule's members by email. Open
// requests are what the schedule page shows as announcements.
func (s *Schedules) RequestCover(ctx context.Context, scheduleID int, in CoverInput) (*ent.CoverRequest, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == 0 {
		return nil, viewer.ErrUnauthenticated
	}
	now := s.now()
	expires := in.StartsAt
	if !expires.After(now) {
		expires = in.EndsAt
	}
	if in.ExpiresAt != nil {
		expires = *in.ExpiresAt
	}
	var row *ent.CoverRequest
	err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		if _, err := c.Schedule.Get(ctx, scheduleID); err != nil {
			return err
		}
		var bad error
		switch {
		case !in.EndsAt.After(in.StartsAt):
			bad = invalid("endsAt", "must be after startsAt")
		case !in.EndsAt.After(now):
			bad = invalid("endsAt", "the range is over already")
		case !expires.After(now):
			bad = invalid("expiresAt", "must be in the future")
		case expires.After(in.EndsAt):
			bad = invalid("expiresAt", "must not be after endsAt")
		}
		if bad == nil {
			members, err := teamMembers(ctx, c, scheduleID)
			if err != nil {
				return err
			}
			if !members[v.UserID] {
				bad = invalid("scheduleID", "you are not a member of the schedule's team")
			}
		}
		var err error
		row, err = c.CoverRequest.Create().SetScheduleID(scheduleID).SetRequesterID(v.UserID).
			SetStartsAt(in.StartsAt).SetEndsAt(in.EndsAt).SetNillableMessage(in.Message).
			SetExpiresAt(expires).Save(ctx)
		return writtenThenChecked(err, bad)
	})
	if err != nil {
		return nil, err
	}
	if s.Announcer != nil {
		id := row.ID
		afterCommit(ctx, "announcing a cover request", func(ctx context.Context) error {
			return s.Announcer.EnqueueCoverAnnouncement(ctx, id)
		})
	}
	return row, nil
}

// AcceptCover makes the viewer cover an open request: a REPLACE override of
// the requester by the viewer over the requested range, created in the same
// transaction that marks the request accepted.
func (s *Schedules) AcceptCover(ctx context.Context, id int) (*ent.CoverRequest, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == 0 {
		return nil, viewer.ErrUnauthenticated
	}
	var row *ent.CoverRequest
	err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		req, err := c.CoverRequest.Query().Where(coverrequest.ID(id)).ForUpdate().Only(ctx)
		if err != nil {
			return err
		}
		if err := s.stillOpen(req); err != nil {
			return err
		}
		if req.RequesterID == v.UserID {
			return invalid("id", "you cannot cover your own request; cancel it instead")
		}
		requester := req.RequesterID
		o, err := s.CreateOverride(ctx, req.ScheduleID, OverrideInput{
			Kind: scheduleoverride.KindREPLACE, StartsAt: req.StartsAt, EndsAt: req.EndsAt,
			UserOnID: &v.UserID, UserOffID: &requester, Note: ptr(fmt.Sprintf("Cover request %d", req.ID)),
		})
		if err != nil {
			return err
		}
		row, err = c.CoverRequest.UpdateOne(req).SetStatus(coverrequest.StatusACCEPTED).
			SetAcceptedByID(v.UserID).SetOverrideID(o.ID).Save(ctx)
		return err
	})
	return row, err
}

// CancelCover withdraws an open request; only its requester (or an admin) may.
func (s *Schedules) CancelCover(ctx context.Context, id int) (*ent.CoverRequest, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == 0 {
		return nil, viewer.ErrUnauthenticated
	}
	var row *ent.CoverRequest
	err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		req, err := c.CoverRequest.Query().Where(coverrequest.ID(id)).ForUpdate().Only(ctx)
		if err != nil {
			return err
		}
		if req.RequesterID != v.UserID && !v.IsAdmin() {
			return fmt.Errorf("%w: only the requester may cancel a cover request", privacy.Deny)
		}
		if err := s.stillOpen(req); err != nil {
			return err
		}
		row, err = c.CoverRequest.UpdateOne(req).SetStatus(coverrequest.StatusCANCELLED).Save(ctx)
		return err
	})
	return row, err
}

// stillOpen refuses a request that was answered or has expired.
func (s *Schedules) stillOpen(req *ent.CoverRequest) error {
	switch {
	case req.Status != coverrequest.StatusOPEN:
		return invalid("id", "the request is %s already", req.Status)
	case !req.ExpiresAt.After(s.now()):
		return invalid("id", "the request has expired")
	}
	return nil
}

// ExpireCovers marks open requests whose expiry has passed as EXPIRED and
// returns how many. The worker calls it periodically; answering a request
// checks the expiry itself, so a late sweep never lets one be accepted.
func (s *Schedules) ExpireCovers(ctx context.Context) (int, error) {
	return s.client(ctx).CoverRequest.Update().
		Where(coverrequest.StatusEQ(coverrequest.StatusOPEN), coverrequest.ExpiresAtLTE(s.now())).
		SetStatus(coverrequest.StatusEXPIRED).Save(ctx)
}

// CoverRequests returns a schedule's requests that overlap [from, to),
// open ones included whatever their range, oldest first.
func (s *Schedules) CoverRequests(ctx context.Context, scheduleID int, from, to time.Time) ([]*ent.CoverRequest, error) {
	if err := checkRange(from, to); err != nil {
		return nil, err
	}
	return s.client(ctx).CoverRequest.Query().
		Where(coverrequest.ScheduleID(scheduleID), coverrequest.Or(
			coverrequest.StatusEQ(coverrequest.StatusOPEN),
			coverrequest.And(coverrequest.EndsAtGT(from), coverrequest.StartsAtLT(to)))).
		Order(ent.Asc(coverrequest.FieldStartsAt), ent.Asc(coverrequest.FieldID)).All(ctx)
}

func ptr[T any](v T) *T { return &v }

// Announcement is what a cover request's email says and to whom.
type Announcement struct {
	Request   *ent.CoverRequest
	Schedule  *ent.Schedule
	Requester *ent.User
	// To are the schedule's members who could cover: its layers'
	// participants, except the requester and disabled users.
	To []*ent.User
}

// Announce gathers the announcement of an open cover request; a request
// that is no longer open has nobody to tell (To is empty).
func (s *Schedules) Announce(ctx context.Context, id int) (*Announcement, error) {
	c := s.client(ctx)
	req, err := c.CoverRequest.Query().Where(coverrequest.ID(id)).WithSchedule().WithRequester().Only(ctx)
	if err != nil {
		return nil, err
	}
	a := &Announcement{Request: req, Schedule: req.Edges.Schedule, Requester: req.Edges.Requester}
	if req.Status != coverrequest.StatusOPEN {
		return a, nil
	}
	layers, err := s.Layers(ctx, req.ScheduleID)
	if err != nil {
		return nil, err
	}
	var ids []int
	for _, l := range layers {
		ids = append(ids, l.ParticipantIds...)
	}
	a.To, err = c.User.Query().
		Where(user.IDIn(ids...), user.IDNEQ(req.RequesterID), user.Disabled(false)).
		Order(ent.Asc(user.FieldID)).All(ctx)
	return a, err
}
