package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// StakeholderMessage is what one person is owed about one event: the news
// of a declared incident, of a status update or of an incident now
// affecting a service they follow, or the digest of one period. The
// fan-out plans it (before its task is queued); the task sends each
// channel once — the email, then each device — recording each in the row
// under its lock, and marks the message sent. The announcement sweep
// re-queues messages that are due and unsent, so a lost task costs a delay,
// never the message; a task that runs twice finds what was sent.
type StakeholderMessage struct {
	ent.Schema
}

// Fields of the StakeholderMessage.
func (StakeholderMessage) Fields() []ent.Field {
	return []ent.Field{
		field.Int("user_id").Immutable(),
		field.Enum("event").Values("DECLARED", "UPDATE", "AFFECTED", "HOURLY_DIGEST", "DAILY_DIGEST").Immutable(),
		field.Int("event_id").Immutable().
			Comment("The incident (DECLARED), the status update (UPDATE), the SERVICES_ADDED timeline event (AFFECTED), or the end of the digest's period in Unix seconds."),
		field.Time("period_start").Optional().Nillable().Immutable().Comment("Digests: the period is [period_start, end)."),
		field.Time("due_at").Immutable().Comment("When it is sent: at once, or a digest's period end."),
		field.Time("email_sent_at").Optional().Nillable(),
		field.Ints("pushed_devices").Optional().Comment("The push contact methods it went to."),
		field.Time("sent_at").Optional().Nillable().Comment("Every channel done (or nothing to tell)."),
		field.Time("created_at").Default(time.Now).Immutable(),
	}
}

// Indexes of the StakeholderMessage.
func (StakeholderMessage) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("user_id", "event", "event_id").Unique(),
		// The sweep: unsent messages by due time; old ones to prune.
		index.Fields("sent_at", "due_at"),
		index.Fields("created_at"),
	}
}

// Annotations of the StakeholderMessage.
func (StakeholderMessage) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip()}
}

// Policy of the StakeholderMessage: only the notification tasks (system)
// use it.
func (StakeholderMessage) Policy() ent.Policy { return systemWrites() }
