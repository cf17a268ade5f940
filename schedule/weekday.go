package schedule

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/tocsin/tocsin/oncall"
)

// Weekday is a day of the week as the API names it ("MONDAY").
type Weekday string

var weekdays = [7]Weekday{"SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"}

// WeekdayOf names d.
func WeekdayOf(d time.Weekday) Weekday { return weekdays[d%7] }

// Time returns the time.Weekday, and false if w is not a weekday.
func (w Weekday) Time() (time.Weekday, bool) {
	for i, n := range weekdays {
		if n == w {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// MarshalGQL writes the weekday as a GraphQL enum value.
func (w Weekday) MarshalGQL(out io.Writer) { _, _ = io.WriteString(out, strconv.Quote(string(w))) }

// UnmarshalGQL reads a GraphQL enum value.
func (w *Weekday) UnmarshalGQL(v any) error {
	s, _ := v.(string)
	if _, ok := Weekday(s).Time(); !ok {
		return fmt.Errorf("%v is not a weekday (SUNDAY … SATURDAY)", v)
	}
	*w = Weekday(s)
	return nil
}

// Restriction is a weekly window of wall-clock time as the API shows it:
// on Day from Start to End ("HH:MM"); an End at or before Start is on the
// next day, so 22:00–06:00 covers a night.
type Restriction struct {
	Day   Weekday `json:"day"`
	Start string  `json:"start"`
	End   string  `json:"end"`
}

// window converts r; field is the path used in errors.
func (r Restriction) window(field string) (oncall.Window, error) {
	day, ok := r.Day.Time()
	if !ok {
		return oncall.Window{}, invalid(field+".day", "%q is not a weekday", r.Day)
	}
	from, err := parseClock(field+".start", r.Start)
	if err != nil {
		return oncall.Window{}, err
	}
	to, err := parseClock(field+".end", r.End)
	if err != nil {
		return oncall.Window{}, err
	}
	return oncall.Windows(from, to, day)[0], nil
}

// restrictionOf shows w as the API does.
func restrictionOf(w oncall.Window) Restriction {
	endMin := (w.Start.Hour*60 + w.Start.Minute + int(w.Length/time.Minute)) % (24 * 60)
	return Restriction{Day: WeekdayOf(w.Day), Start: w.Start.String(), End: oncall.At(endMin/60, endMin%60).String()}
}

// parseClock reads "HH:MM".
func parseClock(field, s string) (oncall.Clock, error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return oncall.Clock{}, invalid(field, "%q is not a time of day like 09:00", s)
	}
	return oncall.At(t.Hour(), t.Minute()), nil
}
