package incident

import "context"

// Announcer tells people outside the response about an incident: package
// stakeholder notifies subscribers by email and push. It is called after
// the change committed, with a context that outlives the request; it must
// not fail the change, so it returns nothing and logs its own errors.
type Announcer interface {
	// IncidentDeclared: a new incident, with its affected services.
	IncidentDeclared(ctx context.Context, incidentID int)
	// StatusUpdatePosted: a status update (any audience: the announcer
	// decides who may hear of it).
	StatusUpdatePosted(ctx context.Context, updateID int)
	// ServicesAffected: services became affected after the declaration
	// (added, or their alerts linked); eventID is the SERVICES_ADDED
	// timeline event naming them.
	ServicesAffected(ctx context.Context, eventID int)
}

// SilentAnnouncer tells nobody; it stands in until notifications are wired.
type SilentAnnouncer struct{}

// IncidentDeclared does nothing.
func (SilentAnnouncer) IncidentDeclared(context.Context, int) {}

// StatusUpdatePosted does nothing.
func (SilentAnnouncer) StatusUpdatePosted(context.Context, int) {}

// ServicesAffected does nothing.
func (SilentAnnouncer) ServicesAffected(context.Context, int) {}

// Announcers tells each of its announcers, in order.
type Announcers []Announcer

// IncidentDeclared tells each announcer.
func (as Announcers) IncidentDeclared(ctx context.Context, incidentID int) {
	for _, a := range as {
		a.IncidentDeclared(ctx, incidentID)
	}
}

// StatusUpdatePosted tells each announcer.
func (as Announcers) StatusUpdatePosted(ctx context.Context, updateID int) {
	for _, a := range as {
		a.StatusUpdatePosted(ctx, updateID)
	}
}

// ServicesAffected tells each announcer.
func (as Announcers) ServicesAffected(ctx context.Context, eventID int) {
	for _, a := range as {
		a.ServicesAffected(ctx, eventID)
	}
}
