package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Announcement records that an event was told to everyone who hears of it:
// a declared incident, a status update or services affected after the
// declaration (a SERVICES_ADDED timeline event) fanned out to its
// stakeholders (every person's StakeholderMessage planned), or a PUBLIC
// update emailed
// to the status pages' subscribers (every email sent). The announcement
// sweep re-queues the events of the last day that have no row, so an
// announcement lost between a commit and its queue — a killed process, a
// flushed Redis — still goes out. No foreign key: the row outlives nothing
// and is pruned with its age.
type Announcement struct {
	ent.Schema
}

// Fields of the Announcement.
func (Announcement) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("event").Values("DECLARED", "UPDATE", "PUBLIC", "AFFECTED").Immutable().
			Comment("DECLARED: event_id is an incident; UPDATE (to stakeholders) and PUBLIC (to status-page subscribers): a status update; AFFECTED (to the subscribers of services added later): a SERVICES_ADDED timeline event."),
		field.Int("event_id").Immutable(),
		field.Time("done_at").Default(time.Now).Immutable(),
	}
}

// Indexes of the Announcement.
func (Announcement) Indexes() []ent.Index {
	return []ent.Index{index.Fields("event", "event_id").Unique(), index.Fields("done_at")}
}

// Annotations of the Announcement.
func (Announcement) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip()}
}

// Policy of the Announcement: only the announcing tasks (system) use it.
func (Announcement) Policy() ent.Policy { return systemWrites() }
