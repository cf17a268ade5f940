package server_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tocsin/tocsin/server"
)

// lockedBuffer is a log sink the server's goroutines can share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// The access log names the route of a secret link, never its secret, and
// never a query string's.
func TestAccessLogRedactsSecrets(t *testing.T) {
	h := newHarness(t)
	logs := &lockedBuffer{}
	old := slog.Default()
	slog.SetDefault(slog.New(server.LogHandler(slog.NewJSONHandler(logs, nil))))
	t.Cleanup(func() { slog.SetDefault(old) })

	cases := []struct{ path, secret, logged string }{
		{"/actions/SECRETaction1", "SECRETaction1", "/actions/REDACTED"},
		{"/ical/SECRETfeed2.ics", "SECRETfeed2", "/ical/REDACTED.ics"},
		{"/status/subscription/confirm/SECRETconfirm3", "SECRETconfirm3", "/status/subscription/confirm/REDACTED"},
		{"/status/subscription/unsubscribe/SECRETunsub4", "SECRETunsub4", "/status/subscription/unsubscribe/REDACTED"},
		{"/hooks/twilio/voice?token=SECRETcall5", "SECRETcall5", "/hooks/twilio/voice"},
		{"/v2/alerts?apiKey=SECRETkey6", "SECRETkey6", "/v2/alerts"},
	}
	for _, c := range cases {
		res, err := http.Get(h.srv.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
	}
	// The line is written as the handler returns; wait for all of them.
	deadline := time.Now().Add(10 * time.Second)
	for strings.Count(logs.String(), `"msg":"http request"`) < len(cases) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	out := logs.String()
	for _, c := range cases {
		if strings.Contains(out, c.secret) {
			t.Errorf("%s: the log shows the secret %s:\n%s", c.path, c.secret, out)
		}
		if !strings.Contains(out, `"path":"`+c.logged+`"`) {
			t.Errorf("%s: want the log to name the route as %s:\n%s", c.path, c.logged, out)
		}
	}
}
