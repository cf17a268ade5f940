package statuspage

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// HistoryDays is how many UTC days an uptime history covers, today included.
const HistoryDays = 90

// Day is one UTC day of a component's uptime history.
type Day struct {
	Date time.Time // 00:00 UTC
	// Observed is the part of the day that counts: after the service
	// existed and before now. Zero: no data.
	Observed time.Duration
	// Down is the observed time under a SEV1 or SEV2 incident.
	Down time.Duration
	// Worst is the worst incident status of the day (Operational if none);
	// Maintenance when only a maintenance window touched the day.
	Worst Status
	// Incidents are the titles of the incidents that touched the day.
	Incidents []string
}

// NoData reports whether nothing of the day counts (before the service
// existed, or in the future).
func (d Day) NoData() bool { return d.Observed <= 0 }

// Uptime is the day's up time over its observed time (1 without data).
func (d Day) Uptime() float64 {
	if d.NoData() {
		return 1
	}
	return 1 - float64(d.Down)/float64(d.Observed)
}

// Title is the day in words, for a bar's hover text and screen readers.
func (d Day) Title() string {
	date := d.Date.Format("2 Jan 2006")
	if d.NoData() {
		return date + ": no data"
	}
	s := fmt.Sprintf("%s: %s uptime", date, Percent(d.Uptime()))
	if d.Down > 0 {
		s += fmt.Sprintf(", %s down", d.Down.Round(time.Minute))
	}
	switch {
	case len(d.Incidents) > 0:
		s += " — " + strings.Join(d.Incidents, "; ")
	case d.Worst == Maintenance:
		s += " — scheduled maintenance"
	default:
		s += " — no incidents"
	}
	return s
}

// Percent formats a fraction as a percentage with two decimals, never
// rounding a day with any downtime up to 100%.
func Percent(f float64) string {
	p := math.Floor(f*10000) / 100
	return fmt.Sprintf("%.2f%%", p)
}

// History is a component's uptime over HistoryDays days.
type History struct {
	Days []Day // oldest first, len HistoryDays
	// Uptime is up time over observed time across the days (1 without data).
	Uptime float64
}

// Percent is the history's uptime as text.
func (h History) Percent() string { return Percent(h.Uptime) }

// Uptime computes the history of the component of serviceID, which exists
// since since, from the incidents and maintenance windows touching the
// last HistoryDays UTC days up to now. See the package doc for the rules.
func Uptime(serviceID int, since time.Time, incidents []Incident, windows []Window, now time.Time) History {
	now = now.UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	h := History{Days: make([]Day, HistoryDays)}
	var observed, down time.Duration
	for i := range HistoryDays {
		start := today.AddDate(0, 0, i-HistoryDays+1)
		end := start.AddDate(0, 0, 1)
		d := Day{Date: start, Worst: Operational}
		from, to := later(start, since), earlier(end, now)
		if serviceID != 0 && to.After(from) {
			d.Observed = to.Sub(from)
		} else if serviceID == 0 && to.After(start) {
			d.Observed = to.Sub(start) // a component without a service is always up
		}
		var outages [][2]time.Time
		for _, in := range incidents {
			if serviceID == 0 || !in.Affects(serviceID) {
				continue
			}
			iEnd := now
			if in.ResolvedAt != nil {
				iEnd = *in.ResolvedAt
			}
			if d.NoData() || !in.CreatedAt.Before(end) || iEnd.Before(start) {
				continue
			}
			a, b := later(in.CreatedAt, from), earlier(iEnd, to)
			d.Incidents = append(d.Incidents, in.Title)
			if st := ForSeverity(in.Severity); st.Worse(d.Worst) {
				d.Worst = st
			}
			if b.After(a) && (in.Severity == "SEV1" || in.Severity == "SEV2") {
				outages = append(outages, [2]time.Time{a, b})
			}
		}
		d.Down = union(outages)
		if d.Worst == Operational {
			for _, w := range windows {
				if w.ServiceID == serviceID && w.Start.Before(end) && w.End.After(start) && !w.Start.After(now) {
					d.Worst = Maintenance
				}
			}
		}
		observed += d.Observed
		down += d.Down
		h.Days[i] = d
	}
	h.Uptime = 1
	if observed > 0 {
		h.Uptime = 1 - float64(down)/float64(observed)
	}
	return h
}

// union is the total length of the intervals, overlaps counted once.
func union(iv [][2]time.Time) time.Duration {
	slices.SortFunc(iv, func(a, b [2]time.Time) int { return a[0].Compare(b[0]) })
	var total time.Duration
	var cur [2]time.Time
	for i, x := range iv {
		switch {
		case i == 0:
			cur = x
		case !x[0].After(cur[1]):
			cur[1] = later(cur[1], x[1])
		default:
			total += cur[1].Sub(cur[0])
			cur = x
		}
	}
	if len(iv) > 0 {
		total += cur[1].Sub(cur[0])
	}
	return total
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
