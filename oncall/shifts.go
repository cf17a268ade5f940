package oncall

import (
	"cmp"
	"slices"
	"time"
)

// OnCallAt returns who is on call in s at instant t, sorted; empty if nobody.
func OnCallAt(s Schedule, t time.Time) []UserID {
	at := instant(t)
	var users []UserID
	s.sweep(at, at+1, func(_, _ int64, u []UserID) { users = slices.Clone(u) })
	return users
}

// Shifts returns who is on call in s during [from, to): the layers merged and
// the overrides applied, clipped to [from, to), adjacent shifts with the same
// users merged. Time covered by no shift has nobody on call.
func Shifts(s Schedule, from, to time.Time) []Shift {
	var out []Shift
	s.sweep(instant(from), instant(to), func(start, end int64, u []UserID) {
		out = append(out, Shift{
			Start:    toTime(start, s.Location),
			End:      toTime(end, s.Location),
			Users:    slices.Clone(u),
			Schedule: s.ID,
		})
	})
	return out
}

// UserShifts returns when user is on call in any of schedules during
// [from, to): for each schedule the longest spans during which user is on
// call there (whoever is beside them), each with Users = [user] and the
// schedule's ID, sorted by Start and then by the schedules' order.
func UserShifts(schedules []Schedule, user UserID, from, to time.Time) []Shift {
	type tagged struct {
		Shift
		order int
	}
	var all []tagged
	for i, s := range schedules {
		first := len(all)
		s.sweep(instant(from), instant(to), func(start, end int64, u []UserID) {
			if _, on := slices.BinarySearch(u, user); !on {
				return
			}
			st, en := toTime(start, s.Location), toTime(end, s.Location)
			if n := len(all); n > first && all[n-1].End.Equal(st) {
				all[n-1].End = en
				return
			}
			all = append(all, tagged{Shift{Start: st, End: en, Users: []UserID{user}, Schedule: s.ID}, i})
		})
	}
	slices.SortStableFunc(all, func(a, b tagged) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return a.order - b.order
	})
	out := make([]Shift, len(all))
	for i, t := range all {
		out[i] = t.Shift
	}
	return out
}

// sweep calls emit, in order, for each maximal span within [lo, hi) during
// which the same nonempty, sorted set of users is on call in s. The users
// slice is reused between calls.
func (s *Schedule) sweep(lo, hi int64, emit func(start, end int64, users []UserID)) {
	if s.Location == nil || lo >= hi {
		return
	}
	// Each layer's segments, top layer first.
	var layers [][]segment
	cuts := make([]int64, 2, 64)
	cuts[0], cuts[1] = lo, hi
	for i := len(s.Layers) - 1; i >= 0; i-- {
		r, ok := newRotation(&s.Layers[i], s.Location)
		if !ok {
			continue
		}
		segs := r.segments(lo, hi)
		for _, sg := range segs {
			cuts = append(cuts, sg.start, sg.end)
		}
		layers = append(layers, segs)
	}
	// The overrides within [lo, hi), in slice order, and their order by start.
	var overrides []span
	var edits []*Override
	for i := range s.Overrides {
		o := &s.Overrides[i]
		if o.validate("") != nil {
			continue
		}
		st, en := max(instant(o.Start), lo), min(instant(o.End), hi)
		if st >= en {
			continue
		}
		overrides = append(overrides, span{st, en})
		edits = append(edits, o)
		cuts = append(cuts, st, en)
	}
	byStart := make([]int, len(overrides))
	for i := range byStart {
		byStart[i] = i
	}
	slices.SortFunc(byStart, func(a, b int) int { return cmp.Compare(overrides[a].start, overrides[b].start) })
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	next := make([]int, len(layers))
	started := 0
	var active []int // overrides in effect, in slice order
	var users, prev []UserID
	var prevStart, prevEnd int64
	for c := 0; c+1 < len(cuts); c++ {
		at, end := cuts[c], cuts[c+1]
		users = users[:0]
		// The top layer with someone at `at` wins.
		for i, segs := range layers {
			for next[i] < len(segs) && segs[next[i]].end <= at {
				next[i]++
			}
			if next[i] < len(segs) && segs[next[i]].start <= at {
				users = append(users, segs[next[i]].user)
				break
			}
		}
		for ; started < len(byStart) && overrides[byStart[started]].start <= at; started++ {
			i := byStart[started]
			j, _ := slices.BinarySearch(active, i)
			active = slices.Insert(active, j, i)
		}
		active = slices.DeleteFunc(active, func(i int) bool { return overrides[i].end <= at })
		for _, i := range active {
			users = edits[i].apply(users)
		}
		slices.Sort(users)
		if len(prev) > 0 && prevEnd == at && slices.Equal(prev, users) {
			prevEnd = end
			continue
		}
		if len(prev) > 0 {
			emit(prevStart, prevEnd, prev)
		}
		prev = append(prev[:0], users...)
		prevStart, prevEnd = at, end
	}
	if len(prev) > 0 {
		emit(prevStart, prevEnd, prev)
	}
}

// apply edits the set of users on call by o.
func (o *Override) apply(users []UserID) []UserID {
	switch o.Kind {
	case Replace:
		if i := slices.Index(users, o.Off); i >= 0 {
			users = slices.Delete(users, i, i+1)
			if !slices.Contains(users, o.On) {
				users = append(users, o.On)
			}
		}
	case Add:
		if !slices.Contains(users, o.On) {
			users = append(users, o.On)
		}
	case Remove:
		if i := slices.Index(users, o.Off); i >= 0 {
			users = slices.Delete(users, i, i+1)
		}
	}
	return users
}
