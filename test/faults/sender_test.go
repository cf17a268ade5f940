package faults_test

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// sender talks to a door like a monitoring tool: a request counts once
// answered 202; a 5xx or a connection error is sent again, the same
// (alerts carry an alias or a fingerprint, so a repeat is harmless) until
// then. auth is the Authorization header: "GenieKey <key>" as Opsgenie
// senders send it, "Bearer <key>" as Alertmanager's http_config does.
type sender struct {
	base, auth string
	hc         *http.Client
}

// sendFor bounds how long one request is retried: longer than PostgreSQL
// takes to restart, with room for a loaded machine.
const sendFor = 90 * time.Second

// send POSTs body to path until it is accepted; it returns how many
// attempts were retried, and an error for any other answer (4xx) or when
// sendFor ran out.
func (s *sender) send(path, body string) (retried int, err error) {
	deadline := time.Now().Add(sendFor)
	for {
		code, err := s.post(path, body)
		switch {
		case err == nil && code == http.StatusAccepted:
			return retried, nil
		case err == nil && code < 500:
			return retried, fmt.Errorf("answered %d", code)
		case time.Now().After(deadline):
			return retried, fmt.Errorf("not accepted in %v: last answer %d %v", sendFor, code, err)
		}
		retried++
		time.Sleep(200 * time.Millisecond)
	}
}

func (s *sender) post(path, body string) (int, error) {
	req, err := http.NewRequest("POST", s.base+path, strings.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", s.auth)
	req.Header.Set("Content-Type", "application/json")
	res, err := s.hc.Do(req)
	if err != nil {
		return 0, err
	}
	res.Body.Close()
	return res.StatusCode, nil
}
