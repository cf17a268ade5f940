package schedule_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/oncall"
	"github.com/tocsin/tocsin/schedule"
)

// feed writes the feed and parses it back with golang-ical.
func feed(t *testing.T, w *world, token string) (*ics.Calendar, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := w.s.WriteFeed(context.Background(), &buf, token); err != nil {
		t.Fatalf("WriteFeed: %v", err)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("the feed does not parse: %v\n%s", err, buf.String())
	}
	return cal, buf.String()
}

func TestScheduleFeedIsICalWithTheZoneAndEveryShift(t *testing.T) {
	w := newWorld(t)
	if _, err := w.s.CreateLayer(w.annCtx, w.sched.ID, w.dailyRotation()); err != nil {
		t.Fatal(err)
	}
	f, token, err := w.s.CreateFeed(w.bobCtx, &w.sched.ID)
	if err != nil {
		t.Fatal(err)
	}
	cal, raw := feed(t, w, token)
	if !strings.Contains(raw, "\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n") {
		t.Fatalf("want a VTIMEZONE for Europe/Berlin, got:\n%s", raw)
	}
	// The feed spans 2026-02-18 to 2026-09-16: Berlin springs forward once.
	tz := cal.Timezones()
	if len(tz) != 1 || len(tz[0].Components) != 2 {
		t.Fatalf("want one VTIMEZONE with a STANDARD and a DAYLIGHT observance, got %d zones: %s", len(tz), raw[:min(len(raw), 2000)])
	}
	if !strings.Contains(raw, "BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200") {
		t.Errorf("want the DAYLIGHT onset at 02:00 local on 29 March, from +0100 to +0200")
	}
	sched, err := w.s.Load(w.bobCtx, w.sched.ID, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	want := oncall.Shifts(sched, w.now.Add(-schedule.FeedPast), w.now.Add(schedule.FeedAhead))
	events := cal.Events()
	if len(events) != len(want) || len(want) < 100 {
		t.Fatalf("want one event per shift (%d), got %d", len(want), len(events))
	}
	for i, e := range events {
		start, err1 := e.GetStartAt()
		end, err2 := e.GetEndAt()
		if err1 != nil || err2 != nil || !start.Equal(want[i].Start) || !end.Equal(want[i].End) {
			t.Fatalf("event %d: want %v – %v, got %v – %v (%v, %v)", i, want[i].Start, want[i].End, start, end, err1, err2)
		}
		if p := e.GetProperty(ics.ComponentPropertyDtStart); p.ICalParameters["TZID"][0] != "Europe/Berlin" {
			t.Fatalf("event %d: want DTSTART in TZID Europe/Berlin, got %v", i, p.ICalParameters)
		}
	}
	if s := events[len(events)-1].GetProperty(ics.ComponentPropertySummary).Value; s != "On call: Ann" && s != "On call: Bob" {
		t.Errorf("a schedule feed's events name who is on call, got %q", s)
	}

	// The feed follows the schedule, and revoking stops it.
	berlinNow := w.now.In(berlin)
	_, err = w.s.CreateOverride(w.annCtx, w.sched.ID, schedule.OverrideInput{Kind: "ADD",
		StartsAt: berlinNow, EndsAt: berlinNow.Add(time.Hour), UserOnID: &w.ann.ID}) // beside bob, whose day it is
	if err != nil {
		t.Fatal(err)
	}
	if cal, _ := feed(t, w, token); len(cal.Events()) != len(want)+2 {
		t.Errorf("an override splitting a shift must add two events, got %d want %d", len(cal.Events()), len(want)+2)
	}
	if _, err := w.s.RevokeFeed(w.annCtx, f.ID); err == nil {
		t.Errorf("ann revoked bob's feed")
	}
	if _, err := w.s.RevokeFeed(w.bobCtx, f.ID); err != nil {
		t.Fatal(err)
	}
	if err := w.s.WriteFeed(context.Background(), &bytes.Buffer{}, token); !errors.Is(err, schedule.ErrFeedNotFound) {
		t.Fatalf("a revoked feed: want ErrFeedNotFound, got %v", err)
	}
}

func TestMyShiftsFeedHoldsOnlyTheOwnersShifts(t *testing.T) {
	w := newWorld(t)
	if _, err := w.s.CreateLayer(w.annCtx, w.sched.ID, w.dailyRotation()); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.s.CreateFeed(w.stakeCtx, nil); !errors.Is(err, privacy.Deny) {
		t.Errorf("a stakeholder creating a feed: want privacy.Deny, got %v", err)
	}
	_, token, err := w.s.CreateFeed(w.annCtx, nil)
	if err != nil {
		t.Fatal(err)
	}
	cal, _ := feed(t, w, token)
	mine, err := w.s.UserShifts(w.annCtx, w.ann.ID, w.now.Add(-schedule.FeedPast), w.now.Add(schedule.FeedAhead))
	if err != nil {
		t.Fatal(err)
	}
	if len(cal.Events()) != len(mine) || len(mine) < 50 {
		t.Fatalf("want one event per shift of ann's (%d), got %d", len(mine), len(cal.Events()))
	}
	for _, e := range cal.Events() {
		if s := e.GetProperty(ics.ComponentPropertySummary).Value; s != "On call: Ops primary" {
			t.Fatalf("my feed's events name the schedule, got %q", s)
		}
		if d := e.GetProperty(ics.ComponentPropertyDescription).Value; !strings.HasPrefix(d, "Ann on call") {
			t.Fatalf("want ann's shifts only, got %q", d)
		}
	}
	if err := w.s.WriteFeed(context.Background(), &bytes.Buffer{}, "tcf_not-a-real-token"); !errors.Is(err, schedule.ErrFeedNotFound) {
		t.Fatalf("an unknown token: want ErrFeedNotFound, got %v", err)
	}
}
