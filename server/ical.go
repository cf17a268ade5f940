package server

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/tocsin/tocsin/schedule"
)

// ical serves /ical/{token}.ics: a calendar feed whose secret token is its
// only credential (calendar apps send no cookies), so it sits beside the
// user authentication. Revoked or unknown tokens answer 404.
func (s *Server) ical() http.Handler {
	return only(http.MethodGet, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, "/ical/"), ".ics")
		if !ok || token == "" || strings.Contains(token, "/") {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "a calendar feed URL looks like /ical/<token>.ics")
			return
		}
		var buf bytes.Buffer
		err := s.deps.Schedules.WriteFeed(r.Context(), &buf, token)
		switch {
		case errors.Is(err, schedule.ErrFeedNotFound):
			writeError(w, http.StatusNotFound, "NOT_FOUND", "no such calendar feed; it may have been revoked")
			return
		case err != nil:
			slog.ErrorContext(r.Context(), "calendar feed failed", "err", err)
			writeError(w, http.StatusInternalServerError, "INTERNAL_SERVER_ERROR", "the calendar could not be made; it was logged on the server")
			return
		}
		w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		w.Header().Set("Cache-Control", "private, max-age=300")
		_, _ = w.Write(buf.Bytes())
	}))
}
