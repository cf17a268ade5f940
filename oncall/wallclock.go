package oncall

import (
	"math"
	"time"
)

// Inside the package an instant is Unix nanoseconds (int64), which makes the
// sweeps over shifts cheap and exact, and a wall-clock reading is "civil
// seconds": the Unix seconds of the wall clock read as if it were UTC. Civil
// time has no DST, so a civil day is always 86400 s and a civil week 604800 s.

const (
	secondNs = int64(time.Second)
	daySec   = int64(86400)
	weekSec  = 7 * daySec
	// never stands for "no end".
	never = int64(math.MaxInt64)
)

// firstNs and lastNs bound the instants the package handles (1678–2261):
// UnixNano is undefined outside 1678–2262, and the margin keeps wall-clock
// arithmetic near the ends from overflowing.
var (
	firstNs = time.Date(1678, 1, 2, 0, 0, 0, 0, time.UTC).UnixNano()
	lastNs  = time.Date(2261, 12, 31, 0, 0, 0, 0, time.UTC).UnixNano()
)

// instant converts t to Unix nanoseconds, clamped to [firstNs, lastNs].
func instant(t time.Time) int64 {
	switch {
	case t.Before(time.Unix(0, firstNs)):
		return firstNs
	case t.After(time.Unix(0, lastNs)):
		return lastNs
	}
	return t.UnixNano()
}

// endInstant is instant for an optional end: the zero time means never.
func endInstant(t time.Time) int64 {
	if t.IsZero() {
		return never
	}
	return instant(t)
}

func toTime(ns int64, loc *time.Location) time.Time {
	return time.Unix(0, ns).In(loc)
}

// floorDiv is a/b rounded toward −∞ (b > 0).
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// floorMod is a mod b in [0, b) (b > 0).
func floorMod(a, b int64) int64 {
	m := a % b
	if m < 0 {
		m += b
	}
	return m
}

// civilOf is the wall-clock reading, in whole civil seconds, at instant ns.
func civilOf(ns int64, loc *time.Location) int64 {
	sec := floorDiv(ns, secondNs)
	_, off := time.Unix(sec, 0).In(loc).Zone()
	return sec + int64(off)
}

// weekdayOf is the weekday of the civil day containing civil second c.
func weekdayOf(c int64) time.Weekday {
	// 1970-01-01 was a Thursday.
	return time.Weekday(floorMod(floorDiv(c, daySec)+4, 7))
}

// happens returns the instant (Unix ns) at which wall-clock time c happens in
// loc: the first instant at which loc's clock reads c or later. That is c
// itself where it exists once, its first occurrence in a fall-back fold, and
// the end of the gap in a spring-forward gap.
func happens(c int64, loc *time.Location) int64 {
	// No zone has ever been 26 hours ahead of UTC, so the clock reads less
	// than c at every instant before c−26h and the answer is after it.
	t := c - 26*3600
	for range 16 {
		z := time.Unix(t, 0).In(loc)
		_, off := z.Zone()
		_, end := z.ZoneBounds()
		// Within this zone the clock reads s+off at instant s: the first s
		// reading c or later is c−off, unless the zone starts after that.
		cand := max(t, c-int64(off))
		if end.IsZero() || cand < end.Unix() {
			return cand * secondNs
		}
		t = end.Unix()
	}
	// Unreachable with real zone data: sixteen transitions within 38 hours.
	return t * secondNs
}
