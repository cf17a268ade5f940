package oncall

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var (
	propCases = flag.Int("oncall.cases", 10000, "schedules TestMatchesOracle generates")
	propSeed  = flag.Uint64("oncall.seed", 1, "seed of TestMatchesOracle's generator")
)

// propZones are the zones the generated schedules use: northern and southern
// DST, a half-hour offset without DST, and a 45-minute offset with DST.
var propZones = []string{"America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham"}

// A propCase is one generated schedule and the window it is checked over.
type propCase struct {
	s        Schedule
	from, to time.Time
}

// TestMatchesOracle checks Shifts, LayerShifts, OnCallAt, UserShifts and
// NextHandoff against the oracle on generated schedules around DST changes.
// Every minute of every window is compared for the shift lists, and OnCallAt
// at every change the oracle sees, a minute either side and spread minutes.
// A disagreement is shrunk and printed as Go code. For a longer run:
//
//	go test ./oncall -run TestMatchesOracle -v -oncall.cases=100000 -oncall.seed=7
func TestMatchesOracle(t *testing.T) {
	n := *propCases
	if testing.Short() {
		n = min(n, 1000)
	}
	locs := make([]*time.Location, len(propZones))
	for i, name := range propZones {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatalf("zone %s: %v", name, err)
		}
		locs[i] = loc
	}
	var (
		next, comparisons, failures atomic.Int64
		wg                          sync.WaitGroup
		mu                          sync.Mutex
		reports                     []string
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= int64(n) || failures.Load() >= 3 {
					return
				}
				c := genCase(rand.New(rand.NewPCG(*propSeed, uint64(i))), locs)
				cmp, d := check(c)
				comparisons.Add(cmp)
				if d == nil {
					continue
				}
				failures.Add(1)
				c, d = shrink(c, d)
				mu.Lock()
				reports = append(reports, fmt.Sprintf("case %d (seed %d):\n%s%s", i, *propSeed, describe(c), d.report(c.s.Location)))
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	t.Logf("%d schedules, %d comparisons with the oracle, %d disagreements", min(next.Load(), int64(n)), comparisons.Load(), failures.Load())
	for _, r := range reports {
		t.Error(r)
	}
}

// genCase generates a schedule in one of locs and a window near one of its
// DST changes, everything on whole minutes.
func genCase(r *rand.Rand, locs []*time.Location) propCase {
	loc := locs[r.IntN(len(locs))]
	minute := func(t time.Time) time.Time { return t.Truncate(time.Minute) }
	// A random instant in 2020–2030, then the next change of offset, if any.
	pivot := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Int64N(int64(11 * 365 * 24 * time.Hour))))
	if _, end := pivot.In(loc).ZoneBounds(); !end.IsZero() && end.Sub(pivot) < 400*24*time.Hour {
		pivot = end
	}
	pivot = minute(pivot)
	around := func(d time.Duration) time.Time {
		return minute(pivot.Add(time.Duration(r.Int64N(int64(2*d))) - d))
	}
	var length time.Duration
	switch p := r.IntN(100); {
	case p < 80:
		length = time.Hour + time.Duration(r.Int64N(int64(71*time.Hour)))
	case p < 96:
		length = 3*24*time.Hour + time.Duration(r.Int64N(int64(7*24*time.Hour)))
	default:
		length = 14*24*time.Hour + time.Duration(r.Int64N(int64(21*24*time.Hour)))
	}
	from := minute(pivot.Add(-time.Duration(r.Int64N(int64(min(length, 36*time.Hour))))))
	c := propCase{from: from, to: minute(from.Add(length))}
	c.s = Schedule{ID: ScheduleID(1 + r.IntN(9)), Name: "generated", Location: loc}

	clock := func() Clock {
		if r.IntN(2) == 0 {
			tricky := []Clock{{0, 0}, {1, 0}, {1, 30}, {2, 0}, {2, 30}, {2, 45}, {3, 0}, {3, 15}, {3, 30}, {3, 45}, {23, 30}}
			return tricky[r.IntN(len(tricky))]
		}
		return Clock{r.IntN(24), r.IntN(60)}
	}
	for range 1 + r.IntN(3) {
		l := Layer{Handoff: clock(), HandoffDay: time.Weekday(r.IntN(7))}
		for range 1 + r.IntN(4) {
			l.Participants = append(l.Participants, UserID(1+r.IntN(5)))
		}
		switch p := r.IntN(10); {
		case p < 3:
			l.Unit, l.Every = Hours, []int{1, 2, 3, 4, 5, 6, 7, 8, 12, 24, 25}[r.IntN(11)]
		case p < 7:
			l.Unit, l.Every = Days, 1+r.IntN(3)
		default:
			l.Unit, l.Every = Weeks, 1+r.IntN(2)
		}
		switch p := r.IntN(10); {
		case p < 7:
			l.Start = minute(from.Add(-time.Duration(r.Int64N(int64(21 * 24 * time.Hour)))))
		case p < 9:
			l.Start = around(3 * time.Hour)
		default:
			l.Start = minute(from.Add(time.Duration(r.Int64N(int64(length)))))
		}
		if r.IntN(5) == 0 {
			l.End = minute(l.Start.Add(time.Minute + time.Duration(r.Int64N(int64(10*24*time.Hour)))))
		}
		if r.IntN(2) == 0 {
			for range 1 + r.IntN(3) {
				w := Window{Day: time.Weekday(r.IntN(7)), Start: clock()}
				switch p := r.IntN(10); {
				case p < 6:
					w.Length = time.Duration(15+r.IntN(24*60-15)) * time.Minute
				case p < 8:
					w.Length = time.Duration(1+r.IntN(7*24*60)) * time.Minute
				case p < 9:
					w.Length = 24 * time.Hour
				default:
					w.Length = 7 * 24 * time.Hour
				}
				l.Restrictions = append(l.Restrictions, w)
			}
		}
		c.s.Layers = append(c.s.Layers, l)
	}
	if r.IntN(5) < 3 {
		for range 1 + r.IntN(4) {
			o := Override{Kind: OverrideKind(1 + r.IntN(3)), On: UserID(1 + r.IntN(6)), Off: UserID(1 + r.IntN(6))}
			o.Start = around(48 * time.Hour)
			o.End = minute(o.Start.Add(time.Minute + time.Duration(r.Int64N(int64(30*time.Hour)))))
			c.s.Overrides = append(c.s.Overrides, o)
		}
	}
	return c
}

// disagreement is the first difference check found.
type disagreement struct {
	at   time.Time
	what string
}

func (d *disagreement) report(loc *time.Location) string {
	return fmt.Sprintf("at %s: %s\n", d.at.In(loc).Format(time.RFC3339), d.what)
}

// check compares the implementation with the oracle on c; it returns the
// number of comparisons and the first disagreement, if any.
func check(c propCase) (int64, *disagreement) {
	s, loc := c.s, c.s.Location
	if err := s.Validate(); err != nil {
		return 0, &disagreement{c.from, "generated an invalid schedule: " + err.Error()}
	}
	o := newOracle(s)
	shifts := Shifts(s, c.from, c.to)
	if d := wellFormed(shifts, c.from, c.to, s.ID); d != nil {
		return 1, d
	}
	layerShifts := make([][]Shift, len(s.Layers))
	for i, l := range s.Layers {
		layerShifts[i] = LayerShifts(l, loc, c.from, c.to)
		if d := wellFormed(layerShifts[i], c.from, c.to, 0); d != nil {
			d.what = fmt.Sprintf("LayerShifts(Layers[%d]): %s", i, d.what)
			return 1, d
		}
	}
	user := UserID(1 + (c.from.Unix()/60)%6)
	userShifts := UserShifts([]Schedule{s}, user, c.from, c.to)

	// Every minute: the shift lists against the oracle's walk.
	var cmp int64
	var d *disagreement
	var want [][]UserID
	var changes []time.Time
	si, ui := 0, 0
	li := make([]int, len(s.Layers))
	o.walk(c.from, c.to, func(t time.Time, perLayer, users []UserID) {
		switch n := len(want); {
		case n == 0:
			want = append(want, slices.Clone(users))
		case slices.Equal(want[n-1], users):
			want = append(want, want[n-1])
		default:
			want = append(want, slices.Clone(users))
			changes = append(changes, t)
		}
		if d != nil {
			return
		}
		cmp += int64(2 + len(perLayer))
		if got := covering(shifts, &si, t); !slices.Equal(got, users) {
			d = &disagreement{t, fmt.Sprintf("Shifts has %v, oracle %v", got, users)}
			return
		}
		if got, wantOn := covering(userShifts, &ui, t) != nil, slices.Contains(users, user); got != wantOn {
			d = &disagreement{t, fmt.Sprintf("UserShifts(user %d) says on call %v, oracle %v", user, got, wantOn)}
			return
		}
		for i, u := range perLayer {
			got := covering(layerShifts[i], &li[i], t)
			if (u == 0) != (got == nil) || (u != 0 && (len(got) != 1 || got[0] != u)) {
				d = &disagreement{t, fmt.Sprintf("LayerShifts(Layers[%d]) has %v, oracle %d", i, got, u)}
				return
			}
		}
	})
	if d != nil {
		return cmp, d
	}

	// OnCallAt at every change, a minute either side, and a few random minutes.
	var probes []time.Time
	for _, ch := range changes {
		probes = append(probes, ch.Add(-time.Minute), ch, ch.Add(time.Minute))
	}
	for _, sh := range shifts {
		probes = append(probes, sh.Start.Add(-time.Minute), sh.Start, sh.End.Add(-time.Minute), sh.End)
	}
	for i := range 8 {
		probes = append(probes, c.from.Add(time.Duration(i)*c.to.Sub(c.from)/8).Truncate(time.Minute))
	}
	for _, p := range probes {
		if p.Before(c.from) || !p.Before(c.to) {
			continue
		}
		i := int(p.Sub(c.from) / time.Minute)
		cmp++
		if got := OnCallAt(s, p); !slices.Equal(got, want[i]) {
			return cmp, &disagreement{p, fmt.Sprintf("OnCallAt = %v, oracle %v", got, want[i])}
		}
	}
	// The oracle's point query, so its walk is checked too.
	if mid := c.from.Add(c.to.Sub(c.from) / 2).Truncate(time.Minute); !slices.Equal(o.at(mid), want[int(mid.Sub(c.from)/time.Minute)]) {
		return cmp, &disagreement{mid, "the oracle's walk and point query disagree"}
	}

	// NextHandoff from the window's start and middle, and at and just
	// before the first changes.
	starts := []time.Time{c.from, c.from.Add(c.to.Sub(c.from) / 2).Truncate(time.Minute)}
	for _, ch := range changes[:min(3, len(changes))] {
		starts = append(starts, ch.Add(-time.Minute), ch)
	}
	for _, st := range starts {
		cmp++
		got, ok := NextHandoff(s, st)
		i := slices.IndexFunc(changes, func(ch time.Time) bool { return ch.After(st) })
		switch {
		case i >= 0 && (!ok || !got.Equal(changes[i])):
			return cmp, &disagreement{st, fmt.Sprintf("NextHandoff = %v %v, oracle %v", got, ok, changes[i])}
		case i < 0 && ok && got.Before(c.to):
			return cmp, &disagreement{st, fmt.Sprintf("NextHandoff = %v, oracle sees no change before %v", got, c.to)}
		case i < 0 && ok && slices.Equal(o.at(got), want[len(want)-1]):
			// No change from st to the window's end, so one at got must
			// change the set the window ends with.
			return cmp, &disagreement{st, fmt.Sprintf("NextHandoff = %v, but the oracle has %v there as before", got, want[len(want)-1])}
		case i < 0 && !ok:
			// Never a change: later the same users are on call.
			for _, later := range []time.Duration{24 * time.Hour, 8 * 24 * time.Hour, 45 * 24 * time.Hour, 400 * 24 * time.Hour} {
				if at := c.to.Add(later); !slices.Equal(o.at(at), want[len(want)-1]) {
					return cmp, &disagreement{st, fmt.Sprintf("NextHandoff says no change ever, oracle has %v at %v after %v", o.at(at), at, want[len(want)-1])}
				}
			}
		}
	}
	return cmp, nil
}

// covering returns the users of the shift containing t, advancing *i
// through shifts sorted by time; nil if none contains t.
func covering(shifts []Shift, i *int, t time.Time) []UserID {
	for *i < len(shifts) && !shifts[*i].End.After(t) {
		*i++
	}
	if *i < len(shifts) && !shifts[*i].Start.After(t) {
		return shifts[*i].Users
	}
	return nil
}

// wellFormed checks the promises about shift lists: sorted, disjoint,
// nonempty, clipped, users sorted and distinct, equal neighbours merged.
func wellFormed(shifts []Shift, from, to time.Time, id ScheduleID) *disagreement {
	for i, sh := range shifts {
		switch {
		case !sh.Start.Before(sh.End):
			return &disagreement{sh.Start, fmt.Sprintf("shift %d is empty: %v", i, sh)}
		case sh.Start.Before(from) || sh.End.After(to):
			return &disagreement{sh.Start, fmt.Sprintf("shift %d is outside [from, to): %v", i, sh)}
		case len(sh.Users) == 0:
			return &disagreement{sh.Start, fmt.Sprintf("shift %d has nobody: %v", i, sh)}
		case !slices.IsSorted(sh.Users) || len(slices.Compact(slices.Clone(sh.Users))) != len(sh.Users):
			return &disagreement{sh.Start, fmt.Sprintf("shift %d users not sorted and distinct: %v", i, sh.Users)}
		case sh.Schedule != id:
			return &disagreement{sh.Start, fmt.Sprintf("shift %d belongs to schedule %d, want %d", i, sh.Schedule, id)}
		case i > 0 && sh.Start.Before(shifts[i-1].End):
			return &disagreement{sh.Start, fmt.Sprintf("shift %d overlaps the one before", i)}
		case i > 0 && sh.Start.Equal(shifts[i-1].End) && slices.Equal(sh.Users, shifts[i-1].Users):
			return &disagreement{sh.Start, fmt.Sprintf("shift %d should be merged with the one before", i)}
		}
	}
	return nil
}

// shrink removes overrides, restrictions, layers and participants, and
// narrows the window, while the disagreement persists, so that the report
// is a minimal reproduction.
func shrink(c propCase, d *disagreement) (propCase, *disagreement) {
	fails := func(c propCase) *disagreement {
		if c.s.Validate() != nil || !c.from.Before(c.to) {
			return nil
		}
		_, d := check(c)
		return d
	}
	for changed := true; changed; {
		changed = false
		var tries []propCase
		for i := range c.s.Overrides {
			t := clone(c)
			t.s.Overrides = slices.Delete(t.s.Overrides, i, i+1)
			tries = append(tries, t)
		}
		for i := range c.s.Layers {
			t := clone(c)
			t.s.Layers = slices.Delete(t.s.Layers, i, i+1)
			tries = append(tries, t)
			for j := range c.s.Layers[i].Restrictions {
				t := clone(c)
				t.s.Layers[i].Restrictions = slices.Delete(t.s.Layers[i].Restrictions, j, j+1)
				tries = append(tries, t)
			}
			for j := range c.s.Layers[i].Participants {
				t := clone(c)
				t.s.Layers[i].Participants = slices.Delete(t.s.Layers[i].Participants, j, j+1)
				tries = append(tries, t)
			}
		}
		narrow := clone(c)
		narrow.from = maxTime(c.from, d.at.Add(-c.to.Sub(c.from)/4).Truncate(time.Minute))
		narrow.to = minTime(c.to, d.at.Add(c.to.Sub(c.from)/4).Truncate(time.Minute).Add(2*time.Minute))
		tries = append(tries, narrow)
		for _, t := range tries {
			if nd := fails(t); nd != nil && (len(describe(t)) < len(describe(c)) || t.to.Sub(t.from) < c.to.Sub(c.from)) {
				c, d, changed = t, nd, true
				break
			}
		}
	}
	return c, d
}

func clone(c propCase) propCase {
	c.s.Overrides = slices.Clone(c.s.Overrides)
	c.s.Layers = slices.Clone(c.s.Layers)
	for i := range c.s.Layers {
		c.s.Layers[i].Participants = slices.Clone(c.s.Layers[i].Participants)
		c.s.Layers[i].Restrictions = slices.Clone(c.s.Layers[i].Restrictions)
	}
	return c
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// describe prints c as Go code that reproduces it.
func describe(c propCase) string {
	var b strings.Builder
	tm := func(t time.Time) string {
		if t.IsZero() {
			return "time.Time{}"
		}
		return fmt.Sprintf("mustTime(%q)", t.UTC().Format(time.RFC3339))
	}
	fmt.Fprintf(&b, "loc, _ := time.LoadLocation(%q)\n", c.s.Location)
	fmt.Fprintf(&b, "s := oncall.Schedule{ID: %d, Location: loc, Layers: []oncall.Layer{\n", c.s.ID)
	for _, l := range c.s.Layers {
		fmt.Fprintf(&b, "\t{Participants: %#v, Every: %d, Unit: oncall.%s, Start: %s, End: %s, Handoff: oncall.At(%d, %d), HandoffDay: time.%s",
			l.Participants, l.Every, upper(l.Unit.String()), tm(l.Start), tm(l.End), l.Handoff.Hour, l.Handoff.Minute, l.HandoffDay)
		if len(l.Restrictions) > 0 {
			b.WriteString(",\n\t\tRestrictions: []oncall.Window{")
			for _, w := range l.Restrictions {
				fmt.Fprintf(&b, "{Day: time.%s, Start: oncall.At(%d, %d), Length: %d * time.Minute}, ", w.Day, w.Start.Hour, w.Start.Minute, w.Length/time.Minute)
			}
			b.WriteString("}")
		}
		b.WriteString("},\n")
	}
	b.WriteString("}, Overrides: []oncall.Override{\n")
	for _, o := range c.s.Overrides {
		fmt.Fprintf(&b, "\t{Kind: oncall.%s, On: %d, Off: %d, Start: %s, End: %s},\n", upper(o.Kind.String()), o.On, o.Off, tm(o.Start), tm(o.End))
	}
	fmt.Fprintf(&b, "}}\nwindow [%s, %s)\n", tm(c.from), tm(c.to))
	return b.String()
}

// upper capitalises an ASCII word, turning "days" into the constant Days.
func upper(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
