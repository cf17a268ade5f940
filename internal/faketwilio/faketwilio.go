// Package faketwilio is Twilio's REST API for messages and calls on
// 127.0.0.1, for tests of the SMS and voice channels. It checks each
// request as Twilio would — POST to /2010-04-01/Accounts/{sid}/Messages.json
// or Calls.json, Basic auth with the account's SID and auth token, a
// form-encoded body with the fields Twilio requires — and fails the test on
// anything else. Every request is kept; the answer is Twilio's "queued"
// unless the test asks for another.
package faketwilio

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// Request is one API call as Twilio received it.
type Request struct {
	Path string     // /2010-04-01/Accounts/{sid}/Messages.json or …/Calls.json
	Form url.Values // To, From, Body, Url, StatusCallback, …
	At   time.Time
}

// Message reports whether the request sent an SMS (rather than placed a call).
func (r Request) Message() bool { return strings.HasSuffix(r.Path, "/Messages.json") }

// Server is a running fake; set URL as the Twilio base URL.
type Server struct {
	*httptest.Server
	SID, Token string

	t        testing.TB
	mu       sync.Mutex
	requests []Request
	status   int
	body     string
}

// Start listens on a free 127.0.0.1 port until the test ends, for the
// account sid with auth token token.
func Start(t testing.TB, sid, token string) *Server {
	t.Helper()
	f := &Server{t: t, SID: sid, Token: token, status: http.StatusCreated}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *Server) serve(w http.ResponseWriter, r *http.Request) {
	t := f.t
	user, pass, ok := r.BasicAuth()
	if r.Method != http.MethodPost || !ok || user != f.SID || pass != f.Token {
		t.Errorf("Twilio: want POST with Basic auth %s:%s, got %s auth=%v %q:%q", f.SID, f.Token, r.Method, ok, user, pass)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		t.Errorf("Twilio: Content-Type: want application/x-www-form-urlencoded, got %q", ct)
	}
	body, _ := io.ReadAll(r.Body)
	form, err := url.ParseQuery(string(body))
	if err != nil {
		t.Errorf("Twilio: body is not form-encoded: %q", body)
	}
	root := "/2010-04-01/Accounts/" + f.SID + "/"
	switch r.URL.Path {
	case root + "Messages.json":
		if form.Get("To") == "" || form.Get("Body") == "" || (form.Get("From") == "") == (form.Get("MessagingServiceSid") == "") {
			t.Errorf("Twilio Messages: want To, Body and one of From or MessagingServiceSid, got %v", form)
		}
	case root + "Calls.json":
		if form.Get("To") == "" || form.Get("From") == "" || (form.Get("Url") == "") == (form.Get("Twiml") == "") {
			t.Errorf("Twilio Calls: want To, From and one of Url or Twiml, got %v", form)
		}
	default:
		t.Errorf("Twilio: unexpected path %s (want %sMessages.json or Calls.json)", r.URL.Path, root)
	}
	f.mu.Lock()
	f.requests = append(f.requests, Request{Path: r.URL.Path, Form: form, At: time.Now()})
	status, answer := f.status, f.body
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if answer == "" {
		kind := map[bool]string{true: "SM", false: "CA"}[strings.HasSuffix(r.URL.Path, "/Messages.json")]
		answer = `{"sid":"` + kind + `0123456789abcdef0123456789abcdef","status":"queued","to":"` + form.Get("To") + `"}`
	}
	io.WriteString(w, answer)
}

// Answer makes every later request get status and body; body "" is the
// "queued" answer.
func (f *Server) Answer(status int, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status, f.body = status, body
}

// Requests is every request received so far, oldest first.
func (f *Server) Requests() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Request(nil), f.requests...)
}

// Last is the newest request; the test fails when there is none.
func (f *Server) Last() Request {
	f.t.Helper()
	r := f.Requests()
	if len(r) == 0 {
		f.t.Fatal("Twilio got no request")
	}
	return r[len(r)-1]
}
