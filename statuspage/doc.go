// Package statuspage holds the rules of Tocsin's status pages, in one home:
// which components a page shows and in what order, each component's current
// status (from the open incidents that affect its service and the
// maintenance windows that cover now), the page's active incidents with the
// updates its audience may read, the 90-day uptime history, scheduled
// maintenance, the Atom feed, and email subscriptions with double opt-in
// and one-click unsubscribe.
//
// The computations (Status, ComponentStatus, Uptime) are pure functions of
// plain values; Pages loads those values from PostgreSQL in a few queries
// as the system viewer and assembles a View. A public page's View never
// holds an update whose audience is not PUBLIC: the loader asks PostgreSQL
// for PUBLIC rows only, so no template can leak what it never received.
//
// Rules, precisely (docs/status-page.md says the same for readers):
//
//   - A component is under an open incident when an incident that is not
//     RESOLVED lists the component's service. Its status is the worst of
//     those incidents: SEV1 Major outage, SEV2 Partial outage, SEV3 and SEV4
//     Degraded performance. Without one it is Under maintenance when a
//     maintenance window of its service covers now, else Operational. An
//     incident outranks maintenance: readers must see what broke.
//   - Uptime, per UTC day: the fraction of the day's observed time not
//     covered by a SEV1 or SEV2 incident affecting the component (an
//     incident counts from its creation to its resolution, or to now while
//     open, at its current severity). SEV3/SEV4 incidents and maintenance do
//     not reduce uptime; they colour the day (degraded, maintenance) and
//     are named in the day's title. Days before the component's service
//     existed have no data and count for nothing; today counts up to now.
//     The 90-day percentage is up time over observed time.
package statuspage
