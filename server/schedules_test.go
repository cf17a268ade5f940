package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
)

// gql runs an operation as token and returns the data of field, failing on errors.
func (h *harness) gql(token, query string, vars map[string]any, field string, into any) {
	h.t.Helper()
	_, res := h.do(nil, query, vars, bearer(token))
	if len(res.Errors) > 0 {
		h.t.Fatalf("%s: %+v", field, res.Errors)
	}
	if err := json.Unmarshal(res.Data[field], into); err != nil {
		h.t.Fatalf("%s: %v in %s", field, err, res.Data[field])
	}
}

func TestSchedulesOverGraphQLAndICal(t *testing.T) {
	h := newHarness(t)
	token := h.login("responder@tocsin.local")
	var teams struct {
		Edges []struct{ Node struct{ ID, Name string } }
	}
	h.gql(token, `{teams(first:10, where:{name:"Payments"}){edges{node{id name}}}}`, nil, "teams", &teams)
	payments := teams.Edges[0].Node.ID

	_, res := h.do(nil, `mutation($t:ID!){createSchedule(input:{name:"Mars", timeZone:"Mars/Olympus", teamID:$t}){id}}`, map[string]any{"t": payments}, bearer(token))
	if res.code() != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != "timeZone" {
		t.Fatalf("unknown time zone: want BAD_USER_INPUT on timeZone, got %+v", res.Errors)
	}
	var sched struct{ ID string }
	h.gql(token, `mutation($t:ID!){createSchedule(input:{name:"Payments primary", timeZone:"Asia/Kolkata", teamID:$t}){id}}`,
		map[string]any{"t": payments}, "createSchedule", &sched)
	var me struct{ ID string }
	h.gql(token, `{viewer{id}}`, nil, "viewer", &me)

	layer := `mutation($s:ID!,$p:[ID!]!,$n:Int!,$end:Time){createScheduleLayer(scheduleID:$s, input:{name:"Days", participantIDs:$p,
		shiftLength:$n, shiftUnit:DAYS, startAt:"2026-01-01T00:00:00Z", endAt:$end, handoffTime:"09:30",
		restrictions:[{day:MONDAY,start:"22:00",end:"06:00"}]}){id}}`
	for field, vars := range map[string]map[string]any{
		"shiftLength":       {"s": sched.ID, "p": []string{me.ID}, "n": 0},
		"endAt":             {"s": sched.ID, "p": []string{me.ID}, "n": 1, "end": "2025-12-31T00:00:00Z"},
		"participantIDs[0]": {"s": sched.ID, "p": []string{h.userID(t, "stakeholder@tocsin.local")}, "n": 1},
	} {
		_, res := h.do(nil, layer, vars, bearer(token))
		if res.code() != "BAD_USER_INPUT" || res.Errors[0].Extensions["field"] != field {
			t.Errorf("want BAD_USER_INPUT naming %s, got %+v", field, res.Errors)
		}
	}
	var created struct{ ID string }
	h.gql(token, strings.Replace(layer, "restrictions:[{day:MONDAY,start:\"22:00\",end:\"06:00\"}]", "", 1),
		map[string]any{"s": sched.ID, "p": []string{me.ID}, "n": 1}, "createScheduleLayer", &created)

	var node struct {
		OnCall []struct{ Email string }
		Shifts []struct {
			Start, End string
			Users      []struct{ Email string }
		}
		Layers []struct {
			HandoffTime  string
			Participants []struct{ Email string }
		}
	}
	h.gql(token, `query($id:ID!){node(id:$id){... on Schedule{onCall{email} shifts(from:"2026-02-01T00:00:00Z", to:"2026-02-03T00:00:00Z"){start end users{email}} layers{handoffTime participants{email}}}}}`,
		map[string]any{"id": sched.ID}, "node", &node)
	if len(node.OnCall) != 1 || node.OnCall[0].Email != "responder@tocsin.local" || len(node.Shifts) != 1 ||
		node.Shifts[0].Start != "2026-02-01T05:30:00+05:30" || len(node.Layers) != 1 || node.Layers[0].HandoffTime != "09:30" {
		t.Fatalf("schedule: want the responder on call, one shift in Kolkata time and the layer, got %+v", node)
	}

	var svc struct {
		OnCall []struct {
			Schedule struct{ Name string }
			Users    []struct{ Email string }
			Until    *string
		}
	}
	h.gql(token, `query($id:ID!){node(id:$id){... on Service{onCall{schedule{name} users{email} until}}}}`,
		map[string]any{"id": serviceID(t, h, token, "Checkout")}, "node", &svc)
	if len(svc.OnCall) != 1 || svc.OnCall[0].Schedule.Name != "Payments primary" || len(svc.OnCall[0].Users) != 1 || svc.OnCall[0].Until != nil {
		t.Fatalf("service.onCall: want the responder through the owning team's schedule, forever, got %+v", svc)
	}
	var list struct {
		TotalCount int
		Edges      []struct{ Node struct{ Name string } }
	}
	h.gql(token, `{schedules(first:10, orderBy:{field:NAME}, where:{timeZone:"Asia/Kolkata"}){totalCount edges{node{name}}}}`, nil, "schedules", &list)
	if list.TotalCount != 1 || list.Edges[0].Node.Name != "Payments primary" {
		t.Fatalf("schedules filtered by zone: want Payments primary alone, got %+v", list)
	}
	var viewer struct {
		OnCallNow []struct{ Schedule struct{ Name string } }
	}
	h.gql(token, `{viewer{onCallNow{schedule{name}}}}`, nil, "viewer", &viewer)
	if len(viewer.OnCallNow) == 0 {
		t.Fatalf("viewer.onCallNow: want the responder's schedules, got none")
	}

	// A secret, revocable iCal URL.
	var feed struct {
		URL          string
		CalendarFeed struct{ ID string }
	}
	h.gql(token, `mutation($s:ID){createCalendarFeed(scheduleID:$s){url calendarFeed{id}}}`, map[string]any{"s": sched.ID}, "createCalendarFeed", &feed)
	u, err := url.Parse(feed.URL)
	if err != nil || !strings.HasPrefix(u.Path, "/ical/tcf_") || !strings.HasSuffix(u.Path, ".ics") {
		t.Fatalf("want a feed URL /ical/tcf_….ics, got %q", feed.URL)
	}
	res2, err := http.Get(h.srv.URL + u.Path)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(res2.Body)
	res2.Body.Close()
	if err != nil || res2.StatusCode != 200 || !strings.HasPrefix(res2.Header.Get("Content-Type"), "text/calendar") || len(cal.Events()) != 1 {
		t.Fatalf("feed: want 200 text/calendar with one (unending) shift, got %d %s, %v", res2.StatusCode, res2.Header.Get("Content-Type"), err)
	}
	if start, err := cal.Events()[0].GetStartAt(); err != nil || start.After(time.Now()) {
		t.Errorf("the shift on call now must have begun before now, got %v, %v", start, err)
	}
	var revoked struct{ RevokedAt *string }
	h.gql(token, `mutation($id:ID!){revokeCalendarFeed(id:$id){revokedAt}}`, map[string]any{"id": feed.CalendarFeed.ID}, "revokeCalendarFeed", &revoked)
	res2, err = http.Get(h.srv.URL + u.Path)
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	if res2.StatusCode != http.StatusNotFound || revoked.RevokedAt == nil {
		t.Fatalf("a revoked feed: want 404, got %d", res2.StatusCode)
	}
}

// userID finds a user's id by email.
func (h *harness) userID(t *testing.T, email string) string {
	t.Helper()
	admin := h.login("admin@tocsin.local")
	var users struct {
		Edges []struct{ Node struct{ ID string } }
	}
	h.gql(admin, `query($e:String!){users(first:1, where:{email:$e}){edges{node{id}}}}`, map[string]any{"e": email}, "users", &users)
	return users.Edges[0].Node.ID
}
