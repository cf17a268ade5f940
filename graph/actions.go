package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

// actor is the signed-in user as a timeline actor.
func (r *Resolver) actor(ctx context.Context) (incident.Actor, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.UserID == 0 {
		return incident.Actor{}, viewer.ErrUnauthenticated
	}
	u, err := r.Client.User.Get(ctx, v.UserID)
	if err != nil {
		return incident.Actor{}, err
	}
	return incident.UserActor(u), nil
}

type alertAction func(ctx context.Context, by incident.Actor, id int, note string) (*ent.Alert, error)

// one runs a lifecycle action on one alert as the viewer.
func (r *Resolver) one(ctx context.Context, id int, note string, do alertAction) (*ent.Alert, error) {
	by, err := r.actor(ctx)
	if err != nil {
		return nil, err
	}
	return do(ctx, by, id, note)
}

// bulk runs an action on many alerts in the mutation's transaction; alerts
// already in the target state are returned unchanged rather than failing
// the whole batch.
func (r *Resolver) bulk(ctx context.Context, ids []int, note string, do alertAction) ([]*ent.Alert, error) {
	by, err := r.actor(ctx)
	if err != nil {
		return nil, err
	}
	if len(ids) > 500 {
		return nil, &incident.InvalidError{Field: "ids", Reason: "at most 500 alerts at once"}
	}
	out := make([]*ent.Alert, 0, len(ids))
	for _, id := range ids {
		a, err := do(ctx, by, id, note)
		var state *incident.StateError
		if errors.As(err, &state) {
			a, err = ent.FromContext(ctx).Alert.Get(ctx, id)
		}
		if err != nil {
			return nil, fmt.Errorf("alert %d: %w", id, err)
		}
		out = append(out, a)
	}
	return out, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func derefPriority(p *alert.Priority) alert.Priority {
	if p == nil {
		return ""
	}
	return *p
}

// stringMap flattens a GraphQL Map to string values (alert details).
func stringMap(m map[string]any) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		if s, ok := v.(string); ok {
			out[k] = s
		} else {
			out[k] = fmt.Sprint(v)
		}
	}
	return out
}
