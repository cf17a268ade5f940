package server

import (
	"bytes"
	"embed"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/statuspage"
)

// The status pages: /status (slug "") and /status/{slug}, server-rendered
// with no JavaScript, their Atom feeds, and the email subscription links
// (status_subscribe.go). They sit beside the user authentication: a public
// page needs none, and the internal page checks the session cookie itself.

//go:embed templates/status.html
var statusFS embed.FS

var statusTemplates = template.Must(template.New("status").Funcs(template.FuncMap{
	"headline": statuspage.Headline,
	"iso":      func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"when":     func(t time.Time) string { return t.UTC().Format("2 Jan 2006 15:04 UTC") },
	"join":     func(s []string) string { return strings.Join(s, ", ") },
	"word": func(s string) string {
		if s == "" {
			return ""
		}
		return s[:1] + strings.ToLower(s[1:])
	},
	"dayClass": func(d statuspage.Day) string {
		if d.NoData() {
			return "nodata"
		}
		return string(d.Worst)
	},
}).ParseFS(statusFS, "templates/status.html"))

// statusView is what the page template gets.
type statusView struct {
	*statuspage.View
	FeedURL, SubscribeURL string
	Subscribe             bool
	// Past are the newest resolved incidents (the feed has them all).
	Past []statuspage.IncidentView
}

// messageView is a small page: a subscription step's result.
type messageView struct {
	Heading, Text, Action, Button, Back string
}

func (s *Server) status() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /status", s.statusPage)
	mux.HandleFunc("GET /status/{slug}", s.statusPage)
	mux.HandleFunc("GET /status/feed.atom", s.statusFeed)
	mux.HandleFunc("GET /status/{slug}/feed.atom", s.statusFeed)
	mux.HandleFunc("POST /status/subscribe", s.statusSubscribe)
	mux.HandleFunc("POST /status/{slug}/subscribe", s.statusSubscribe)
	mux.HandleFunc("GET /status/subscription/confirm/{token}", s.statusConfirm)
	mux.HandleFunc("GET /status/subscription/unsubscribe/{token}", s.statusUnsubscribeForm)
	mux.HandleFunc("POST /status/subscription/unsubscribe/{token}", s.statusUnsubscribe)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern == "" {
			s.statusMessage(w, http.StatusNotFound, messageView{Heading: "Page not found",
				Text: "There is no status page at this address.", Back: "/status"})
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// statusLoad loads the page at the request's slug, or answers: 404 for an
// unknown slug, a redirect to the sign-in for an internal page without a
// session. ok is false when it has answered.
func (s *Server) statusLoad(w http.ResponseWriter, r *http.Request) (v *statuspage.View, ok bool) {
	slug := r.PathValue("slug")
	v, err := s.deps.StatusPages.Load(r.Context(), slug)
	switch {
	case errors.Is(err, statuspage.ErrNotFound):
		s.statusMessage(w, http.StatusNotFound, messageView{Heading: "Status page not found",
			Text: "There is no status page called “" + slug + "”.", Back: "/status"})
		return nil, false
	case err != nil:
		slog.ErrorContext(r.Context(), "status page failed", "slug", slug, "err", err)
		s.statusMessage(w, http.StatusInternalServerError, messageView{Heading: "The status page could not be shown",
			Text: "Something went wrong on our side; it was logged. Try again in a moment."})
		return nil, false
	}
	if !v.Public {
		if !s.signedIn(w, r) {
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.Path), http.StatusSeeOther)
			return nil, false
		}
		w.Header().Set("Cache-Control", "private, max-age=5")
	} else {
		w.Header().Set("Cache-Control", "public, max-age=10")
	}
	return v, true
}

// signedIn reports whether the request carries a valid session cookie.
func (s *Server) signedIn(w http.ResponseWriter, r *http.Request) bool {
	c, err := r.Cookie(auth.SessionCookie)
	if err != nil || c.Value == "" {
		return false
	}
	_, err = s.deps.Auth.Authenticate(auth.WithHTTP(r.Context(), w, r), c.Value)
	return err == nil
}

func (s *Server) statusPage(w http.ResponseWriter, r *http.Request) {
	v, ok := s.statusLoad(w, r)
	if !ok {
		return
	}
	page := statuspage.URL("", v.Slug)
	out := statusView{View: v, FeedURL: page + "/feed.atom", SubscribeURL: page + "/subscribe",
		Subscribe: v.Public && s.deps.StatusSubscriptions.On(), Past: v.Recent[:min(len(v.Recent), 10)]}
	s.render(w, http.StatusOK, "page", out)
}

func (s *Server) statusFeed(w http.ResponseWriter, r *http.Request) {
	v, ok := s.statusLoad(w, r)
	if !ok {
		return
	}
	var buf bytes.Buffer
	if err := statuspage.WriteFeed(&buf, v, statuspage.URL(s.deps.Config.BaseURL, v.Slug)); err != nil {
		slog.ErrorContext(r.Context(), "status feed failed", "err", err)
		writeError(w, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "the feed could not be made; it was logged on the server")
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}

func (s *Server) statusMessage(w http.ResponseWriter, status int, m messageView) {
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, status, "message", m)
}

// render executes a template into a buffer first, so a failure is a clean 500.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := statusTemplates.ExecuteTemplate(&buf, name, data); err != nil {
		slog.Error("status template failed", "template", name, "err", err)
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
