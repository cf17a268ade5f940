package oncall

import (
	"slices"
	"time"
)

// lookAhead bounds NextHandoff's search past the schedule's last fixed
// instant (a layer's Start or End, an override's End): about ten years.
const lookAhead = 10 * 366 * daySec

// NextHandoff returns the first instant after t at which the set of users on
// call in s changes (to or from nobody included), or false if it never does.
//
// After its last fixed instant a schedule repeats itself in wall-clock time,
// with a period that is a common multiple of its rotations' cycles and (if
// restricted) of a week, so NextHandoff looks two such periods ahead: a
// change that falls wholly inside a DST gap in one period shows in the
// other. A schedule whose period is longer than ten years is searched twenty
// years ahead only; it reports false if it finds no change there.
func NextHandoff(s Schedule, t time.Time) (time.Time, bool) {
	if s.Location == nil {
		return time.Time{}, false
	}
	from := instant(t)
	last := from
	period := int64(1)
	for i := range s.Layers {
		l := &s.Layers[i]
		if _, ok := newRotation(l, s.Location); !ok {
			continue
		}
		last = max(last, instant(l.Start))
		if !l.End.IsZero() {
			last = max(last, instant(l.End))
		}
		period = lcm(period, l.period())
	}
	for _, o := range s.Overrides {
		if o.validate("") == nil {
			last = max(last, instant(o.End))
		}
	}
	// The wall clock can lag the instants by the zone's offset changes; two
	// days more covers any zone's.
	horizon := lastNs
	if ahead := (2*min(period, lookAhead) + 2*daySec) * secondNs; last < lastNs-ahead {
		horizon = last + ahead
	}

	// Until a change is found, now is on call throughout [from, lo).
	now := OnCallAt(s, t)
	// Most handoffs are near: search a day first, then twice as far each
	// time, up to eight weeks at once.
	chunk := daySec * secondNs
	for lo := from; lo < horizon; lo, chunk = lo+chunk, min(2*chunk, 8*weekSec*secondNs) {
		hi := min(lo+chunk, horizon)
		change, found := lo, len(now) > 0 // if no shift at all: nobody from lo
		first := true
		s.sweep(lo, hi, func(start, end int64, users []UserID) {
			if !first {
				return
			}
			first = false
			switch {
			case len(now) == 0:
				// Nobody until this shift starts (after from: nobody is on at from).
				change, found = start, true
			case start > lo || !slices.Equal(users, now):
				// Someone else, or nobody, from lo (never at from itself).
				change, found = lo, true
			default:
				// now until end: a change there unless the chunk ends first.
				change, found = end, end < hi
			}
		})
		if found {
			return toTime(change, s.Location), true
		}
	}
	return time.Time{}, false
}

// period is a wall-clock period, in seconds, after which the layer repeats.
func (l *Layer) period() int64 {
	p := int64(1)
	if slices.ContainsFunc(l.Participants, func(u UserID) bool { return u != l.Participants[0] }) {
		p = int64(len(l.Participants)) * int64(l.Every) * l.Unit.seconds()
	}
	if len(l.Restrictions) > 0 {
		p = lcm(p, weekSec)
	}
	return p
}

// lcm is the least common multiple of a and b, capped at lookAhead.
func lcm(a, b int64) int64 {
	x, y := a, b
	for y != 0 {
		x, y = y, x%y
	}
	if a/x > lookAhead/b {
		return lookAhead
	}
	return a / x * b
}
