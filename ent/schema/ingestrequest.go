package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// IngestRequest is the outcome of one accepted API request (Opsgenie's
// "request status"), written in the same transaction as the change, so it
// exists before the 202 is sent.
type IngestRequest struct {
	ent.Schema
}

// Fields of the IngestRequest.
func (IngestRequest) Fields() []ent.Field {
	return []ent.Field{
		field.String("request_id").Immutable().NotEmpty(),
		field.Int("integration_id").Immutable(),
		field.String("action").Immutable().
			Comment("Create, Acknowledge, Close, AddNote, …: Opsgenie's names."),
		field.Bool("success").Immutable(),
		field.String("status").Immutable().
			Comment(`Human-readable outcome, e.g. "Created alert", "Alert does not exist".`),
		field.Int("alert_id").Optional().Nillable().Immutable(),
		field.String("alias").Default("").Immutable(),
		field.Time("processed_at").Default(time.Now).Immutable(),
	}
}

// Indexes of the IngestRequest.
func (IngestRequest) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("request_id").Unique(),
		// Only housekeeping reads by time, and rows arrive in time order:
		// BRIN costs next to nothing per insert.
		index.Fields("processed_at").
			Annotations(entsql.IndexType("BRIN")),
	}
}

// Annotations of the IngestRequest.
func (IngestRequest) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip()}
}

// Policy of the IngestRequest: written by the ingest doors (system); admins read.
func (IngestRequest) Policy() ent.Policy { return systemWrites() }
