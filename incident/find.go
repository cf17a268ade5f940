package incident

import (
	"context"
	"fmt"
	"strconv"

	"entgo.io/ent/dialect/sql"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
)

// Identifier types, as Opsgenie's identifierType query parameter names them.
const (
	ByID    = "id"
	ByAlias = "alias"
	ByTiny  = "tiny"
)

// alertIDStart is the first alert id; tiny ids count from 1 there.
var alertIDStart = ent.IDRangeStart(alert.Table)

// TinyID is the short number people say aloud ("alert 42").
func TinyID(alertID int) int { return alertID - alertIDStart + 1 }

// IDOfTiny is the alert id of a tiny id (the inverse of TinyID).
func IDOfTiny(tiny int) int { return tiny + alertIDStart - 1 }

// openFirst orders alerts that are not closed before closed ones.
func openFirst(s *sql.Selector) {
	s.OrderExpr(sql.ExprP(s.C(alert.FieldStatus) + " = 'CLOSED'"))
}

// Find returns the alert of a service named by id, tiny id or alias. An
// alias names the open alert with it, or else the most recent one.
func (s *Alerts) Find(ctx context.Context, serviceID int, identifier, identifierType string) (*ent.Alert, error) {
	q := s.Client.Alert.Query().Where(alert.ServiceID(serviceID))
	if tx := ent.TxFromContext(ctx); tx != nil {
		q = tx.Alert.Query().Where(alert.ServiceID(serviceID))
	}
	switch identifierType {
	case ByID, "":
		id, err := strconv.Atoi(identifier)
		if err != nil {
			return nil, ErrNotFound
		}
		q = q.Where(alert.ID(id))
	case ByTiny:
		n, err := strconv.Atoi(identifier)
		if err != nil || n < 1 {
			return nil, ErrNotFound
		}
		q = q.Where(alert.ID(n + alertIDStart - 1))
	case ByAlias:
		q = q.Where(alert.Alias(identifier)).
			Order(openFirst, ent.Desc(alert.FieldID))
	default:
		return nil, &InvalidError{Field: "identifierType", Reason: fmt.Sprintf("%q is not one of id, alias, tiny", identifierType)}
	}
	a, err := q.First(ctx)
	if ent.IsNotFound(err) {
		return nil, ErrNotFound
	}
	return a, err
}
