package escalation

import (
	"slices"
	"time"
)

// Urgency decides which of a person's notification rules apply.
type Urgency string

// The urgencies.
const (
	High Urgency = "HIGH"
	Low  Urgency = "LOW"
)

// DefaultHighUpTo is the lowest priority that is still high urgency, unless
// a service says otherwise: P1 and P2 page loudly, P3–P5 gently.
const DefaultHighUpTo = "P2"

// UrgencyOf maps an alert priority ("P1".."P5") to an urgency: up to and
// including highUpTo is high ("" means DefaultHighUpTo).
func UrgencyOf(priority, highUpTo string) Urgency {
	if highUpTo == "" {
		highUpTo = DefaultHighUpTo
	}
	if priority != "" && priority <= highUpTo {
		return High
	}
	return Low
}

// Rule is one notification rule: page on a contact method, Delay after the
// step that names the person fires.
type Rule struct {
	MethodID int
	Delay    time.Duration
}

// Page is one planned notification.
type Page struct {
	UserID, MethodID int
	At               time.Time
}

// Plan lists the pages for a person a step reaches at firedAt, in time
// order. Low-urgency pages that fall in the person's quiet hours wait for
// their end; high urgency ignores quiet hours.
func Plan(userID int, rules []Rule, u Urgency, quiet QuietHours, firedAt time.Time) []Page {
	out := make([]Page, 0, len(rules))
	for _, r := range rules {
		at := firedAt.Add(r.Delay)
		if u == Low {
			at = quiet.After(at)
		}
		out = append(out, Page{UserID: userID, MethodID: r.MethodID, At: at})
	}
	slices.SortStableFunc(out, func(a, b Page) int { return a.At.Compare(b.At) })
	return out
}

// DefaultRules are what a new user gets for each urgency, given their
// contact methods by kind: push at once and SMS after 2 minutes for high
// urgency (falling back to email when there is neither), email for low.
func DefaultRules(u Urgency, push, sms, email []int) []Rule {
	var out []Rule
	if u == High {
		for _, id := range push {
			out = append(out, Rule{MethodID: id})
		}
		for _, id := range sms {
			out = append(out, Rule{MethodID: id, Delay: 2 * time.Minute})
		}
		if len(out) > 0 {
			return out
		}
	}
	for _, id := range email {
		out = append(out, Rule{MethodID: id})
	}
	return out
}

// QuietHours is a daily window, in the person's zone, when low-urgency
// pages wait. Start == End means none. A window may cross midnight
// (22:00–07:00).
type QuietHours struct {
	Start, End time.Duration // since local midnight
	Zone       *time.Location
}

// After returns t, or the end of the quiet window t falls in.
func (q QuietHours) After(t time.Time) time.Time {
	if q.Start == q.End || q.Zone == nil {
		return t
	}
	local := t.In(q.Zone)
	// Check the window that began today and the one that began yesterday
	// (a window across midnight).
	for _, day := range []int{0, -1} {
		y, m, d := local.AddDate(0, 0, day).Date()
		start := wallClock(y, m, d, q.Start, q.Zone)
		end := wallClock(y, m, d, q.End, q.Zone)
		if !end.After(start) {
			end = wallClock(y, m, d+1, q.End, q.Zone)
		}
		if !t.Before(start) && t.Before(end) {
			return end
		}
	}
	return t
}

// wallClock is the instant of a local time of day; time.Date moves a time
// that does not exist (a DST gap) forward.
func wallClock(y int, m time.Month, d int, since time.Duration, zone *time.Location) time.Time {
	return time.Date(y, m, d, int(since/time.Hour), int(since%time.Hour/time.Minute), 0, 0, zone)
}
