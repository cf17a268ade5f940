// Package inbound turns email into alerts. It is an SMTP listener that
// accepts mail for <key>@<inbound domain>, where key is the key of an
// enabled EMAIL integration, and opens an alert on that integration's
// service through incident.Alerts.Create — the same rules as every other
// door.
//
// Guarantees:
//   - a recipient that names no enabled EMAIL integration, or another
//     domain, is refused at RCPT with 550, before any body is read;
//   - the subject becomes the message, the body (plain text preferred,
//     else the text of the HTML) the description;
//   - a message's thread (the root Message-ID) is the alias, so replies
//     to an open alert's thread count as repeats instead of new alerts;
//   - messages above MaxMessageBytes and more than MaxRecipients
//     recipients are refused by the SMTP layer;
//   - a temporary failure (database, rate limit) answers 451, so the
//     sending server retries instead of dropping the alert.
package inbound

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
)

// Limits of alerts made from email.
const (
	MaxSubject = 130
	MaxBody    = incident.MaxDescription
)

// Server receives email for EMAIL integrations. Build it with New.
type Server struct {
	Alerts       *incident.Alerts
	Integrations *integration.Integrations
	// Domain is the part after @ that this server accepts (case-insensitive).
	Domain string

	MaxMessageBytes int64
	MaxRecipients   int
	ReadTimeout     time.Duration
	WriteTimeout    time.Duration
	// ShutdownTimeout bounds how long Serve waits for open sessions once ctx ends.
	ShutdownTimeout time.Duration
}

// New returns a Server for the integrations' inbound domain with the
// default limits: 1 MiB messages, 10 recipients, 60 s read/write timeouts.
func New(alerts *incident.Alerts, intgs *integration.Integrations) *Server {
	return &Server{
		Alerts: alerts, Integrations: intgs, Domain: intgs.InboundDomain,
		MaxMessageBytes: 1 << 20, MaxRecipients: 10,
		ReadTimeout: time.Minute, WriteTimeout: time.Minute, ShutdownTimeout: 10 * time.Second,
	}
}

// ListenAndServe listens on addr and serves until ctx ends.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen for inbound email on %s: %v", addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve accepts SMTP sessions on ln until ctx ends, then stops accepting
// and gives open sessions ShutdownTimeout to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	// Sessions outlive ctx by up to ShutdownTimeout, so a message being
	// stored when shutdown starts is still stored.
	sessionCtx := context.WithoutCancel(ctx)
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &session{s: s, ctx: sessionCtx, remote: c.Conn().RemoteAddr().String()}, nil
	}))
	srv.Domain = s.Domain
	srv.MaxMessageBytes = s.MaxMessageBytes
	srv.MaxRecipients = s.MaxRecipients
	srv.ReadTimeout = s.ReadTimeout
	srv.WriteTimeout = s.WriteTimeout
	srv.ErrorLog = slogLogger{}
	slog.Info("inbound email listening", "addr", ln.Addr().String(), "domain", s.Domain)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("inbound email: %w", err)
	case <-ctx.Done():
	}
	slog.Info("inbound email shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), s.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, smtp.ErrServerClosed) {
		srv.Close()
		slog.Warn("inbound email: sessions cut at shutdown", "err", err)
	}
	return <-errc
}

// splitAddress splits an address into local part (the key) and domain.
func splitAddress(addr string) (local, domain string, ok bool) {
	i := strings.LastIndex(addr, "@")
	if i <= 0 || i == len(addr)-1 {
		return "", "", false
	}
	return addr[:i], addr[i+1:], true
}

// slogLogger sends go-smtp's connection errors to the structured log.
type slogLogger struct{}

func (slogLogger) Printf(format string, v ...any) {
	slog.Warn("inbound email: " + fmt.Sprintf(format, v...))
}
func (slogLogger) Println(v ...any) {
	slog.Warn("inbound email: " + strings.TrimSpace(fmt.Sprintln(v...)))
}
