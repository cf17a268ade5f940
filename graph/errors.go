package graph

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/lib/pq"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/viewer"
)

// The machine-readable codes in extensions.code.
const (
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeForbidden       = "FORBIDDEN"
	CodeBadUserInput    = "BAD_USER_INPUT"
	CodeNotFound        = "NOT_FOUND"
	CodeRateLimited     = "RATE_LIMITED"
	CodeInternal        = "INTERNAL_SERVER_ERROR"
)

// constraints names the input field behind each database constraint, so a
// violated constraint reads as a message about the user's input.
var constraints = map[string][2]string{
	"user_email":                            {"email", "is already used by another user"},
	"team_name":                             {"name", "is already used by another team"},
	"service_name":                          {"name", "is already used by another service"},
	"services_teams_services":               {"teamID", "does not name an existing team"},
	"team_members_user_id":                  {"memberIDs", "names a user that does not exist"},
	"team_members_team_id":                  {"teamIDs", "names a team that does not exist"},
	"alert_service_id_alias":                {"alias", "an open alert with this alias already exists for the service"},
	"incident_services_service_id":          {"serviceIDs", "names a service that does not exist"},
	"alerts_incidents_alerts":               {"incidentID", "does not name an existing incident"},
	"api_tokens_users_api_tokens":           {"userID", "does not name an existing user"},
	"timeline_events_alerts_timeline":       {"alertID", "does not name an existing alert"},
	"services_escalation_policies_services": {"escalationPolicyID", "does not name an existing escalation policy"},
	"escalationpolicy_name":                 {"name", "is already used by another escalation policy"},
	"notificationrule_contact_method_id_urgency_delay_minutes": {"delayMinutes", "you already have a rule for this contact method, urgency and delay"},
}

// stillUsed explains a refused delete: the object is still referenced.
var stillUsed = map[string]string{
	"services_teams_services":               "the team still owns services; move or delete them first",
	"alerts_services_alerts":                "the service has alerts and is kept for their history",
	"api_tokens_users_api_tokens":           "the user still has API tokens; disable the user instead",
	"sessions_users_sessions":               "the user has sessions; disable the user instead",
	"invitations_users_invitations":         "the user has invitations; disable the user instead",
	"deliveries_contact_methods_deliveries": "pages went to this contact method and stay in the alerts' history; disable it instead",
}

// PostgreSQL's codes for text it cannot store: a NUL byte, and a \u0000
// escape in JSON.
const (
	pqBadUTF8        = "22021"
	pqUntranslatable = "22P05"
)

// ErrPanic stands for a recovered panic (logged where it was recovered).
var ErrPanic = errors.New("internal error")

// PresentError is the one place where errors become GraphQL errors with
// extensions.code. Unknown errors are logged and hidden.
func PresentError(ctx context.Context, err error) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	if gqlErr.Extensions != nil && gqlErr.Extensions["code"] != nil {
		return gqlErr // already classified (parse, validation, complexity)
	}
	code, msg, field := classify(err)
	if code == CodeInternal {
		slog.ErrorContext(ctx, "graphql resolver failed", "path", gqlErr.Path.String(), "err", err)
	}
	gqlErr.Message = msg
	gqlErr.Extensions = map[string]any{"code": code}
	if field != "" {
		gqlErr.Extensions["field"] = field
	}
	return gqlErr
}

func classify(err error) (code, msg, field string) {
	var invalid *rule.InvalidError
	var state *incident.StateError
	var validation *ent.ValidationError
	var gqlErr *gqlerror.Error
	var pqErr *pq.Error
	switch {
	case errors.Is(err, ErrPanic):
		return CodeInternal, "internal error; it was logged on the server", ""
	case errors.Is(err, viewer.ErrUnauthenticated):
		return CodeUnauthenticated, "sign in first: this needs a session cookie or an Authorization: Bearer token", ""
	case errors.Is(err, auth.ErrInvalidCredentials), errors.Is(err, auth.ErrInvalidToken):
		return CodeUnauthenticated, rootMessage(err), ""
	case errors.Is(err, auth.ErrRateLimited):
		return CodeRateLimited, auth.ErrRateLimited.Error(), ""
	case errors.Is(err, privacy.Deny):
		return CodeForbidden, "your role does not allow this", ""
	case errors.As(err, &invalid):
		return CodeBadUserInput, invalid.Field + ": " + invalid.Reason, invalid.Field
	case errors.As(err, &state):
		return CodeBadUserInput, state.Reason, ""
	case errors.Is(err, incident.ErrNotFound):
		return CodeNotFound, "no such alert, or you may not see it", ""
	case errors.As(err, &validation):
		return CodeBadUserInput, validationMessage(validation), lowerCamel(validation.Name)
	case ent.IsNotFound(err):
		return CodeNotFound, "no such object, or you may not see it", ""
	case errors.As(err, &pqErr) && pqErr.Code == "23503" && strings.Contains(pqErr.Detail, "is still referenced") && stillUsed[pqErr.Constraint] != "":
		return CodeBadUserInput, "id: " + stillUsed[pqErr.Constraint], "id"
	case errors.As(err, &pqErr) && constraints[pqErr.Constraint][0] != "":
		c := constraints[pqErr.Constraint]
		return CodeBadUserInput, c[0] + " " + c[1], c[0]
	case ent.IsConstraintError(err):
		return CodeBadUserInput, "the change conflicts with existing data", ""
	case errors.As(err, &pqErr) && (pqErr.Code == pqBadUTF8 || pqErr.Code == pqUntranslatable):
		// RefuseNUL stops NULs in the input; this is text from elsewhere.
		return CodeBadUserInput, `text must not contain the NUL character (\u0000)`, ""
	case errors.As(err, &pqErr), strings.Contains(err.Error(), "pq: "):
		// The database's own words name tables and values: logged, never shown.
		return CodeInternal, "internal error; it was logged on the server", ""
	case errors.As(err, &gqlErr):
		// gqlgen echoes a body it could not decode; keep the reason, not the body.
		msg, _, _ := strings.Cut(gqlErr.Message, " body:")
		return CodeBadUserInput, msg, ""
	}
	return CodeInternal, "internal error; it was logged on the server", ""
}

// validationMessage turns `ent: validator failed for field "User.email": "x" is not an email address`
// into `email: "x" is not an email address`.
func validationMessage(v *ent.ValidationError) string {
	inner := v.Unwrap()
	if inner == nil {
		return lowerCamel(v.Name) + " is invalid"
	}
	msg := inner.Error()
	if i := strings.LastIndex(msg, "\": "); i >= 0 && strings.Contains(msg, "validator failed") {
		msg = msg[i+3:]
	}
	return lowerCamel(v.Name) + ": " + msg
}

// rootMessage returns the message of the innermost error.
func rootMessage(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}

// lowerCamel turns ent's field names (time_zone) into GraphQL's (timeZone).
func lowerCamel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] == "id" {
			parts[i] = "ID"
		} else if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}
