package graph

import (
	"context"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/oncall"
)

// usersByID loads users in the order of ids (repeats kept: a rotation may
// name a user twice); ids the viewer may not see are left out.
func usersByID(ctx context.Context, c *ent.Client, ids []int) ([]*ent.User, error) {
	if len(ids) == 0 {
		return []*ent.User{}, nil
	}
	users, err := c.User.Query().Where(user.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[int]*ent.User, len(users))
	for _, u := range users {
		byID[u.ID] = u
	}
	out := make([]*ent.User, 0, len(ids))
	for _, id := range ids {
		if u := byID[id]; u != nil {
			out = append(out, u)
		}
	}
	return out, nil
}

func userIDs(us []oncall.UserID) []int {
	out := make([]int, len(us))
	for i, u := range us {
		out[i] = int(u)
	}
	return out
}

// ptrs turns a list of values into the list of pointers gqlgen wants.
func ptrs[T any](vs []T, err error) ([]*T, error) {
	if err != nil {
		return nil, err
	}
	out := make([]*T, len(vs))
	for i := range vs {
		out[i] = &vs[i]
	}
	return out, nil
}

func orNow(at *time.Time) time.Time {
	if at == nil {
		return time.Now()
	}
	return *at
}
