package incident

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tocsin/tocsin/ent/alert"
)

// Limits on alert fields; they follow Opsgenie's documented limits, except
// the message, which doors truncate to their own rule before it gets here.
const (
	MaxMessage     = 1000
	MaxAlias       = 512
	MaxDescription = 15000
	MaxTags        = 20
	MaxTagLen      = 50
	MaxDetailsLen  = 8000
	MaxEntity      = 512
	MaxSource      = 512
	MaxNote        = 25000
	MaxActions     = 10
)

// MaxSnooze is the longest snooze: a week. A snooze is a short "not now";
// an alert silenced for years (a snooze to 9999 was accepted) is an alert
// nobody will ever be paged for again, which is what closing it, or a
// maintenance window, says openly.
const MaxSnooze = 7 * 24 * time.Hour

// MaxMaintenance is the longest maintenance window: 90 days. Longer than
// that, a service is not in maintenance but unwatched.
const MaxMaintenance = 90 * 24 * time.Hour

// checkUntil checks the end of a snooze.
func checkUntil(until, now time.Time) error {
	if !until.After(now) {
		return &InvalidError{Field: "until", Reason: "must be in the future"}
	}
	if until.Sub(now) > MaxSnooze {
		return &InvalidError{Field: "until", Reason: "must be at most 7 days from now: close the alert, or plan a maintenance window, to silence it for longer"}
	}
	return nil
}

// checkWindow checks a maintenance window [start, end) (that it ends
// after it starts, the data layer checks: ent/schema/maintenancewindow.go).
func checkWindow(start, end, now time.Time) error {
	switch {
	case !end.After(now):
		return &InvalidError{Field: "endsAt", Reason: "must be in the future"}
	case end.Sub(start) > MaxMaintenance:
		return &InvalidError{Field: "endsAt", Reason: "a window may last at most 90 days"}
	case start.Sub(now) > 366*24*time.Hour:
		return &InvalidError{Field: "startsAt", Reason: "must be within a year from now"}
	}
	return nil
}

// ParsePriority accepts P1..P5 (and "" as the default P3).
func ParsePriority(p string) (alert.Priority, error) {
	if p == "" {
		return alert.PriorityP3, nil
	}
	pr := alert.Priority(strings.ToUpper(p))
	if err := alert.PriorityValidator(pr); err != nil {
		return "", &InvalidError{Field: "priority", Reason: fmt.Sprintf("%q is not one of P1, P2, P3, P4, P5", p)}
	}
	return pr, nil
}

func tooLong(field string, s string, max int) error {
	if utf8.RuneCountInString(s) > max {
		return &InvalidError{Field: field, Reason: fmt.Sprintf("must be at most %d characters", max)}
	}
	return nil
}

// Validate checks a new alert against the rules and fills defaults.
func (n *NewAlert) Validate() error {
	n.Message = strings.TrimSpace(n.Message)
	if n.Message == "" {
		return &InvalidError{Field: "message", Reason: "is required"}
	}
	pr, err := ParsePriority(string(n.Priority))
	if err != nil {
		return err
	}
	n.Priority = pr
	for _, c := range []struct {
		field, value string
		max          int
	}{
		{"message", n.Message, MaxMessage}, {"alias", n.Alias, MaxAlias}, {"description", n.Description, MaxDescription},
		{"entity", n.Entity, MaxEntity}, {"source", n.Source, MaxSource}, {"note", n.Note, MaxNote},
	} {
		if err := tooLong(c.field, c.value, c.max); err != nil {
			return err
		}
	}
	if len(n.Tags) > MaxTags {
		return &InvalidError{Field: "tags", Reason: fmt.Sprintf("at most %d tags", MaxTags)}
	}
	for _, t := range n.Tags {
		if err := tooLong("tags", t, MaxTagLen); err != nil {
			return &InvalidError{Field: "tags", Reason: fmt.Sprintf("tag %q is longer than %d characters", t, MaxTagLen)}
		}
	}
	if len(n.Actions) > MaxActions {
		return &InvalidError{Field: "actions", Reason: fmt.Sprintf("at most %d actions", MaxActions)}
	}
	total := 0
	for k, v := range n.Details {
		total += utf8.RuneCountInString(k) + utf8.RuneCountInString(v)
	}
	if total > MaxDetailsLen {
		return &InvalidError{Field: "details", Reason: fmt.Sprintf("keys and values together must be at most %d characters", MaxDetailsLen)}
	}
	return nil
}

// PriorityOf converts a priority name known to be valid (from another enum).
func PriorityOf(p string) alert.Priority { return alert.Priority(p) }

// checkIDs is the rule for a list of ids one call acts on (alerts to link,
// services to add): at least one, at most MaxLinked. what names them in
// the message ("alert", "service").
func checkIDs(field, what string, ids []int) error {
	switch {
	case len(ids) == 0:
		return &InvalidError{Field: field, Reason: "name at least one " + what}
	case len(ids) > MaxLinked:
		return &InvalidError{Field: field, Reason: fmt.Sprintf("at most %d %ss at once", MaxLinked, what)}
	}
	return nil
}
