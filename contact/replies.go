package contact

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/alert"
	"github.com/tocsin/tocsin/ent/contactmethod"
	"github.com/tocsin/tocsin/ent/delivery"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/viewer"
)

// Replies acts on SMS replies to pages ("42a", "aa"; notify.ParseReply).
type Replies struct {
	Client *ent.Client
	Alerts *incident.Alerts
	// ActAs is the viewer of a user who acts without a session, with the
	// role they have now (auth.Service.ActAs): disabled users cannot act.
	ActAs func(ctx context.Context, userID int) (context.Context, *ent.User, error)
}

// Answer acts on the reply body that came from the number from, as the
// person whose verified SMS contact method that number is, and returns
// the text to send back. "42a" acts on the alert with tiny id 42; "aa" and
// "cc" on the sender's open alerts: those not closed (not yet
// acknowledged, for "aa") that were paged to them (have a delivery to
// them).
func (r *Replies) Answer(ctx context.Context, from, body string) (string, error) {
	number, _ := NormalizeNumber(from)
	owners, err := r.Client.ContactMethod.Query().
		Where(contactmethod.KindEQ(contactmethod.KindSMS), contactmethod.Address(number),
			contactmethod.VerifiedAtNotNil(), contactmethod.Disabled(false)).
		GroupBy(contactmethod.FieldUserID).Ints(viewer.System(ctx))
	if err != nil {
		return "", err
	}
	switch len(owners) {
	case 0:
		return "Tocsin does not know this number: add and verify it on your profile to answer pages by SMS.", nil
	case 1:
	default:
		return "This number belongs to several Tocsin users, so replies cannot tell who you are. Answer in the app.", nil
	}
	reply, err := notify.ParseReply(body)
	if err != nil {
		return err.Error(), nil
	}
	ctx, u, err := r.ActAs(ctx, owners[0])
	if err != nil {
		return "Your Tocsin account cannot act on alerts.", nil
	}
	by := incident.UserActor(u)
	do := map[notify.Action]func(context.Context, incident.Actor, int, string) (*ent.Alert, error){
		notify.Acknowledge: r.Alerts.Acknowledge, notify.Close: r.Alerts.Close, notify.Escalate: r.Alerts.EscalateNow,
	}[reply.Action]
	if !reply.All {
		tiny, _ := strconv.Atoi(reply.Code)
		_, err := do(ctx, by, incident.IDOfTiny(tiny), "by SMS reply")
		return outcome(tiny, reply.Action, err)
	}
	return r.all(ctx, u.ID, reply.Action, func(id int) error { _, err := do(ctx, by, id, "by SMS reply"); return err })
}

// all applies an action to the sender's open alerts.
func (r *Replies) all(ctx context.Context, userID int, a notify.Action, do func(id int) error) (string, error) {
	statuses := []alert.Status{alert.StatusOPEN, alert.StatusACKED}
	if a == notify.Acknowledge {
		statuses = statuses[:1]
	}
	ids, err := r.Client.Alert.Query().
		Where(alert.StatusIn(statuses...), alert.HasDeliveriesWith(delivery.UserID(userID))).
		Order(ent.Asc(alert.FieldID)).IDs(ctx)
	if err != nil {
		return "", err
	}
	var done []string
	for _, id := range ids {
		if err := do(id); err == nil {
			done = append(done, "#"+strconv.Itoa(incident.TinyID(id)))
		} else if !isStateOrDenied(err) {
			return "", err
		}
	}
	if len(done) == 0 {
		return "You have no open alerts to " + verb[a] + ".", nil
	}
	return fmt.Sprintf("%s %d alert%s: %s.", capital(pastTense[a]), len(done), plural(len(done)), strings.Join(done, ", ")), nil
}

// outcome is the answer about one alert.
func outcome(tiny int, a notify.Action, err error) (string, error) {
	var state *incident.StateError
	switch {
	case err == nil:
		return fmt.Sprintf("Alert #%d %s.", tiny, pastTense[a]), nil
	case errors.As(err, &state):
		return fmt.Sprintf("Alert #%d: %s.", tiny, state.Reason), nil
	case errors.Is(err, incident.ErrNotFound):
		return fmt.Sprintf("There is no alert #%d.", tiny), nil
	case errors.Is(err, privacy.Deny):
		return fmt.Sprintf("You may not change alert #%d.", tiny), nil
	}
	return "", err
}

func isStateOrDenied(err error) bool {
	var state *incident.StateError
	return errors.As(err, &state) || errors.Is(err, privacy.Deny) || errors.Is(err, incident.ErrNotFound)
}

var (
	pastTense = map[notify.Action]string{notify.Acknowledge: "acknowledged", notify.Close: "closed", notify.Escalate: "escalated"}
	verb      = map[notify.Action]string{notify.Acknowledge: "acknowledge", notify.Close: "close", notify.Escalate: "escalate"}
)

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
