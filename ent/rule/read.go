package rule

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"entgo.io/ent/dialect/sql"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/apitoken"
	"github.com/tocsin/tocsin/ent/calendarfeed"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/notificationrule"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/stakeholderpreference"
	"github.com/tocsin/tocsin/ent/stakeholdersubscription"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/ent/user"
	"github.com/tocsin/tocsin/viewer"
)

// Who reads what: the one home of read access. Every entity's query policy
// applies it (FilterReads), and so does every filter that reaches an entity
// through an edge (FilterEdges, for the API's `where` inputs): a stakeholder
// learns nothing through `hasStatusUpdatesWith` that a direct read of status
// updates would not show them.

// reads says, for each entity type (as ent names it), which rows a signed-in
// user reads; the system reads everything, nobody else anything. A type
// missing here is read by nobody but the system (rule_test checks that every
// type is listed: read_test.go).
var reads = map[string]func(v *viewer.Viewer) Rows{
	// Everyone signed in reads these whole: what is happening, to which
	// service, who is on call and who to ask.
	"Alert": everyone, "Incident": everyone, "IncidentMember": everyone, "Service": everyone,
	"Team": everyone, "EscalationPolicy": everyone, "EscalationStep": everyone, "Heartbeat": everyone,
	"Integration": everyone, "MaintenanceWindow": everyone, "SeverityLevel": everyone,
	"Schedule": everyone, "ScheduleLayer": everyone, "ScheduleOverride": everyone, "CoverRequest": everyone,
	"StatusPage": everyone, "StatusComponent": everyone,

	// Stakeholders read what is meant for them.
	"StatusUpdate":  statusUpdates,
	"TimelineEvent": timelineEvents,
	"User":          users,

	// One's own; admins everyone's.
	"APIToken":                own(apitoken.FieldUserID),
	"CalendarFeed":            own(calendarfeed.FieldUserID),
	"StakeholderSubscription": own(stakeholdersubscription.FieldUserID),
	"StakeholderPreference":   own(stakeholderpreference.FieldUserID),
	"ContactMethod":           contactMethods,
	"NotificationRule":        notificationRules,

	// Who was paged how: responders and admins.
	"Delivery": responders,

	// The machinery's own records: admins (the rest of the time, the system).
	"Announcement": admins, "DeliveryAttempt": admins, "IngestRequest": admins, "Invitation": admins, "RoundRobinTurn": admins,
	"Session": admins, "StakeholderMessage": admins, "StatusSubscriber": admins, "StatusUpdateEmail": admins,
}

// Rows is what one viewer may read of one entity type: every row, none, or
// those a predicate matches; and, for types with personal columns, the table
// seen through a view that blanks what is not the viewer's to see.
type Rows struct {
	none  bool
	where func(*sql.Selector)
	// view, when set, stands in for the table: a SELECT of every column of
	// table, some of them masked, aliased as the table.
	view  func() *sql.Selector
	table string
}

// None reports whether the viewer may read no row at all.
func (r Rows) None() bool { return r.none }

// All reports whether the viewer reads every row and column.
func (r Rows) All() bool { return !r.none && r.where == nil && r.view == nil }

// apply limits a query of the type's table (its root selector) to the rows
// and columns the viewer reads.
func (r Rows) apply(s *sql.Selector) {
	if r.none {
		s.Where(sql.False())
		return
	}
	if r.view != nil {
		// Column references stay "table"."column"; they now name the view.
		// A selector of another shape (the table aliased) would read the
		// table behind the view's back: refuse it rather than leak.
		if s.Table() == nil || s.C("id") != sql.Dialect(s.Dialect()).Table(r.table).C("id") {
			s.AddError(fmt.Errorf("rule: %s can only be read through its view from a plain query of the table", r.table))
			return
		}
		s.From(r.view())
	}
	if r.where != nil {
		r.where(s)
	}
}

// Through is a predicate on a selector of the type's table that stands on
// the far side of an edge: the rows the viewer reads that also match p (nil:
// any row). With a view, it matches their ids in the view, so p reads the
// masked columns, whatever the shape of the edge's join.
func (r Rows) Through(p func(*sql.Selector)) func(*sql.Selector) {
	return func(s *sql.Selector) {
		switch {
		case r.none:
			s.Where(sql.False())
		case r.view != nil:
			sub := sql.Dialect(s.Dialect()).Select()
			r.apply(sub.From(sql.Table(r.table)))
			sub.Select(sub.C("id"))
			if p != nil {
				p(sub)
			}
			s.Where(sql.In(s.C("id"), sub))
		default:
			if r.where != nil {
				r.where(s)
			}
			if p != nil {
				p(s)
			}
		}
	}
}

// Reads is what v reads of the entity type typ.
func Reads(v *viewer.Viewer, typ string) Rows {
	switch {
	case v == nil:
		return Rows{none: true}
	case v.System:
		return Rows{}
	}
	if f, ok := reads[typ]; ok {
		return f(v)
	}
	return Rows{none: true}
}

// FilterReads is the read rule of every entity's query policy (after
// DenyIfNoViewer and AllowIfSystem): it applies Reads to the query, or
// denies it when the viewer reads none of the type.
func FilterReads() privacy.QueryRule {
	return privacy.QueryRuleFunc(func(ctx context.Context, q ent.Query) error {
		v := viewer.FromContext(ctx)
		typ := entityOf(q, "Query")
		r := Reads(v, typ)
		if r.none {
			role := viewer.Role("nobody")
			if v != nil {
				role = v.Role
			}
			return privacy.Denyf("%s may not read %s", role, typ)
		}
		if !r.All() {
			where(reflect.ValueOf(q), r.apply)
		}
		return privacy.Allow
	})
}

// entityOf is the entity type of a generated ent type named <Type><suffix>
// (*ent.IncidentQuery, *ent.IncidentWhereInput).
func entityOf(v any, suffix string) string {
	t := reflect.TypeOf(v)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return strings.TrimSuffix(t.Name(), suffix)
}

// where calls x.<method>(p) on a generated query or where input, whose
// methods take the entity's own predicate type (a func(*sql.Selector)).
func where(x reflect.Value, p func(*sql.Selector), method ...string) {
	name := "Where"
	if len(method) > 0 {
		name = method[0]
	}
	m := x.MethodByName(name)
	m.Call([]reflect.Value{reflect.ValueOf(p).Convert(m.Type().In(0).Elem())})
}

func everyone(*viewer.Viewer) Rows { return Rows{} }

func admins(v *viewer.Viewer) Rows { return Rows{none: !v.IsAdmin()} }

func responders(v *viewer.Viewer) Rows { return Rows{none: !v.Role.CanRespond()} }

// own is the rows whose column userID is the viewer's (all for admins).
func own(userID string) func(*viewer.Viewer) Rows {
	return func(v *viewer.Viewer) Rows {
		switch {
		case v.IsAdmin():
			return Rows{}
		case v.UserID == 0:
			return Rows{none: true}
		}
		return Rows{where: sql.FieldEQ(userID, v.UserID)}
	}
}

// statusUpdates hides updates meant for responders (audience INTERNAL) from
// stakeholders, as their timeline events are.
func statusUpdates(v *viewer.Viewer) Rows {
	if v.Role == viewer.RoleStakeholder {
		return Rows{where: statusupdate.AudienceNEQ(statusupdate.AudienceINTERNAL)}
	}
	return Rows{}
}

// timelineEvents hides internal events (notes, pages, who acked) from
// stakeholders.
func timelineEvents(v *viewer.Viewer) Rows {
	if ReadAudience(v) == AudienceStakeholders {
		return Rows{where: timelineevent.VisibilityNEQ(timelineevent.VisibilityINTERNAL)}
	}
	return Rows{}
}

// Stakeholders are never paged, but their phones get low-urgency pushes
// about the incidents they follow: of contact methods they see their own
// devices (PUSH) only — never a number, an address or a webhook, which exist
// to page people.
func contactMethods(v *viewer.Viewer) Rows {
	r := own(contactmethod.FieldUserID)(v)
	if r.where != nil && !v.Role.CanRespond() {
		r.where = contactmethod.And(contactmethod.UserID(v.UserID), contactmethod.KindEQ(contactmethod.KindPUSH))
	}
	return r
}

// notificationRules: a person's own; a stakeholder none (rules page people;
// one left from a former role pages nobody, since stakeholders are never on
// an escalation step).
func notificationRules(v *viewer.Viewer) Rows {
	r := own(notificationrule.FieldUserID)(v)
	if r.where != nil && !v.Role.CanRespond() {
		r.where = func(s *sql.Selector) { s.Where(sql.False()) }
	}
	return r
}

// personalUserColumns are what a stakeholder reads of nobody but themselves:
// how to reach a person and when they sleep. Names, roles and teams are
// shown on timelines and rosters; responders and admins see everything,
// since they page and manage these people.
var personalUserColumns = map[string]string{
	user.FieldEmail:           "''", // not NULL: the column is NOT NULL, and so is the API's field
	user.FieldQuietHoursStart: "NULL",
	user.FieldQuietHoursEnd:   "NULL",
	user.FieldPasswordHash:    "NULL",
}

// users shows a stakeholder everyone's row, with the personal columns of
// everyone but themselves blanked: in what they read, and in what they can
// filter and order by, which is the same view.
func users(v *viewer.Viewer) Rows {
	if v.Role != viewer.RoleStakeholder {
		return Rows{}
	}
	self := v.UserID
	return Rows{table: user.Table, view: func() *sql.Selector {
		t := sql.Table(user.Table)
		view := sql.Select()
		for _, c := range user.Columns {
			blank, personal := personalUserColumns[c]
			if !personal {
				view.AppendSelect(t.C(c))
				continue
			}
			view.AppendSelectExprAs(sql.ExprFunc(func(b *sql.Builder) {
				b.WriteString("CASE WHEN ").Ident(user.Table).WriteByte('.').Ident(user.FieldID).
					WriteString(" = ").Arg(self).WriteString(" THEN ").Ident(user.Table).WriteByte('.').Ident(c).
					WriteString(" ELSE " + blank + " END")
			}), c)
		}
		return view.From(t).As(user.Table)
	}}
}
