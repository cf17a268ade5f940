package oncall

import (
	"fmt"
	"time"
)

// UserID identifies a person who can be on call (the users table's id).
type UserID int64

// ScheduleID identifies a schedule (the schedules table's id).
type ScheduleID int64

// Schedule is a time zone, layers of rotations and overrides on top.
type Schedule struct {
	ID   ScheduleID
	Name string
	// Location is the zone whose wall clock handoffs and restrictions follow.
	Location *time.Location
	// Layers[0] is the bottom layer; a later layer wins where it has someone.
	Layers []Layer
	// Overrides are applied in this order (creation order); later wins.
	Overrides []Override
}

// Unit is the unit of a layer's turn length.
type Unit int

// The units a turn can be counted in.
const (
	Hours Unit = iota + 1
	Days
	Weeks
)

func (u Unit) String() string {
	switch u {
	case Hours:
		return "hours"
	case Days:
		return "days"
	case Weeks:
		return "weeks"
	}
	return fmt.Sprintf("Unit(%d)", int(u))
}

// seconds is the wall-clock length of one unit.
func (u Unit) seconds() int64 {
	switch u {
	case Hours:
		return 3600
	case Days:
		return 86400
	case Weeks:
		return 7 * 86400
	}
	return 0
}

// Clock is a wall-clock time of day.
type Clock struct {
	Hour, Minute int
}

// At returns the wall-clock time hour:minute.
func At(hour, minute int) Clock { return Clock{Hour: hour, Minute: minute} }

func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute) }

func (c Clock) valid() bool {
	return c.Hour >= 0 && c.Hour < 24 && c.Minute >= 0 && c.Minute < 60
}

// seconds is the time of day in seconds after midnight.
func (c Clock) seconds() int64 { return int64(c.Hour)*3600 + int64(c.Minute)*60 }

// Layer is one rotation: Participants take turns of Every Units each.
type Layer struct {
	Name string
	// Participants take turns in this order; a user may appear more than once.
	Participants []UserID
	// Every is the number of Units in one turn.
	Every int
	Unit  Unit
	// Start is when the layer takes effect; Participants[0] holds the turn
	// in effect then.
	Start time.Time
	// End is when the layer stops; the zero time means never.
	End time.Time
	// Handoff is the wall-clock time turns change (Days and Weeks only).
	Handoff Clock
	// HandoffDay is the weekday turns change (Weeks only).
	HandoffDay time.Weekday
	// Restrictions, if any, are the only times the layer has someone.
	Restrictions []Window
}

// Window is a weekly span of wall-clock time: it opens on Day at Start and
// stays open for Length of wall-clock time, possibly past midnight.
type Window struct {
	Day    time.Weekday
	Start  Clock
	Length time.Duration
}

// Windows returns one window from `from` to `to` on each of days; a `to` at
// or before `from` ends on the next day, so Windows(At(22, 0), At(6, 0), …)
// covers nights.
func Windows(from, to Clock, days ...time.Weekday) []Window {
	length := time.Duration(to.seconds()-from.seconds()) * time.Second
	if length <= 0 {
		length += 24 * time.Hour
	}
	ws := make([]Window, 0, len(days))
	for _, d := range days {
		ws = append(ws, Window{Day: d, Start: from, Length: length})
	}
	return ws
}

// Weekdays returns Monday to Friday, for Windows(from, to, Weekdays()...).
func Weekdays() []time.Weekday {
	return []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
}

// EveryDay returns Sunday to Saturday, for Windows(from, to, EveryDay()...).
func EveryDay() []time.Weekday {
	return []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday}
}

// OverrideKind says what an override does.
type OverrideKind int

// The kinds of override.
const (
	// Replace puts On on call in place of Off, wherever Off is on call.
	Replace OverrideKind = iota + 1
	// Add puts On on call beside whoever is.
	Add
	// Remove takes Off off call.
	Remove
)

func (k OverrideKind) String() string {
	switch k {
	case Replace:
		return "replace"
	case Add:
		return "add"
	case Remove:
		return "remove"
	}
	return fmt.Sprintf("OverrideKind(%d)", int(k))
}

// Override changes who is on call during [Start, End).
type Override struct {
	Kind       OverrideKind
	Start, End time.Time
	// On is the user put on call (Replace, Add).
	On UserID
	// Off is the user taken off call (Replace, Remove).
	Off UserID
}

// Shift is a span [Start, End) during which Users are on call.
type Shift struct {
	Start, End time.Time
	// Users are sorted and distinct.
	Users []UserID
	// Schedule is the schedule the shift belongs to (zero from LayerShifts).
	Schedule ScheduleID
}
