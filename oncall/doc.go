// Package oncall answers "who is on call?" for a schedule, as pure time
// math: it has no database and no clock of its own. Every function takes
// the instants it needs and returns an answer, so that the same question
// always gets the same answer and every DST case can be a table test.
//
// A wrong answer pages a sleeping person or nobody, so the rules below are
// the contract, and oncall's tests check them against an independent,
// minute-by-minute oracle on thousands of generated schedules.
//
// # The model
//
// A Schedule has a time zone and ordered Layers. Layers[0] is the bottom
// layer; a later layer wins wherever it has someone on call, and the layers
// below it fill the rest (PagerDuty's semantics). The layered result is at
// most one person; Overrides then edit it.
//
// A Layer is a rotation: its Participants take turns in order, each turn
// lasting Every Hours, Days or Weeks, from Start (inclusive) until End
// (exclusive; the zero End means "no end"). Outside [Start, End) the layer
// has nobody. Participants[0] holds the turn that is in effect at Start:
//
//   - Days and Weeks: turns hand off at the wall-clock time Handoff (for
//     Weeks, on HandoffDay). The turn in effect at Start is the one that began
//     at the latest such handoff at or before Start, so the first turn is
//     usually shorter than the others. With Every > 1 the handoffs fall on
//     every Every-th day (or week) counted from that one.
//   - Hours: turns hand off every Every hours of wall-clock time counted from
//     the wall-clock time of Start; Handoff and HandoffDay are ignored.
//
// Restrictions are weekly windows of wall-clock time (for example Mon–Fri
// 09:00–17:00 is five Windows); a window may cross midnight and the end of
// the week. A restricted layer has nobody outside its windows. Restrictions
// neither shorten nor reorder turns: the rotation keeps turning through
// restricted time, which is simply uncovered, exactly as in PagerDuty. A
// layer without restrictions is unrestricted.
//
// Overrides apply on top of the layers, each for [Start, End): Replace puts
// On in place of Off wherever Off is on call; Add puts On on call beside
// whoever is; Remove takes Off off call. Overrides are applied in slice
// order (the order they were created), each to the result of the ones
// before it, so where overrides overlap the later one wins. An override
// whose Off is not on call, or whose On already is, changes nothing.
//
// # Wall-clock time and DST
//
// Handoffs and restriction windows are wall-clock times in the schedule's
// zone. A wall-clock time c happens at the first instant at which the zone's
// clock reads c or later. Hence:
//
//   - On DST days a daily turn lasts 23 or 25 hours (weekly turns 167 or 169).
//   - A time that does not exist (it falls in a spring-forward gap) happens at
//     the first valid instant after it, which is the end of the gap: in New
//     York, a 02:30 handoff on the spring-forward day happens at 03:00 EDT.
//     Turns that would begin and end inside the same gap have no time at all;
//     the rotation still counts them.
//   - A time that occurs twice (in a fall-back fold) happens at its first
//     occurrence: a 01:30 handoff in New York on the fall-back day happens at
//     01:30 EDT, and the repeated hour belongs to whoever is on call then.
//   - A restriction window opens and closes by the same rule, so it never has
//     holes: a window 01:00–03:00 on the fall-back night lasts three hours.
//
// # Answers
//
// Users in a Shift and in OnCallAt's answer are sorted and distinct; nobody
// on call is an empty answer. Shifts are [Start, End), sorted, clipped to the
// asked range, never empty, and adjacent shifts with the same users are
// merged; time covered by no shift has nobody on call. Instants are handled
// to the nanosecond between the years 1678 and 2261; wall-clock times
// (Handoff, windows) have minute resolution.
//
// Check schedules with Validate before storing them. The functions here do
// not panic on an invalid schedule, but they skip an invalid layer or
// override (it puts nobody on call), which is not an answer to rely on.
package oncall
