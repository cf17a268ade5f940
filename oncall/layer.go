package oncall

import (
	"cmp"
	"slices"
	"time"
)

// segment is a span [start, end) of Unix nanoseconds held by one user.
type segment struct {
	start, end int64
	user       UserID
}

// span is a span [start, end) of Unix nanoseconds.
type span struct{ start, end int64 }

// rotation is a valid layer prepared for evaluation. Turn k begins when the
// wall clock reads x0 + k·step (civil seconds); turn k0 is in effect at
// start and belongs to Participants[0].
type rotation struct {
	layer        *Layer
	loc          *time.Location
	start, end   int64
	x0, step, k0 int64
}

// newRotation prepares l, or reports false if l is not valid.
func newRotation(l *Layer, loc *time.Location) (rotation, bool) {
	if loc == nil || l.validate("") != nil {
		return rotation{}, false
	}
	r := rotation{
		layer: l,
		loc:   loc,
		start: instant(l.Start),
		end:   endInstant(l.End),
		step:  int64(l.Every) * l.Unit.seconds(),
	}
	if l.Unit == Hours {
		r.x0 = civilOf(r.start, loc)
		// Zero unless start is in a fold longer than a turn.
		r.k0 = r.turnAt(r.start)
		return r, true
	}
	// Days and Weeks: the latest handoff at or before start.
	anchorStep := daySec
	x := floorDiv(civilOf(r.start, loc), daySec)*daySec + l.Handoff.seconds()
	if l.Unit == Weeks {
		anchorStep = weekSec
		x -= floorMod(int64(weekdayOf(x)-l.HandoffDay), 7) * daySec
	}
	for happens(x, loc) > r.start {
		x -= anchorStep
	}
	for happens(x+anchorStep, loc) <= r.start {
		x += anchorStep
	}
	r.x0 = x
	return r, true
}

// handoff is the instant turn k begins.
func (r *rotation) handoff(k int64) int64 { return happens(r.x0+k*r.step, r.loc) }

// turnAt is the turn in effect at instant t: the last one begun at or before t.
func (r *rotation) turnAt(t int64) int64 {
	k := floorDiv(civilOf(t, r.loc)-r.x0, r.step)
	for r.handoff(k+1) <= t {
		k++
	}
	for r.handoff(k) > t {
		k--
	}
	return k
}

func (r *rotation) holder(k int64) UserID {
	p := r.layer.Participants
	return p[floorMod(k-r.k0, int64(len(p)))]
}

// segments are the layer's turns within [lo, hi), restrictions applied.
func (r *rotation) segments(lo, hi int64) []segment {
	lo, hi = max(lo, r.start), min(hi, r.end)
	if lo >= hi {
		return nil
	}
	var segs []segment
	k := r.turnAt(lo)
	for s := lo; s < hi; k++ {
		e := min(r.handoff(k+1), hi)
		if e > s {
			segs = append(segs, segment{s, e, r.holder(k)})
			s = e
		}
	}
	if len(r.layer.Restrictions) == 0 {
		return segs
	}
	return restrict(segs, r.windows(lo, hi))
}

// windows is the union of the restriction windows' openings within [lo, hi),
// sorted and disjoint.
func (r *rotation) windows(lo, hi int64) []span {
	// An opening that closes by the clock's reading at lo has closed by lo,
	// and one the clock has not reached by hi (it reads at most a fold more
	// than at hi) has not opened; a day's margin covers any fold.
	civLo, last := civilOf(lo, r.loc), civilOf(hi, r.loc)+daySec
	var spans []span
	for _, w := range r.layer.Restrictions {
		length := int64(w.Length / time.Second)
		day := floorDiv(civLo-length-daySec, daySec)
		day += floorMod(int64(w.Day)-int64(weekdayOf(day*daySec)), 7)
		for a := day*daySec + w.Start.seconds(); a <= last; a += weekSec {
			s, e := max(happens(a, r.loc), lo), min(happens(a+length, r.loc), hi)
			if s < e {
				spans = append(spans, span{s, e})
			}
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	merged := spans[:0]
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp.start <= merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, sp.end)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// restrict intersects sorted, disjoint segments with sorted, disjoint spans.
func restrict(segs []segment, spans []span) []segment {
	var out []segment
	i, j := 0, 0
	for i < len(segs) && j < len(spans) {
		s, e := max(segs[i].start, spans[j].start), min(segs[i].end, spans[j].end)
		if s < e {
			out = append(out, segment{s, e, segs[i].user})
		}
		if segs[i].end <= spans[j].end {
			i++
		} else {
			j++
		}
	}
	return out
}

// LayerShifts returns the shifts of one layer alone within [from, to), in
// zone loc: its turns with restrictions applied, adjacent turns of the same
// user merged. An invalid layer has no shifts.
func LayerShifts(l Layer, loc *time.Location, from, to time.Time) []Shift {
	r, ok := newRotation(&l, loc)
	if !ok {
		return nil
	}
	var out []Shift
	for _, sg := range r.segments(instant(from), instant(to)) {
		if n := len(out); n > 0 && out[n-1].Users[0] == sg.user && out[n-1].End.Equal(toTime(sg.start, loc)) {
			out[n-1].End = toTime(sg.end, loc)
			continue
		}
		out = append(out, Shift{Start: toTime(sg.start, loc), End: toTime(sg.end, loc), Users: []UserID{sg.user}})
	}
	return out
}
