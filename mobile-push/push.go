// Package mobilepush pages people on their phones through Firebase Cloud
// Messaging (HTTP v1, firebase.google.com/go/v4) with the operator's own
// Firebase project. It implements notify.Channel: one Page to one device
// registration token.
//
// What it guarantees:
//   - high urgency is an Android high-priority message on the dedicated
//     channel ChannelHigh, and on iOS a critical alert (interruption level
//     "critical", critical sound) when the device opted in, else a
//     time-sensitive one; low urgency is a normal message (ChannelLow,
//     interruption level "active");
//   - every message carries the alert, the action token and the actions
//     Acknowledge / Escalate / Close (the app contract is README.md);
//   - a token FCM reports as unregistered fails with ErrUnregistered
//     (permanent), so the engine prunes that device.
package mobilepush

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	firebase "firebase.google.com/go/v4"
	"firebase.google.com/go/v4/messaging"
	"google.golang.org/api/option"

	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/notify"
)

// Config says how to reach FCM.
type Config struct {
	// Credentials is the path of the Firebase service-account JSON.
	Credentials string
	// Project is the Firebase project id; empty means the project_id of
	// the credentials.
	Project string
	// Endpoint is the FCM API root ("https://fcm.googleapis.com/v1" when
	// empty); tests point it at a local fake.
	Endpoint string
}

// Push sends pages through FCM.
type Push struct {
	client  *messaging.Client
	project string
}

// FromConfig builds the push channel from TOCSIN_FCM_*; nil (and no
// error) when TOCSIN_FCM_CREDENTIALS is empty: push is off.
func FromConfig(ctx context.Context, cfg *config.Config) (*Push, error) {
	if cfg.FCMCredentials == "" {
		return nil, nil
	}
	return New(ctx, Config{Credentials: cfg.FCMCredentials, Project: cfg.FCMProject, Endpoint: cfg.FCMEndpoint})
}

// New reads the service account and prepares the FCM client. It accepts
// only service-account credentials (as Google advises for configuration
// from outside), and always names the project and the credentials, so
// the SDK never falls back to default credentials or a metadata server.
func New(ctx context.Context, c Config) (*Push, error) {
	raw, err := os.ReadFile(c.Credentials)
	if err != nil {
		return nil, fmt.Errorf("TOCSIN_FCM_CREDENTIALS: %w", err)
	}
	var sa struct {
		Type      string `json:"type"`
		ProjectID string `json:"project_id"`
	}
	if err := json.Unmarshal(raw, &sa); err != nil || sa.Type != "service_account" {
		return nil, fmt.Errorf("TOCSIN_FCM_CREDENTIALS: %s is not a service-account JSON key (want \"type\": \"service_account\")", c.Credentials)
	}
	project := c.Project
	if project == "" {
		project = sa.ProjectID
	}
	if project == "" {
		return nil, errors.New("TOCSIN_FCM_PROJECT: the credentials name no project_id; set the project")
	}
	opts := []option.ClientOption{option.WithCredentialsJSON(raw)}
	if c.Endpoint != "" {
		opts = append(opts, option.WithEndpoint(c.Endpoint))
	}
	app, err := firebase.NewApp(ctx, &firebase.Config{ProjectID: project}, opts...)
	if err != nil {
		return nil, fmt.Errorf("firebase: %w", err)
	}
	client, err := app.Messaging(ctx)
	if err != nil {
		return nil, fmt.Errorf("firebase messaging: %w", err)
	}
	return &Push{client: client, project: project}, nil
}

// Name is "push".
func (*Push) Name() string { return "push" }

// Send delivers p to the device whose registration token is p.To.
func (s *Push) Send(ctx context.Context, p notify.Page) (notify.Receipt, error) {
	if p.To == "" {
		return notify.Receipt{}, notify.Permanent(s.Name(), "", errors.New("no device token"))
	}
	id, err := s.client.Send(ctx, Message(p))
	if err != nil {
		return notify.Receipt{}, classify(err)
	}
	name := p.ToName
	if name == "" {
		name = notify.Redact(p.To)
	}
	return notify.Receipt{ProviderID: id, Summary: "push to " + name + ": sent"}, nil
}

var _ notify.Channel = (*Push)(nil)
