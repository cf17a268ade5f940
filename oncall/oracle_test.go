package oncall

import (
	"slices"
	"time"
)

// The oracle answers "who is on call?" by brute force, minute by minute, from
// the rules in the package doc. It shares no code with the implementation:
// it reads the zone's wall clock through time.Time.In, keeps wall-clock
// readings as naive time.Times in UTC, steps rotations with AddDate/Add, and
// never computes an instant from a wall-clock time. Instead it uses the
// rule's other face: a wall-clock time c "has happened" by instant t exactly
// when the clock has read c or later at some instant up to t, that is when
// c <= the highest reading so far. So a layer's turn at t is the number of
// handoff readings up to that high-water mark, and a restriction window is
// open at t when the high-water mark lies inside it.
//
// Its assumptions, which the generated cases keep: every instant and every
// wall-clock time is a whole minute, and no zone's clock goes back by more
// than three hours at once.

type oracle struct {
	s      Schedule
	layers []oracleLayer
}

type oracleLayer struct {
	l      *Layer
	first  time.Time // wall-clock reading at which turn 0 began
	atZero int       // handoffs counted at Start (turns are counted from it)
}

func newOracle(s Schedule) *oracle {
	o := &oracle{s: s}
	for i := range s.Layers {
		l := &s.Layers[i]
		ol := oracleLayer{l: l}
		top := o.highWater(l.Start)
		switch l.Unit {
		case Hours:
			ol.first = o.wall(l.Start)
		default:
			// The latest handoff reading (on HandoffDay for weekly turns)
			// that the clock had reached by Start.
			d := time.Date(top.Year(), top.Month(), top.Day(), l.Handoff.Hour, l.Handoff.Minute, 0, 0, time.UTC)
			for d.After(top) || (l.Unit == Weeks && d.Weekday() != l.HandoffDay) {
				d = d.AddDate(0, 0, -1)
			}
			ol.first = d
		}
		ol.atZero, _ = ol.count(top)
		o.layers = append(o.layers, ol)
	}
	return o
}

// wall is the wall clock's reading at t, as a naive time in UTC.
func (o *oracle) wall(t time.Time) time.Time {
	w := t.In(o.s.Location)
	y, mo, d := w.Date()
	h, mi, sec := w.Clock()
	return time.Date(y, mo, d, h, mi, sec, 0, time.UTC)
}

// highWater is the highest reading of the wall clock at any minute up to t.
func (o *oracle) highWater(t time.Time) time.Time {
	top := o.wall(t)
	for m := 1; m <= 180; m++ {
		if w := o.wall(t.Add(-time.Duration(m) * time.Minute)); w.After(top) {
			top = w
		}
	}
	return top
}

// next is the handoff reading one turn after x, stepping the wall clock naively.
func (ol *oracleLayer) next(x time.Time) time.Time {
	switch ol.l.Unit {
	case Hours:
		return x.Add(time.Duration(ol.l.Every) * time.Hour)
	case Days:
		return x.AddDate(0, 0, ol.l.Every)
	default:
		return x.AddDate(0, 0, 7*ol.l.Every)
	}
}

// count returns how many handoffs after the first the clock has reached by
// reading top, and the reading of the next one.
func (ol *oracleLayer) count(top time.Time) (int, time.Time) {
	k, x := 0, ol.next(ol.first)
	for !x.After(top) {
		k++
		x = ol.next(x)
	}
	return k, x
}

// open reports whether a restriction window is open when the high-water
// mark of the clock is top.
func (ol *oracleLayer) open(top time.Time) bool {
	if len(ol.l.Restrictions) == 0 {
		return true
	}
	for _, w := range ol.l.Restrictions {
		// Minutes since the window last opened, going back at most a week.
		since := (int(top.Weekday())-int(w.Day))*24*60 + top.Hour()*60 + top.Minute() - (w.Start.Hour*60 + w.Start.Minute)
		for since < 0 {
			since += 7 * 24 * 60
		}
		for since >= 7*24*60 {
			since -= 7 * 24 * 60
		}
		if time.Duration(since)*time.Minute < w.Length {
			return true
		}
	}
	return false
}

// layerUser is who layer i has on call at t, given the high-water mark top
// and the handoffs counted k, or 0 for nobody.
func (o *oracle) layerUser(i int, t, top time.Time, k int) UserID {
	ol := &o.layers[i]
	if t.Before(ol.l.Start) || (!ol.l.End.IsZero() && !t.Before(ol.l.End)) || !ol.open(top) {
		return 0
	}
	n := len(ol.l.Participants)
	return ol.l.Participants[((k-ol.atZero)%n+n)%n]
}

// users is who is on call at t given each layer's user at t, appended to on[:0].
func (o *oracle) users(on []UserID, t time.Time, perLayer []UserID) []UserID {
	on = on[:0]
	for i := len(perLayer) - 1; i >= 0; i-- {
		if perLayer[i] != 0 {
			on = append(on, perLayer[i])
			break
		}
	}
	for _, ov := range o.s.Overrides {
		if t.Before(ov.Start) || !t.Before(ov.End) {
			continue
		}
		switch ov.Kind {
		case Replace:
			if i := slices.Index(on, ov.Off); i >= 0 {
				on = slices.Delete(on, i, i+1)
				if !slices.Contains(on, ov.On) {
					on = append(on, ov.On)
				}
			}
		case Add:
			if !slices.Contains(on, ov.On) {
				on = append(on, ov.On)
			}
		case Remove:
			if i := slices.Index(on, ov.Off); i >= 0 {
				on = slices.Delete(on, i, i+1)
			}
		}
	}
	slices.Sort(on)
	return on
}

// at is who is on call at t, computed from scratch.
func (o *oracle) at(t time.Time) []UserID {
	top := o.highWater(t)
	perLayer := make([]UserID, len(o.layers))
	for i := range o.layers {
		k, _ := o.layers[i].count(top)
		perLayer[i] = o.layerUser(i, t, top, k)
	}
	return o.users(nil, t, perLayer)
}

// walk calls visit for every minute t in [from, to) with each layer's user
// and who is on call, counting handoffs as the clock reaches them. The
// slices passed to visit are reused.
func (o *oracle) walk(from, to time.Time, visit func(t time.Time, perLayer, users []UserID)) {
	top := o.highWater(from)
	ks := make([]int, len(o.layers))
	nexts := make([]time.Time, len(o.layers))
	for i := range o.layers {
		ks[i], nexts[i] = o.layers[i].count(top)
	}
	perLayer := make([]UserID, len(o.layers))
	var on []UserID
	for t := from; t.Before(to); t = t.Add(time.Minute) {
		if w := o.wall(t); w.After(top) {
			top = w
		}
		for i := range o.layers {
			for !nexts[i].After(top) {
				ks[i]++
				nexts[i] = o.layers[i].next(nexts[i])
			}
			perLayer[i] = o.layerUser(i, t, top, ks[i])
		}
		on = o.users(on, t, perLayer)
		visit(t, perLayer, on)
	}
}
