package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sync/atomic"
	"time"
)

// A probe asks every probeEvery, one request at a time, each given at
// most probeTimeout: it never piles requests onto a server in trouble, and
// it ends when its context does.
const (
	probeEvery   = 200 * time.Millisecond
	probeTimeout = 5 * time.Second
)

// probe is what one probe saw.
type probe struct {
	lat      []time.Duration // of the answers that succeeded and failed alike, sorted at the end
	failures map[string]int
}

func (p *probe) run(ctx context.Context, ask func(ctx context.Context) error) {
	p.failures = map[string]int{}
	t := time.NewTicker(probeEvery)
	defer t.Stop()
	for {
		rctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
		t0 := time.Now()
		err := ask(rctx)
		p.lat = append(p.lat, time.Since(t0))
		cancel()
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				err = fmt.Errorf("no answer in %v", probeTimeout)
			}
			p.failures[err.Error()]++
		}
		select {
		case <-ctx.Done():
			slices.Sort(p.lat)
			return
		case <-t.C:
		}
	}
}

func (p *probe) failed() int {
	n := 0
	for _, c := range p.failures {
		n += c
	}
	return n
}

// signIns numbers the probe's sign-ins, each from a client address of its
// own (X-Forwarded-For, which Tocsin believes of 127.0.0.1): the sign-in
// limit per client would otherwise refuse the probe after a few seconds.
var signIns atomic.Int64

// signIn signs in as the fixture's first responder through GraphQL.
func (e *benchEnv) signIn(ctx context.Context) error {
	body, _ := json.Marshal(map[string]any{
		"query":     `mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}`,
		"variables": map[string]string{"e": e.fix.Login.Email, "p": e.fix.Login.Password},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.base+"/graphql", bytes.NewReader(body))
	if err != nil {
		return err
	}
	n := signIns.Add(1)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.13.%d.%d", n/250%250, n%250+1))
	res, err := e.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	var out struct {
		Data struct {
			Login struct{ Token string }
		}
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		return fmt.Errorf("HTTP %d, not GraphQL JSON", res.StatusCode)
	}
	if len(out.Errors) > 0 {
		return fmt.Errorf("refused: %s", out.Errors[0].Message)
	}
	if out.Data.Login.Token == "" {
		return fmt.Errorf("HTTP %d without a token", res.StatusCode)
	}
	return nil
}

// ready GETs /readyz.
func (e *benchEnv) ready(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, e.base+"/readyz", nil)
	if err != nil {
		return err
	}
	res, err := e.http.Do(req)
	if err != nil {
		return err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d", res.StatusCode)
	}
	return nil
}
