// Package schedule stores on-call schedules and answers questions about
// them: it is the one place that maps the ent rows (schedules, layers,
// overrides, cover requests, calendar feeds) to package oncall's types and
// back, and that holds the rules for changing them. The time math itself is
// package oncall's.
//
// Every function runs as the viewer in its context, so the privacy policies
// decide who may read or change what (stakeholders read; a team's responders
// manage their team's schedules; admins all). Bad input is a
// *rule.InvalidError naming the GraphQL field, returned before anything is
// written.
//
// Layers are ordered by position, bottom first; overrides apply in the order
// they were created (id order), so where they overlap the later one wins.
// Accepting a cover request creates a Replace override of the requester by
// the one who accepted, in the same transaction.
package schedule
