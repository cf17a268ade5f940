// Package smtptest runs a real SMTP server (go-smtp) on 127.0.0.1 for tests
// and hands over every message it receives.
package smtptest

import (
	"io"
	"net"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// Message is one received email, as sent on the wire.
type Message struct {
	From string
	To   []string
	Data string
}

// Server is a running SMTP server.
type Server struct {
	// URL is an smtp:// URL for TOCSIN_SMTP_URL.
	URL      string
	Messages chan Message

	rejectRcpt *smtp.SMTPError
}

// Start listens on a free 127.0.0.1 port until the test ends.
func Start(t testing.TB) *Server { t.Helper(); return start(t, nil) }

// StartRejecting is a server that refuses every recipient with err (e.g.
// 550 5.1.1 for an unknown mailbox, 450 for a full one).
func StartRejecting(t testing.TB, err *smtp.SMTPError) *Server { t.Helper(); return start(t, err) }

func start(t testing.TB, rejectRcpt *smtp.SMTPError) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{URL: "smtp://" + ln.Addr().String(), Messages: make(chan Message, 100), rejectRcpt: rejectRcpt}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{s: s}, nil }))
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

// Next waits for the next message, failing the test after the timeout.
func (s *Server) Next(t testing.TB, timeout time.Duration) Message {
	t.Helper()
	select {
	case m := <-s.Messages:
		return m
	case <-time.After(timeout):
		t.Fatalf("no email arrived within %v", timeout)
		return Message{}
	}
}

type session struct {
	s   *Server
	msg Message
}

func (x *session) Reset()        { x.msg = Message{} }
func (x *session) Logout() error { return nil }
func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	x.msg.From = from
	return nil
}
func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if x.s.rejectRcpt != nil {
		return x.s.rejectRcpt
	}
	x.msg.To = append(x.msg.To, to)
	return nil
}
func (x *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	x.msg.Data = string(b)
	x.s.Messages <- x.msg
	return nil
}
