package server

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/tocsin/tocsin/ent/rule"
	"github.com/tocsin/tocsin/internal/clientip"
	"github.com/tocsin/tocsin/statuspage"
)

// The email subscription doors of public status pages: the form's POST,
// the confirm link, and the one-click unsubscribe (a GET shows a button,
// so mail scanners following links unsubscribe nobody; a POST, which mail
// clients send for List-Unsubscribe-Post, unsubscribes).

func (s *Server) statusSubscribe(w http.ResponseWriter, r *http.Request) {
	slug := r.PathValue("slug")
	back := statuspage.URL("", slug)
	if !s.statusLimiter.Allow(r.Context(), clientip.From(r)) {
		w.Header().Set("Retry-After", "3600")
		s.statusMessage(w, http.StatusTooManyRequests, messageView{Heading: "Too many requests",
			Text: "This address asked for too many subscriptions; try again in an hour.", Back: back})
		return
	}
	err := s.deps.StatusSubscriptions.Subscribe(r.Context(), slug, r.PostFormValue("email"))
	var invalid *rule.InvalidError
	switch {
	case err == nil:
		s.statusMessage(w, http.StatusOK, messageView{Heading: "Check your email",
			Text: "We sent a link to confirm the subscription. Nothing is sent until you open it.", Back: back})
	case errors.As(err, &invalid):
		s.statusMessage(w, http.StatusBadRequest, messageView{Heading: "Nothing was changed",
			Text: invalid.Field + ": " + invalid.Reason, Back: back})
	case errors.Is(err, statuspage.ErrNotFound):
		s.statusMessage(w, http.StatusNotFound, messageView{Heading: "Status page not found",
			Text: "There is no public status page to subscribe to here.", Back: "/status"})
	case errors.Is(err, statuspage.ErrOff):
		s.statusMessage(w, http.StatusNotFound, messageView{Heading: "Email subscriptions are off",
			Text: "This server does not send status emails; use the Atom feed instead.", Back: back})
	default:
		slog.ErrorContext(r.Context(), "status subscription failed", "err", err)
		s.statusMessage(w, http.StatusBadGateway, messageView{Heading: "The email could not be sent",
			Text: "Something went wrong sending the confirmation; it was logged. Try again later.", Back: back})
	}
}

func (s *Server) statusConfirm(w http.ResponseWriter, r *http.Request) {
	pg, err := s.deps.StatusSubscriptions.Confirm(r.Context(), r.PathValue("token"))
	if err != nil {
		s.statusTokenError(w, r, err)
		return
	}
	s.statusMessage(w, http.StatusOK, messageView{Heading: "Subscription confirmed",
		Text: "You will get an email when " + pg.Title + " posts an incident update.", Back: statuspage.URL("", pg.Slug)})
}

func (s *Server) statusUnsubscribeForm(w http.ResponseWriter, r *http.Request) {
	ok, err := s.deps.StatusSubscriptions.ValidUnsubscribe(r.Context(), r.PathValue("token"))
	if err == nil && !ok {
		err = statuspage.ErrBadToken
	}
	if err != nil {
		s.statusTokenError(w, r, err)
		return
	}
	s.statusMessage(w, http.StatusOK, messageView{Heading: "Unsubscribe",
		Text: "Stop the status emails to this address?", Action: r.URL.Path, Button: "Unsubscribe"})
}

func (s *Server) statusUnsubscribe(w http.ResponseWriter, r *http.Request) {
	pg, err := s.deps.StatusSubscriptions.Unsubscribe(r.Context(), r.PathValue("token"))
	if err != nil {
		s.statusTokenError(w, r, err)
		return
	}
	s.statusMessage(w, http.StatusOK, messageView{Heading: "Unsubscribed",
		Text: "You will get no more emails from " + pg.Title + ".", Back: statuspage.URL("", pg.Slug)})
}

func (s *Server) statusTokenError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, statuspage.ErrBadToken) || errors.Is(err, statuspage.ErrOff) {
		s.statusMessage(w, http.StatusNotFound, messageView{Heading: "This link is not valid any more",
			Text: "It was used already, or the subscription was removed.", Back: "/status"})
		return
	}
	slog.ErrorContext(r.Context(), "status subscription link failed", "err", err)
	s.statusMessage(w, http.StatusInternalServerError, messageView{Heading: "Something went wrong",
		Text: "It was logged on the server; try again in a moment."})
}
