package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// send does one request; i numbers the requests of a phase from 0.
type send func(ctx context.Context, i int64) error

// result is what one phase measured.
type result struct {
	name    string
	ok      int
	errors  map[string]int
	elapsed time.Duration
	lat     []time.Duration // sorted
	obs     observation
	note    string
}

func (r *result) rate() float64 { return float64(r.ok) / r.elapsed.Seconds() }

// pct is the p-th percentile (0 < p ≤ 1) of the latencies of successful requests.
func (r *result) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	i := int(float64(len(r.lat))*p+0.5) - 1
	return r.lat[min(max(i, 0), len(r.lat)-1)]
}

func (r *result) failed() int {
	n := 0
	for _, c := range r.errors {
		n += c
	}
	return n
}

// tally collects the outcomes of one sender; merged at the end of a phase
// so the senders share nothing while they run.
type tally struct {
	lat    []time.Duration
	errors map[string]int
}

func (t *tally) add(took time.Duration, err error) {
	if err == nil {
		t.lat = append(t.lat, took)
		return
	}
	if t.errors == nil {
		t.errors = map[string]int{}
	}
	t.errors[err.Error()]++
}

func merge(name string, elapsed time.Duration, ts []*tally) *result {
	r := &result{name: name, elapsed: elapsed, errors: map[string]int{}}
	for _, t := range ts {
		r.lat = append(r.lat, t.lat...)
		for k, v := range t.errors {
			r.errors[k] += v
		}
	}
	sort.Slice(r.lat, func(i, j int) bool { return r.lat[i] < r.lat[j] })
	r.ok = len(r.lat)
	return r
}

// closedLoop runs c senders for d; each sends again as soon as it has an
// answer. Requests in flight at the end are waited for, not cancelled (a
// cancelled request costs the server its PostgreSQL connection, which would
// disturb the next phase), and counted: the phase lasts until the last answer.
func closedLoop(ctx context.Context, name string, c int, d time.Duration, fn send) *result {
	var seq atomic.Int64
	ts := make([]*tally, c)
	var wg sync.WaitGroup
	start := time.Now()
	end := start.Add(d)
	for w := range c {
		ts[w] = &tally{}
		wg.Go(func() {
			for ctx.Err() == nil && time.Now().Before(end) {
				t0 := time.Now()
				err := fn(ctx, seq.Add(1)-1)
				ts[w].add(time.Since(t0), err)
			}
		})
	}
	wg.Wait()
	return merge(name, time.Since(start), ts)
}

// openLoop sends rate requests per second for d, spread evenly, through c
// senders. A request's latency counts from when it was due, not from when a
// sender got to it, so queueing in front of a slow server is measured.
func openLoop(ctx context.Context, name string, c int, d time.Duration, rate float64, fn send) *result {
	n := int64(rate * d.Seconds())
	interval := time.Duration(float64(time.Second) / rate)
	due := make(chan time.Time, c)
	ts := make([]*tally, c)
	var wg sync.WaitGroup
	var seq atomic.Int64
	// Senders may finish the last requests after d; give them a bounded while.
	sendCtx, cancel := context.WithTimeout(ctx, d+15*time.Second)
	defer cancel()
	for w := range c {
		ts[w] = &tally{}
		wg.Go(func() {
			for at := range due {
				err := fn(sendCtx, seq.Add(1)-1)
				ts[w].add(time.Since(at), err)
			}
		})
	}
	start := time.Now()
	for i := range n {
		at := start.Add(time.Duration(i) * interval)
		if wait := time.Until(at); wait > 0 {
			select {
			case <-time.After(wait):
			case <-ctx.Done():
			}
		}
		if ctx.Err() != nil {
			break
		}
		due <- at
	}
	close(due)
	wg.Wait()
	r := merge(name, time.Since(start), ts)
	// The rate offered, not the rate that came back: they differ only when
	// the server falls behind, and then the latencies say so.
	r.elapsed = d
	r.note = fmt.Sprintf("open loop at %.0f/s", rate)
	return r
}

// opsgenie sends Opsgenie creates to one Tocsin.
type opsgenie struct {
	url, key string
	client   *http.Client
}

func newOpsgenie(base, key string, c int) *opsgenie {
	tr := &http.Transport{MaxIdleConns: c * 2, MaxIdleConnsPerHost: c * 2, IdleConnTimeout: time.Minute}
	return &opsgenie{url: base + "/v2/alerts", key: key, client: &http.Client{Transport: tr, Timeout: 10 * time.Second}}
}

// create posts an alert shaped like Alertmanager's opsgenie_configs sends
// (the body captured from v0.31.1, with the alias changed); 202 is success.
func (o *opsgenie) create(ctx context.Context, alias string) error {
	body := strings.Replace(alertBody, "ALIAS", alias, 1)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, o.url, strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "GenieKey "+o.key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := o.client.Do(req)
	if err != nil {
		return errTransport
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return nil
}

// errTransport stands for every failure below HTTP (refused, reset,
// timeout), so the report groups them in one line.
var errTransport = fmt.Errorf("no HTTP answer (connection error or 10 s timeout)")

const alertBody = `{"alias":"ALIAS","message":"[FIRING:1] HighErrorRate checkout (checkout-1:8080 critical payments)",` +
	`"description":"https://runbooks.example.com/checkout-5xx 5xx rate above 5% on checkout\nAlerts Firing:\nLabels:\n - alertname = HighErrorRate\n - instance = checkout-1:8080\n - service = checkout\n - severity = critical\n - team = payments\nAnnotations:\n - runbook_url = https://runbooks.example.com/checkout-5xx\n - summary = 5xx rate above 5% on checkout\nSource: http://prometheus.example:9090/graph?g0.expr=rate5xx\n\n",` +
	`"details":{"alertname":"HighErrorRate","instance":"checkout-1:8080","service":"checkout","severity":"critical","team":"payments"},` +
	`"source":"http://127.0.0.1:19093/#/alerts?receiver=opsgenie","responders":[{"name":"payments","type":"team"}],` +
	`"tags":["team=payments","prometheus"],"priority":"P1"}`

// aliases names the alerts of one run, so runs against the same server
// never deduplicate into each other.
type aliases struct{ run string }

func (a aliases) fresh(i int64) string { return "bench-" + a.run + "-new-" + strconv.FormatInt(i, 10) }
func (a aliases) paced(i int64) string {
	return "bench-" + a.run + "-paced-" + strconv.FormatInt(i, 10)
}
func (a aliases) pooled(i int64, pool int) string {
	return "bench-" + a.run + "-pool-" + strconv.FormatInt(i%int64(pool), 10)
}
