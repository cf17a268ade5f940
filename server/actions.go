package server

import (
	_ "embed"
	"encoding/json"
	"errors"
	"html/template"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/privacy"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/actiontoken"
	"github.com/tocsin/tocsin/viewer"
)

// /actions/{token} is where push buttons, email links and Slack buttons
// act on an alert without a sign-in: the signed token names the alert, the
// user and the actions allowed (package actiontoken).
//
//   - POST acts. The action comes as JSON {"action": "acknowledge"} (the
//     mobile app), a form field action=… (the confirmation page) or the
//     query ?action=…; an optional "note" goes on the timeline. JSON in,
//     JSON out; a form gets a small HTML page.
//   - GET only shows a confirmation page whose button POSTs, so mail
//     scanners that follow links act on nothing.

//go:embed actions.html
var actionsHTML string

var actionsPage = template.Must(template.New("actions").Funcs(template.FuncMap{
	"title": func(a notify.Action) string { return strings.ToUpper(string(a[:1])) + string(a[1:]) },
}).Parse(actionsHTML))

var (
	errActionsOff       = errors.New("action links are off on this server (TOCSIN_ACTION_SECRET is not set)")
	errActionNotAllowed = errors.New("this link does not allow that action")
)

// actionResult is the JSON answer to a POST.
type actionResult struct {
	Action notify.Action `json:"action"`
	Alert  struct {
		ID      int    `json:"id"`
		TinyID  int    `json:"tinyId"`
		Message string `json:"message"`
		Status  string `json:"status"`
	} `json:"alert"`
}

func (s *Server) actions() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /actions/{token}", s.confirmAction)
	mux.HandleFunc("POST /actions/{token}", s.postAction)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("Referrer-Policy", "no-referrer") // the token is in the URL
		h.Set("X-Robots-Tag", "noindex")
		if _, pattern := mux.Handler(r); pattern == "" {
			if r.Method != http.MethodGet && r.Method != http.MethodPost && strings.Count(r.URL.Path, "/") == 2 {
				w.Header().Set("Allow", "GET, POST")
				writeError(w, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", r.Method+" is not allowed here; use GET or POST")
				return
			}
			writeError(w, http.StatusNotFound, "NOT_FOUND", "no such path; action links look like /actions/{token}")
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// act checks the token and runs action a as the token's user: the one path
// every token door (push, email, Slack, calls) takes.
func (s *Server) act(r *http.Request, token string, a notify.Action, note string) (*ent.Alert, error) {
	if s.deps.ActionTokens == nil {
		return nil, errActionsOff
	}
	c, err := s.deps.ActionTokens.Verify(token, time.Now())
	if err != nil {
		return nil, err
	}
	if !c.Allows(a) {
		return nil, errActionNotAllowed
	}
	ctx, u, err := s.deps.Auth.ActAs(r.Context(), c.UserID)
	if err != nil {
		return nil, err
	}
	by := incident.UserActor(u)
	switch a {
	case notify.Acknowledge:
		return s.deps.Alerts.Acknowledge(ctx, by, c.AlertID, note)
	case notify.Close:
		return s.deps.Alerts.Close(ctx, by, c.AlertID, note)
	default: // escalate: once per link
		return s.deps.Alerts.EscalateByLink(ctx, by, c.AlertID, note, c.LinkID())
	}
}

func (s *Server) postAction(w http.ResponseWriter, r *http.Request) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	form := ct == "application/x-www-form-urlencoded"
	al, a, err := s.postedAction(r, ct == "application/json")
	switch {
	case err != nil && form:
		status, _, msg := actionError(r, err)
		s.renderAction(w, status, actionView{Heading: "Nothing was changed", Text: msg})
	case err != nil:
		status, code, msg := actionError(r, err)
		writeError(w, status, code, msg)
	case form:
		s.renderAction(w, http.StatusOK, actionView{Heading: "Done: " + pastTense[a], Alert: viewOf(al),
			Text: "Alert #" + strconv.Itoa(incident.TinyID(al.ID)) + " is now " + string(al.Status) + ".", Link: s.alertLink(al.ID)})
	default:
		var out actionResult
		out.Action = a
		out.Alert.ID, out.Alert.TinyID, out.Alert.Message, out.Alert.Status = al.ID, incident.TinyID(al.ID), al.Message, string(al.Status)
		writeJSON(w, http.StatusOK, out)
	}
}

// postedAction reads the action (and note) from a JSON body, a form or the
// query, and takes it.
func (s *Server) postedAction(r *http.Request, isJSON bool) (*ent.Alert, notify.Action, error) {
	var in struct{ Action, Note string }
	if isJSON {
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			return nil, "", &badActionError{errors.New(`the body must be JSON such as {"action":"acknowledge"}`)}
		}
	} else {
		in.Action, in.Note = r.FormValue("action"), r.FormValue("note")
	}
	a, err := notify.ParseAction(in.Action)
	if err != nil {
		return nil, "", &badActionError{err}
	}
	al, err := s.act(r, r.PathValue("token"), a, in.Note)
	return al, a, err
}

// confirmAction shows what the link would do and a button that does it.
func (s *Server) confirmAction(w http.ResponseWriter, r *http.Request) {
	if s.deps.ActionTokens == nil {
		status, _, msg := actionError(r, errActionsOff)
		s.renderAction(w, status, actionView{Heading: "This link does not work here", Text: msg})
		return
	}
	c, err := s.deps.ActionTokens.Verify(r.PathValue("token"), time.Now())
	if err != nil {
		status, _, msg := actionError(r, err)
		s.renderAction(w, status, actionView{Heading: "This link does not work", Text: msg})
		return
	}
	v := actionView{Heading: "Act on this alert?", Text: "Choose what to do; nothing happens until you press a button.", Link: s.alertLink(c.AlertID)}
	if al, err := s.deps.Client.Alert.Get(viewer.System(r.Context()), c.AlertID); err == nil {
		v.Alert = viewOf(al)
	}
	v.Actions = c.Actions
	if a, err := notify.ParseAction(r.URL.Query().Get("action")); err == nil && c.Allows(a) {
		v.Heading, v.Actions = strings.ToUpper(string(a[:1]))+string(a[1:])+" this alert?", []notify.Action{a}
	}
	s.renderAction(w, http.StatusOK, v)
}

type actionView struct {
	Heading, Text, Link string
	Alert               *alertView
	Actions             []notify.Action
}

type alertView struct {
	TinyID                    int
	Message, Priority, Status string
}

func viewOf(a *ent.Alert) *alertView {
	return &alertView{TinyID: incident.TinyID(a.ID), Message: a.Message, Priority: string(a.Priority), Status: string(a.Status)}
}

var pastTense = map[notify.Action]string{notify.Acknowledge: "acknowledged", notify.Close: "closed", notify.Escalate: "escalated"}

func (s *Server) alertLink(id int) string {
	return s.deps.Config.BaseURL + "/alerts/" + strconv.Itoa(id)
}

func (s *Server) renderAction(w http.ResponseWriter, status int, v actionView) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := actionsPage.Execute(w, v); err != nil {
		slog.Error("rendering the action page", "err", err)
	}
}

type badActionError struct{ error }

// actionError is the one place where the errors of /actions/{token}
// become a status, a code and a message.
func actionError(r *http.Request, err error) (int, string, string) {
	var bad *badActionError
	var state *incident.StateError
	var invalid *incident.InvalidError
	switch {
	case errors.As(err, &bad):
		return http.StatusBadRequest, "BAD_REQUEST", bad.Error()
	case errors.As(err, &invalid):
		return http.StatusBadRequest, "BAD_REQUEST", invalid.Field + ": " + invalid.Reason
	case errors.Is(err, errActionsOff):
		return http.StatusNotFound, "NOT_FOUND", err.Error()
	case errors.Is(err, actiontoken.ErrInvalid):
		return http.StatusForbidden, "INVALID_TOKEN", err.Error()
	case errors.Is(err, actiontoken.ErrExpired):
		return http.StatusGone, "EXPIRED_TOKEN", err.Error() + "; open the alert in Tocsin instead"
	case errors.Is(err, errActionNotAllowed):
		return http.StatusForbidden, "FORBIDDEN", err.Error()
	case errors.Is(err, auth.ErrInvalidToken):
		return http.StatusForbidden, "FORBIDDEN", "the user of this link no longer exists or is disabled"
	case errors.Is(err, privacy.Deny):
		return http.StatusForbidden, "FORBIDDEN", "your role does not allow this"
	case errors.As(err, &state):
		return http.StatusConflict, "CONFLICT", state.Reason
	case errors.Is(err, incident.ErrNotFound):
		return http.StatusNotFound, "NOT_FOUND", "the alert no longer exists"
	}
	slog.ErrorContext(r.Context(), "action link failed", "err", err)
	return http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "internal error; it was logged with request id " + RequestID(r.Context())
}
