package live_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/tocsin/tocsin/ent/schedulelayer"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/viewer"
)

const onCallQuery = `subscription($id: ID!) {
  onCallChanged(scheduleId: $id) { users { id } until }
}`

// handoffWithin is how soon a subscriber on another serve must learn of
// an override.
const handoffWithin = 2 * time.Second

// An onCallChanged subscriber on serve B gets who is on call now, then,
// within a couple of seconds of an override created through GraphQL on
// serve A, the person it puts on call, and after the override is deleted
// (on A again) the person before.
func TestOnCallChangesOnOneServeReachAnotherWithinSeconds(t *testing.T) {
	bin := build(t)
	cr := newCrew(t, "Rota")
	ann := cr.responder
	bob := env.Client.User.Create().SetEmail("bob@" + cr.slug + ".test").SetName("Bob").SetRole(viewer.RoleResponder).
		AddTeams(cr.team).SaveX(sys)
	sched := env.Client.Schedule.Create().SetName(cr.name + " primary").SetTimeZone("UTC").SetTeam(cr.team).SaveX(sys)
	if _, err := schedule.New(env.Client, nil).CreateLayer(sys, sched.ID, schedule.LayerInput{Name: "Weeks",
		ParticipantIDs: []int{ann.ID}, ShiftLength: 1, ShiftUnit: schedulelayer.ShiftUnitWEEKS,
		StartAt: time.Now().Add(-24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	a, b := serve(t, bin, "serve-a"), serve(t, bin, "serve-b")
	tok := cr.responderToken
	sub := subscribeTo(t, b, "onCallChanged on B", tok, "onCallChanged", onCallQuery, map[string]any{"id": sched.ID})
	if got := onCallUsers(t, sub, 5*time.Second); fmt.Sprint(got) != fmt.Sprint([]int{ann.ID}) {
		t.Fatalf("%s, at first: want Ann (%d) on call, got %v", sub.name, ann.ID, got)
	}

	now := time.Now().UTC().Truncate(time.Second)
	var created struct {
		CreateScheduleOverride struct{ ID json.RawMessage } `json:"createScheduleOverride"`
	}
	gql(t, a, tok, `mutation($s: ID!, $in: ScheduleOverrideInput!) { createScheduleOverride(scheduleID: $s, input: $in) { id } }`,
		map[string]any{"s": sched.ID, "in": map[string]any{"kind": "REPLACE", "startsAt": now.Add(-time.Minute),
			"endsAt": now.Add(time.Hour), "userOnID": bob.ID, "userOffID": ann.ID, "note": "swap"}}, &created)
	start := time.Now()
	if got := onCallUsers(t, sub, handoffWithin); fmt.Sprint(got) != fmt.Sprint([]int{bob.ID}) {
		t.Fatalf("%s, after the override on A: want Bob (%d) on call, got %v", sub.name, bob.ID, got)
	}
	t.Logf("the override reached serve B's subscriber %v after the mutation answered", time.Since(start))

	gql(t, a, tok, `mutation($id: ID!) { deleteScheduleOverride(id: $id) }`,
		map[string]any{"id": idOf(t, created.CreateScheduleOverride.ID)}, nil)
	start = time.Now()
	if got := onCallUsers(t, sub, handoffWithin); fmt.Sprint(got) != fmt.Sprint([]int{ann.ID}) {
		t.Fatalf("%s, after the override was deleted on A: want Ann (%d) on call again, got %v", sub.name, ann.ID, got)
	}
	t.Logf("the deletion reached serve B's subscriber %v after the mutation answered", time.Since(start))
	allQuiet(300*time.Millisecond, sub)
}

// onCallUsers reads the next onCallChanged message: who is on call.
func onCallUsers(t *testing.T, s *subscriber, within time.Duration) []int {
	t.Helper()
	var oc struct {
		Users []struct {
			ID json.RawMessage `json:"id"`
		} `json:"users"`
	}
	if err := json.Unmarshal(s.message(within), &oc); err != nil {
		t.Fatal(err)
	}
	ids := []int{}
	for _, u := range oc.Users {
		ids = append(ids, idOf(t, u.ID))
	}
	return ids
}
