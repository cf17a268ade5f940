package oncall

import (
	"errors"
	"fmt"
	"time"
)

// InvalidError is a schedule, layer or override that breaks a rule; Field
// names the offending field as a path from the value validated, such as
// "Layers[1].Restrictions[0].Length".
type InvalidError struct {
	Field, Reason string
}

func (e *InvalidError) Error() string { return e.Field + ": " + e.Reason }

// maxEvery bounds a turn to about 20 years (in hours), which keeps
// wall-clock arithmetic far from overflow.
const maxEvery = 20 * 366 * 24

// LoadZone loads the time zone with the IANA name, for Schedule.Location, or
// returns an *InvalidError for field "Location" if it is unknown. It refuses "" and "Local", whose meaning
// depends on the machine rather than the schedule.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, &InvalidError{"Location", fmt.Sprintf("%q is not an IANA time zone name", name)}
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, &InvalidError{"Location", fmt.Sprintf("unknown time zone %q", name)}
	}
	return loc, nil
}

// Validate reports every rule s breaks, joined; each is an *InvalidError.
func (s Schedule) Validate() error {
	var errs []error
	if s.Location == nil {
		errs = append(errs, &InvalidError{"Location", "no time zone"})
	} else if s.Location == time.Local {
		errs = append(errs, &InvalidError{"Location", "the machine's local zone is not a schedule's zone"})
	}
	for i, l := range s.Layers {
		errs = append(errs, l.validate(fmt.Sprintf("Layers[%d].", i)))
	}
	for i, o := range s.Overrides {
		errs = append(errs, o.validate(fmt.Sprintf("Overrides[%d].", i)))
	}
	return errors.Join(errs...)
}

// Validate reports every rule l breaks, joined; each is an *InvalidError.
func (l Layer) Validate() error { return l.validate("") }

func (l Layer) validate(path string) error {
	var errs []error
	bad := func(field, reason string, args ...any) {
		errs = append(errs, &InvalidError{path + field, fmt.Sprintf(reason, args...)})
	}
	if len(l.Participants) == 0 {
		bad("Participants", "no participants")
	}
	switch {
	case l.Unit != Hours && l.Unit != Days && l.Unit != Weeks:
		bad("Unit", "must be Hours, Days or Weeks, not %v", l.Unit)
	case l.Every <= 0:
		bad("Every", "a turn must be at least one %s, not %d", l.Unit, l.Every)
	case l.Every > maxEvery/int(l.Unit.seconds()/3600):
		bad("Every", "%d %s is longer than 20 years", l.Every, l.Unit)
	}
	if l.Start.IsZero() {
		bad("Start", "no start")
	}
	if !l.End.IsZero() && !l.End.After(l.Start) {
		bad("End", "%v is not after Start %v", l.End, l.Start)
	}
	if !l.Handoff.valid() {
		bad("Handoff", "%02d:%02d is not a time of day", l.Handoff.Hour, l.Handoff.Minute)
	}
	if l.HandoffDay < time.Sunday || l.HandoffDay > time.Saturday {
		bad("HandoffDay", "%d is not a weekday", int(l.HandoffDay))
	}
	for i, w := range l.Restrictions {
		// Layers are validated on every query: build the path only when needed.
		if w.validate("") != nil {
			errs = append(errs, w.validate(fmt.Sprintf("%sRestrictions[%d].", path, i)))
		}
	}
	return errors.Join(errs...)
}

// Validate reports every rule w breaks, joined; each is an *InvalidError.
func (w Window) Validate() error { return w.validate("") }

func (w Window) validate(path string) error {
	var errs []error
	if w.Day < time.Sunday || w.Day > time.Saturday {
		errs = append(errs, &InvalidError{path + "Day", fmt.Sprintf("%d is not a weekday", int(w.Day))})
	}
	if !w.Start.valid() {
		errs = append(errs, &InvalidError{path + "Start", fmt.Sprintf("%02d:%02d is not a time of day", w.Start.Hour, w.Start.Minute)})
	}
	switch {
	case w.Length <= 0:
		errs = append(errs, &InvalidError{path + "Length", fmt.Sprintf("the window is empty (%v)", w.Length)})
	case w.Length > 7*24*time.Hour:
		errs = append(errs, &InvalidError{path + "Length", fmt.Sprintf("%v is longer than a week", w.Length)})
	case w.Length%time.Minute != 0:
		errs = append(errs, &InvalidError{path + "Length", fmt.Sprintf("%v is not whole minutes", w.Length)})
	}
	return errors.Join(errs...)
}

// Validate reports every rule o breaks, joined; each is an *InvalidError.
func (o Override) Validate() error { return o.validate("") }

func (o Override) validate(path string) error {
	var errs []error
	bad := func(field, reason string, args ...any) {
		errs = append(errs, &InvalidError{path + field, fmt.Sprintf(reason, args...)})
	}
	switch o.Kind {
	case Replace, Add, Remove:
	default:
		bad("Kind", "must be Replace, Add or Remove, not %v", o.Kind)
	}
	if (o.Kind == Replace || o.Kind == Add) && o.On == 0 {
		bad("On", "no user to put on call")
	}
	if (o.Kind == Replace || o.Kind == Remove) && o.Off == 0 {
		bad("Off", "no user to take off call")
	}
	if o.Start.IsZero() {
		bad("Start", "no start")
	}
	if !o.End.After(o.Start) {
		bad("End", "%v is not after Start %v", o.End, o.Start)
	}
	return errors.Join(errs...)
}
