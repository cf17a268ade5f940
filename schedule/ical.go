package schedule

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/oncall"
)

// A feed shows shifts from FeedPast ago to FeedAhead from now; calendar
// apps fetch it again every FeedRefresh, so it follows the schedule.
const (
	FeedPast    = 30 * 24 * time.Hour
	FeedAhead   = 180 * 24 * time.Hour
	FeedRefresh = 15 * time.Minute
)

// WriteFeed writes the iCal (RFC 5545) calendar of the feed with token to w:
// one event per shift, in the schedule's zone with its VTIMEZONE. It
// returns ErrFeedNotFound for a token of no live feed.
func (s *Schedules) WriteFeed(ctx context.Context, w io.Writer, token string) error {
	f, ctx, err := s.feedByToken(ctx, token)
	if err != nil {
		return err
	}
	now := s.now()
	from, to := now.Add(-FeedPast), now.Add(FeedAhead)
	var rows []*ent.Schedule
	if f.ScheduleID != nil {
		row, err := s.Client.Schedule.Get(ctx, *f.ScheduleID)
		if ent.IsNotFound(err) {
			return ErrFeedNotFound
		}
		if err != nil {
			return err
		}
		rows = []*ent.Schedule{row}
	} else if rows, err = s.userSchedules(ctx, f.UserID); err != nil {
		return err
	}
	scheds, err := s.LoadAll(ctx, rows, from, to)
	if err != nil {
		return err
	}
	var shifts []oncall.Shift
	name := ""
	if f.ScheduleID != nil {
		shifts = oncall.Shifts(scheds[0], from, to)
		name = "On call: " + rows[0].Name
	} else {
		shifts = oncall.UserShifts(scheds, oncall.UserID(f.UserID), from, to)
		name = "My on-call shifts"
	}
	names, err := s.userNames(ctx, shifts)
	if err != nil {
		return err
	}
	cal := calendar(name, now, rows, scheds, shifts, names, f.ScheduleID == nil)
	return cal.SerializeTo(w, ics.WithNewLineWindows) // RFC 5545 lines end in CRLF
}

// calendar builds the iCal calendar of shifts; mine says whether the
// summaries name the schedule (a user's feed) or the people (a schedule's).
func calendar(name string, now time.Time, rows []*ent.Schedule, scheds []oncall.Schedule, shifts []oncall.Shift,
	names map[oncall.UserID]string, mine bool) *ics.Calendar {
	cal := ics.NewCalendarFor("Tocsin")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName(name)
	cal.SetXWRCalName(name)
	cal.SetRefreshInterval(isoDuration(FeedRefresh))
	cal.SetXPublishedTTL(isoDuration(FeedRefresh))
	byID := map[oncall.ScheduleID]int{}
	zones := map[string]bool{}
	for i, sc := range scheds {
		byID[sc.ID] = i
		if z := sc.Location.String(); z != "UTC" && !zones[z] && len(shifts) > 0 {
			zones[z] = true
			addZone(cal, sc.Location, now.Add(-FeedPast-24*time.Hour), now.Add(FeedAhead+24*time.Hour))
		}
	}
	for _, sh := range shifts {
		i := byID[sh.Schedule]
		row, loc := rows[i], scheds[i].Location
		people := make([]string, 0, len(sh.Users))
		for _, u := range sh.Users {
			people = append(people, names[u])
		}
		e := cal.AddEvent(fmt.Sprintf("shift-%d-%d-%s@tocsin", row.ID, sh.Start.Unix(), userList(sh.Users)))
		e.SetDtStampTime(now)
		setTime(e, ics.ComponentPropertyDtStart, sh.Start, loc)
		setTime(e, ics.ComponentPropertyDtEnd, sh.End, loc)
		if mine {
			e.SetSummary("On call: " + row.Name)
		} else {
			e.SetSummary("On call: " + strings.Join(people, ", "))
		}
		e.SetDescription(fmt.Sprintf("%s on call in %s (%s).", strings.Join(people, ", "), row.Name, row.TimeZone))
	}
	return cal
}

// setTime writes t as local time in loc with a TZID, or in UTC.
func setTime(e *ics.VEvent, p ics.ComponentProperty, t time.Time, loc *time.Location) {
	if loc.String() == "UTC" {
		e.SetProperty(p, t.UTC().Format("20060102T150405Z"))
		return
	}
	e.SetProperty(p, t.In(loc).Format("20060102T150405"), ics.WithTZID(loc.String()))
}

// addZone adds loc's VTIMEZONE, with one observance for each offset in
// effect during [from, to): Go knows transitions but not the rules behind
// them, so each observance is a single onset rather than an RRULE.
func addZone(cal *ics.Calendar, loc *time.Location, from, to time.Time) {
	tz := cal.AddTimezone(loc.String())
	t := from.In(loc)
	for {
		start, end := t.ZoneBounds()
		abbr, off := t.Zone()
		prev := off
		onset := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
		if !start.IsZero() {
			_, prev = start.Add(-time.Second).Zone()
			onset = start.In(time.FixedZone("", prev))
		}
		base := ics.ComponentBase{}
		base.SetProperty(ics.ComponentPropertyDtStart, onset.Format("20060102T150405"))
		base.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), utcOffset(prev))
		base.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), utcOffset(off))
		base.SetProperty(ics.ComponentProperty(ics.PropertyTzname), abbr)
		if t.IsDST() {
			tz.Components = append(tz.Components, &ics.Daylight{ComponentBase: base})
		} else {
			tz.Components = append(tz.Components, &ics.Standard{ComponentBase: base})
		}
		if end.IsZero() || !end.Before(to) {
			return
		}
		t = end.In(loc)
	}
}

// utcOffset formats seconds east of UTC as iCal's +HHMM (or +HHMMSS).
func utcOffset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	s := fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec%3600/60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}

func isoDuration(d time.Duration) string { return fmt.Sprintf("PT%dM", int(d/time.Minute)) }

func userList(us []oncall.UserID) string {
	parts := make([]string, len(us))
	for i, u := range us {
		parts[i] = fmt.Sprint(u)
	}
	return strings.Join(parts, ".")
}

// userNames names the users of shifts.
func (s *Schedules) userNames(ctx context.Context, shifts []oncall.Shift) (map[oncall.UserID]string, error) {
	var ids []int
	for _, sh := range shifts {
		for _, u := range sh.Users {
			ids = append(ids, int(u))
		}
	}
	slices.Sort(ids)
	users, err := s.Client.User.Query().Where(user.IDIn(slices.Compact(ids)...)).All(ctx)
	if err != nil {
		return nil, err
	}
	out := map[oncall.UserID]string{}
	for _, u := range users {
		out[oncall.UserID(u.ID)] = u.Name
	}
	return out, nil
}
