package oncall

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// mustTime parses an RFC 3339 instant, seconds optional
// ("2025-03-09T03:00-04:00").
func mustTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	panic("bad time " + s)
}

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("zone %s: %v", name, err)
	}
	return loc
}

// fmtShifts renders shifts in their own zone, one line each, for comparing
// with tables written in local time: "2025-03-09T03:00-04:00 2025-03-10T02:30-04:00 [1]".
func fmtShifts(ss []Shift) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		line := fmt.Sprintf("%s %s %v", s.Start.Format("2006-01-02T15:04Z07:00"), s.End.Format("2006-01-02T15:04Z07:00"), s.Users)
		if s.Schedule != 0 {
			line += fmt.Sprintf(" schedule %d", s.Schedule)
		}
		out = append(out, line)
	}
	return out
}

// invalidFields lists the Field of every *InvalidError joined in err.
func invalidFields(err error) []string {
	var fields []string
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		var ie *InvalidError
		if errors.As(err, &ie) {
			fields = append(fields, ie.Field)
		} else {
			fields = append(fields, "not an *InvalidError: "+err.Error())
		}
	}
	walk(err)
	return fields
}
