// Package graph is Tocsin's GraphQL API: the schema files, thin resolvers
// that call the domain packages, and gqlgen's generated glue (graph/generated).
//
// The ent-generated part of the schema (graph/ent.graphql) comes from
// ent/schema through entgql; the other .graphql files extend it by hand.
package graph

//go:generate go tool gqlgen generate

import (
	"context"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/live"
	"github.com/tocsin/tocsin/schedule"
)

// Inviter sends a user the invitation email (through the worker queue).
type Inviter interface {
	EnqueueInvitation(ctx context.Context, userID int) error
}

// Resolver holds the dependencies of every resolver. Build it once in main.
type Resolver struct {
	Client  *ent.Client
	Auth    *auth.Service
	Cookies auth.Cookies
	Inviter Inviter
	// Alerts is the alert lifecycle (package incident), shared with every door.
	Alerts       *incident.Alerts
	Incidents    *incident.Incidents
	Integrations *integration.Integrations
	// Schedules is the on-call schedule store (package schedule).
	Schedules *schedule.Schedules
	// Contacts is how people want to be paged (package contact).
	Contacts *contact.Methods
	// BaseURL is where Tocsin is reached, for the URLs it hands out.
	BaseURL string
	// Live is the live-event broker behind the subscriptions (graph/live.go).
	Live *live.Broker
}
