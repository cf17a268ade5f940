package server

import (
	"context"
	"log/slog"
	"strings"
)

// LogHandler adds the request id of the context to every record, so a log
// line written deep inside a request can be tied to it.
func LogHandler(h slog.Handler) slog.Handler { return requestIDHandler{h} }

type requestIDHandler struct{ slog.Handler }

func (h requestIDHandler) Handle(ctx context.Context, r slog.Record) error {
	if id := RequestID(ctx); id != "" {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h requestIDHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return requestIDHandler{h.Handler.WithAttrs(as)}
}

func (h requestIDHandler) WithGroup(name string) slog.Handler {
	return requestIDHandler{h.Handler.WithGroup(name)}
}

// secretPaths are the routes whose last path segment is a bearer secret:
// action links, calendar feeds, status-page confirm and unsubscribe links.
// Logs name the route, never the secret: whoever reads the logs could
// otherwise act on alerts, read schedules or unsubscribe people.
var secretPaths = []struct{ prefix, suffix string }{
	{"/actions/", ""},
	{"/ical/", ".ics"},
	{"/status/subscription/confirm/", ""},
	{"/status/subscription/unsubscribe/", ""},
}

// logPath is the path as logs show it: the secret segment of secretPaths
// replaced by "REDACTED". Query strings (?apiKey=, Twilio's ?token=) are
// never logged.
func logPath(p string) string {
	for _, s := range secretPaths {
		if rest, ok := strings.CutPrefix(p, s.prefix); ok && rest != "" {
			if s.suffix != "" && strings.HasSuffix(rest, s.suffix) {
				return s.prefix + "REDACTED" + s.suffix
			}
			return s.prefix + "REDACTED"
		}
	}
	return p
}
