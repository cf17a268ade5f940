// Package escalation walks escalation policies: which step fires when, who
// it pages, and on which contact method at what time. This file and
// rules.go are pure (no database, no clock of their own), so every timing
// rule is a table test; the engine around them stores the position on the
// alert and runs the steps as Asynq tasks.
//
// The rules:
//   - Steps fire in order. Step 0 fires when the alert opens; step i+1 fires
//     Delay of step i after step i fired. After the last step the policy
//     starts again from step 0 (a new round), Repeat more times; then it is
//     exhausted and nobody more is paged for this alert.
//   - A step's targets are resolved when it fires, not when the alert opens:
//     a schedule pages whoever is on call at that moment.
//   - A step stops at acknowledge unless it says KeepPaging (then only
//     closing the alert stops it).
package escalation

import (
	"fmt"
	"time"
)

// TargetKind says what a step pages.
type TargetKind string

// The kinds of targets.
const (
	TargetUser       TargetKind = "USER"
	TargetSchedule   TargetKind = "SCHEDULE"    // whoever is on call when the step fires
	TargetTeam       TargetKind = "TEAM"        // every member
	TargetRoundRobin TargetKind = "ROUND_ROBIN" // one member of the team per alert, in turn
	TargetWebhook    TargetKind = "WEBHOOK"     // an outgoing webhook (the ID is the contact method's)
)

// Target is one thing a step pages.
type Target struct {
	Kind TargetKind `json:"kind"`
	ID   int        `json:"id"`
}

// Step is one step of a policy.
type Step struct {
	// Delay is the time from this step firing to the next one.
	Delay   time.Duration
	Targets []Target
	// KeepPaging pages on after acknowledge, until the alert is closed.
	KeepPaging bool
}

// Policy is an escalation policy.
type Policy struct {
	Steps []Step
	// Repeat is how many more rounds follow the first.
	Repeat int
}

// Position is where an alert is in its policy.
type Position struct{ Round, Step int }

// Limits of a policy.
const (
	MaxSteps    = 20
	MaxTargets  = 20
	MaxRepeat   = 9
	MinDelay    = time.Minute
	MaxDelay    = 24 * time.Hour
	maxDelayStr = "24 hours"
)

// InvalidError names the field of a policy that breaks a rule.
type InvalidError struct{ Field, Reason string }

func (e *InvalidError) Error() string { return e.Field + ": " + e.Reason }

// Validate checks a policy; fields are named as the API names them.
func (p Policy) Validate() error {
	if len(p.Steps) == 0 {
		return &InvalidError{"steps", "a policy needs at least one step"}
	}
	if len(p.Steps) > MaxSteps {
		return &InvalidError{"steps", fmt.Sprintf("at most %d steps", MaxSteps)}
	}
	if p.Repeat < 0 || p.Repeat > MaxRepeat {
		return &InvalidError{"repeat", fmt.Sprintf("must be between 0 and %d", MaxRepeat)}
	}
	for i, s := range p.Steps {
		field := fmt.Sprintf("steps[%d]", i)
		if len(s.Targets) == 0 {
			return &InvalidError{field + ".targets", "a step needs at least one target"}
		}
		if len(s.Targets) > MaxTargets {
			return &InvalidError{field + ".targets", fmt.Sprintf("at most %d targets", MaxTargets)}
		}
		for _, t := range s.Targets {
			switch t.Kind {
			case TargetUser, TargetSchedule, TargetTeam, TargetRoundRobin, TargetWebhook:
			default:
				return &InvalidError{field + ".targets", fmt.Sprintf("unknown target kind %q", t.Kind)}
			}
			if t.ID <= 0 {
				return &InvalidError{field + ".targets", "every target needs an id"}
			}
		}
		// The last step's delay matters too when the policy repeats.
		last := i == len(p.Steps)-1
		if (!last || p.Repeat > 0) && (s.Delay < MinDelay || s.Delay > MaxDelay) {
			return &InvalidError{field + ".delayMinutes", "must be between 1 minute and " + maxDelayStr}
		}
	}
	return nil
}

// Next is the position after pos, due Delay of pos's step after firedAt;
// ok is false when pos was the policy's last step of its last round.
func (p Policy) Next(pos Position, firedAt time.Time) (next Position, due time.Time, ok bool) {
	if pos.Step < 0 || pos.Step >= len(p.Steps) {
		return Position{}, time.Time{}, false
	}
	due = firedAt.Add(p.Steps[pos.Step].Delay)
	switch {
	case pos.Step+1 < len(p.Steps):
		return Position{pos.Round, pos.Step + 1}, due, true
	case pos.Round < p.Repeat:
		return Position{pos.Round + 1, 0}, due, true
	}
	return Position{}, time.Time{}, false
}

// StopsOnAck reports whether an acknowledged alert ends paging at pos.
func (p Policy) StopsOnAck(pos Position) bool {
	return pos.Step < 0 || pos.Step >= len(p.Steps) || !p.Steps[pos.Step].KeepPaging
}

// Ahead is the first position at or after pos, due at due, whose step
// pages: any step of an open alert, only KeepPaging steps of an
// acknowledged one. A step passed over keeps its time (the steps after it
// fire when they would have), it just pages nobody. ok is false when no
// step ahead pages.
func (p Policy) Ahead(pos Position, due time.Time, acked bool) (Position, time.Time, bool) {
	for pos.Step >= 0 && pos.Step < len(p.Steps) {
		if !acked || !p.StopsOnAck(pos) {
			return pos, due, true
		}
		var ok bool
		if pos, due, ok = p.Next(pos, due); !ok {
			break
		}
	}
	return Position{}, time.Time{}, false
}

// NextPaging is the step that pages after pos fired at firedAt: Next, then
// Ahead.
func (p Policy) NextPaging(pos Position, firedAt time.Time, acked bool) (Position, time.Time, bool) {
	next, due, ok := p.Next(pos, firedAt)
	if !ok {
		return Position{}, time.Time{}, false
	}
	return p.Ahead(next, due, acked)
}

// RoundRobin picks the member whose turn it is, given the team's persisted
// position, and returns the position for the next alert. Members are in a
// stable order (by user id); a position past the end wraps.
func RoundRobin(members []int, position int) (user, next int) {
	if len(members) == 0 {
		return 0, position
	}
	i := ((position % len(members)) + len(members)) % len(members)
	return members[i], i + 1
}
