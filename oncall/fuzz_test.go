package oncall

import (
	"slices"
	"testing"
	"time"
)

// FuzzOnCallAt builds a small schedule from the fuzzer's bytes, near a DST
// change of one of the test zones, and compares OnCallAt at every minute of
// a six-hour window, and then everything check compares, with the oracle.
func FuzzOnCallAt(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 5, 2, 10, 1, 2, 2, 1, 2, 30, 0, 3})
	f.Add([]byte{4, 7, 8, 60, 2, 3, 1, 1, 2, 45, 6, 9, 1, 0, 2, 45, 20, 1, 1, 2, 3, 4})
	f.Add([]byte{2, 3, 3, 100, 3, 1, 2, 2, 2, 30, 0, 40, 0, 5, 1, 30, 200, 2, 2, 1, 5, 9, 40})
	f.Add([]byte{1, 9, 11, 255, 3, 4, 1, 3, 1, 3, 1, 0, 1, 1, 2, 0, 255, 3, 1, 1, 1, 2, 200, 100, 3, 1, 0, 2, 2, 7})
	locs := make([]*time.Location, len(propZones))
	for i, name := range propZones {
		locs[i] = zone(f, name)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := fuzzCase(data, locs)
		o := newOracle(c.s)
		o.walk(c.from, c.to, func(at time.Time, _, want []UserID) {
			if got := OnCallAt(c.s, at); !slices.Equal(got, want) {
				t.Fatalf("%sat %s: OnCallAt = %v, oracle %v", describe(c), at.In(c.s.Location).Format(time.RFC3339), got, want)
			}
		})
		if _, d := check(c); d != nil {
			t.Fatalf("%s%s", describe(c), d.report(c.s.Location))
		}
	})
}

// fuzzCase decodes bytes into a valid schedule and a six-hour window; missing
// bytes read as zero.
func fuzzCase(data []byte, locs []*time.Location) propCase {
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return int(b)
	}
	loc := locs[next()%len(locs)]
	// The first change of offset in the chosen year and month, if any soon.
	pivot := time.Date(2020+next()%10, time.Month(1+next()%12), 1, 0, 0, 0, 0, time.UTC)
	if _, end := pivot.In(loc).ZoneBounds(); !end.IsZero() && end.Sub(pivot) < 400*24*time.Hour {
		pivot = end
	}
	from := pivot.Add(-time.Duration(next()) * 3 * time.Minute).Truncate(time.Minute)
	c := propCase{from: from, to: from.Add(6 * time.Hour), s: Schedule{ID: 1, Location: loc}}
	clock := func() Clock { return Clock{next() % 24, next() % 60} }
	for range 1 + next()%3 {
		l := Layer{Unit: Unit(1 + next()%3)}
		l.Every = 1 + next()%[]int{12, 3, 2}[l.Unit-1]
		for range 1 + next()%3 {
			l.Participants = append(l.Participants, UserID(1+next()%4))
		}
		l.Handoff, l.HandoffDay = clock(), time.Weekday(next()%7)
		l.Start = from.Add(-time.Duration(next()*next()) * time.Minute)
		if e := next(); e > 0 && e < 100 {
			l.End = l.Start.Add(time.Duration(e) * 17 * time.Minute)
		}
		for range next() % 3 {
			l.Restrictions = append(l.Restrictions, Window{Day: time.Weekday(next() % 7), Start: clock(),
				Length: time.Duration(1+next()*next()%(7*24*60)) * time.Minute})
		}
		c.s.Layers = append(c.s.Layers, l)
	}
	for range next() % 4 {
		start := from.Add(time.Duration(next()*2-60) * time.Minute)
		c.s.Overrides = append(c.s.Overrides, Override{Kind: OverrideKind(1 + next()%3), On: UserID(1 + next()%5),
			Off: UserID(1 + next()%5), Start: start, End: start.Add(time.Duration(1+next()*2) * time.Minute)})
	}
	return c
}
