// Command fanout measures live fan-out: N graphql-ws subscribers (default
// 10,000) on one `tocsin serve`, all following one incident's timeline over
// loopback; one event is written (from this tool, through ent and a live
// broker, like any door) and the time until each subscriber has it is
// recorded. It reports p50/p99/max over several events and the server's
// resident memory per subscriber (VmRSS before and after subscribing).
//
// By default every subscriber is a different user (-viewers distinct; one
// in four a stakeholder, the rest responders), each signed in with an API
// token of their own, and each event is stakeholder-visible, so all must
// receive it: the server cannot share anything that is keyed on the user.
// -viewers shared signs everyone in as one responder.
//
// -stream incidents measures incidentsChanged instead (what the incidents
// list and the stakeholder home follow, with their selection): each event
// is an update of the incident's summary.
//
// It creates a scratch database, migrates it, adds a responder with a
// session and an incident, starts `tocsin serve` on a free port, and drops
// everything afterwards. The fd limit is raised to the hard limit (the
// server inherits it); connections are spread over 127.0.0.1..4 so source
// ports do not run out.
//
//	go run ./bench/fanout -bin bin/tocsin -n 10000 -events 5 -o out.md
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq"
	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/ent"
	_ "github.com/tocsin/tocsin/ent/runtime"
	"github.com/tocsin/tocsin/ent/timelineevent"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/live"
	"github.com/tocsin/tocsin/live/gqlws"
	"github.com/tocsin/tocsin/viewer"
)

func main() {
	bin := flag.String("bin", "bin/tocsin", "tocsin binary")
	pg := flag.String("pg", "postgres://postgres@127.0.0.1:5432", "PostgreSQL server (loopback)")
	redisSrv := flag.String("redis", "redis://127.0.0.1:6379", "Redis server (loopback)")
	redisDB := flag.Int("redis-db", 10, "Redis database number (10, shared with bench/ingest: benchmarks run one at a time); emptied before and after")
	n := flag.Int("n", 10000, "subscribers")
	stream := flag.String("stream", "timeline", "timeline: incidentTimeline of one incident; incidents: incidentsChanged")
	viewers := flag.String("viewers", "distinct", "distinct: each subscriber its own user (1 in 4 a stakeholder); shared: all one responder")
	events := flag.Int("events", 5, "measured events, one at a time")
	out := flag.String("o", "", "also write the report (markdown) to this file")
	flag.Parse()

	raiseFDLimit()
	if *viewers != "distinct" && *viewers != "shared" {
		log.Fatalf("-viewers: %q is neither distinct nor shared", *viewers)
	}
	if *stream != "timeline" && *stream != "incidents" {
		log.Fatalf("-stream: %q is neither timeline nor incidents", *stream)
	}
	report, err := run(*bin, *pg, fmt.Sprintf("%s/%d", *redisSrv, *redisDB), *n, *events, *viewers == "distinct", *stream)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(report)
	if *out != "" {
		if err := os.WriteFile(*out, []byte(report), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

func raiseFDLimit() {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err == nil {
		l.Cur = l.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l)
		log.Printf("fd limit %d", l.Cur)
	}
}

// fixture is what setup wrote.
type fixture struct {
	client       *ent.Client
	stream       string   // timeline or incidents
	tokens       []string // subscriber i signs in with tokens[i%len(tokens)]
	stakeholders int
	incident     int
}

func run(bin, pg, redisURL string, n, events int, distinct bool, stream string) (string, error) {
	ctx := context.Background()
	name := fmt.Sprintf("tocsin_fanout_%d", os.Getpid())
	admin, err := sql.Open("postgres", pg+"/postgres?sslmode=disable")
	if err != nil {
		return "", err
	}
	defer admin.Close()
	if _, err := admin.Exec(fmt.Sprintf("CREATE DATABASE %q", name)); err != nil {
		return "", err
	}
	defer admin.Exec(fmt.Sprintf("DROP DATABASE IF EXISTS %q WITH (FORCE)", name))
	opt, err := redis.ParseURL(redisURL)
	if err != nil {
		return "", err
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	rdb.FlushDB(ctx)
	defer rdb.FlushDB(ctx)

	port, err := freePort()
	if err != nil {
		return "", err
	}
	dbURL := fmt.Sprintf("%s/%s?sslmode=disable", pg, name)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	env := append(os.Environ(), "TOCSIN_DATABASE_URL="+dbURL, "TOCSIN_REDIS_URL="+redisURL,
		"TOCSIN_HTTP_ADDR="+fmt.Sprintf("127.0.0.1:%d", port), "TOCSIN_BASE_URL="+base, "TOCSIN_LOG_LEVEL=warn")
	migrate := exec.Command(bin, "migrate")
	migrate.Env = env
	if o, err := migrate.CombinedOutput(); err != nil {
		return "", fmt.Errorf("tocsin migrate: %v\n%s", err, o)
	}
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return "", err
	}
	defer db.Close()
	f, err := setup(ctx, ent.NewClient(ent.Driver(entsql.OpenDB("postgres", db))), rdb, n, distinct)
	if err != nil {
		return "", err
	}
	f.stream = stream
	broker := live.New(rdb)
	if err := broker.Start(ctx); err != nil {
		return "", err
	}
	defer broker.Close()
	incident.PublishChanges(f.client, broker)

	srv := exec.Command(bin, "serve")
	srv.Env = env
	_ = os.MkdirAll(".dev", 0o755)
	if logf, err := os.Create(".dev/bench-fanout-server.log"); err == nil {
		srv.Stdout, srv.Stderr = logf, logf
	}
	if err := srv.Start(); err != nil {
		return "", err
	}
	defer func() { srv.Process.Signal(os.Interrupt); srv.Wait() }()
	if err := waitReady(base, 30*time.Second); err != nil {
		return "", err
	}
	time.Sleep(time.Second)
	rssBefore, err := rss(srv.Process.Pid)
	if err != nil {
		return "", err
	}

	subs, err := connect(ctx, "ws://127.0.0.1:"+strconv.Itoa(port)+"/graphql", f, n)
	if err != nil {
		return "", err
	}
	log.Printf("%d subscribers connected; warming up", len(subs))
	// The warm-up event proves every subscription runs before measuring.
	if _, err := f.write(ctx, subs); err != nil {
		return "", fmt.Errorf("warm-up: %w", err)
	}
	time.Sleep(2 * time.Second)
	rssAfter, err := rss(srv.Process.Pid)
	if err != nil {
		return "", err
	}
	var all []time.Duration
	var rows strings.Builder
	for i := range events {
		lat, err := f.write(ctx, subs)
		if err != nil {
			return "", fmt.Errorf("event %d: %w", i+1, err)
		}
		slices.Sort(lat)
		fmt.Fprintf(&rows, "| %d | %d | %s | %s | %s |\n", i+1, len(lat), pct(lat, 50), pct(lat, 99), pct(lat, 100))
		all = append(all, lat...)
		time.Sleep(500 * time.Millisecond)
	}
	slices.Sort(all)
	for _, s := range subs {
		s.conn.Close()
	}

	var md strings.Builder
	fmt.Fprintf(&md, "## Live fan-out benchmark, %s UTC\n\n", time.Now().UTC().Format("2006-01-02 15:04"))
	who := "all signed in as one responder"
	if distinct {
		who = fmt.Sprintf("each a different user with an API token of their own: %d responders, %d stakeholders", n-f.stakeholders, f.stakeholders)
	}
	on, what := "`incidentTimeline` of one incident", "a stakeholder-visible timeline event"
	if stream == "incidents" {
		on, what = "`incidentsChanged` (the incidents list's selection)", "an update of the incident's summary"
	}
	fmt.Fprintf(&md, "- one `tocsin serve`, %d graphql-ws subscribers (one websocket each, %s) on %s, over loopback from this tool on the same machine\n", n, who, on)
	fmt.Fprintf(&md, "- each event (%s) written by this tool through ent (committed, then published to Redis); latency: just before the commit → the subscriber has read the `next` message\n\n", what)
	fmt.Fprintf(&md, "| event | received | p50 | p99 | max |\n| ---: | ---: | ---: | ---: | ---: |\n%s", rows.String())
	fmt.Fprintf(&md, "| all | %d | %s | %s | %s |\n\n", len(all), pct(all, 50), pct(all, 99), pct(all, 100))
	fmt.Fprintf(&md, "Server RSS: %.1f MiB before subscribers, %.1f MiB with them: **%.1f KiB per subscriber**.\n",
		float64(rssBefore)/1024, float64(rssAfter)/1024, float64(rssAfter-rssBefore)/float64(n))
	return md.String(), nil
}

func setup(ctx context.Context, c *ent.Client, rdb *redis.Client, n int, distinct bool) (*fixture, error) {
	sys := viewer.System(ctx)
	a := auth.New(c, rdb, 24*time.Hour)
	inc, err := c.Incident.Create().SetTitle("Fan-out benchmark").Save(sys)
	if err != nil {
		return nil, err
	}
	f := &fixture{client: c, incident: inc.ID}
	users := 1
	if distinct {
		users = n
	}
	// Users in batches, then one API token each (no password hashing:
	// argon2id for 10,000 logins would take longer than the benchmark).
	const batch = 1000
	for from := 0; from < users; from += batch {
		var creates []*ent.UserCreate
		for i := from; i < min(users, from+batch); i++ {
			role := viewer.RoleResponder
			if distinct && i%4 == 3 {
				role = viewer.RoleStakeholder
				f.stakeholders++
			}
			creates = append(creates, c.User.Create().SetEmail(fmt.Sprintf("bench%d@fanout.test", i)).
				SetName(fmt.Sprintf("Bench %d", i)).SetRole(role))
		}
		us, err := c.User.CreateBulk(creates...).Save(sys)
		if err != nil {
			return nil, err
		}
		for _, u := range us {
			// Stakeholders may not make API tokens themselves: the
			// system issues them one (only this benchmark does that).
			as := viewer.NewContext(ctx, &viewer.Viewer{UserID: u.ID, Role: u.Role, System: true})
			_, secret, err := a.CreateAPIToken(as, "fan-out benchmark", nil)
			if err != nil {
				return nil, err
			}
			f.tokens = append(f.tokens, secret)
		}
	}
	return f, nil
}

type subscriber struct {
	conn *gqlws.Conn
	got  chan time.Time
}

// query selects what the SPA's incident page selects (IncidentTimelineLive).
const query = `subscription($id: ID!) { incidentTimeline(incidentId: $id) { id kind visibility actorName createdAt data } }`

// incidentsQuery selects what the incidents list selects (IncidentRow).
const incidentsQuery = `subscription { incidentsChanged { id title nextUpdateDueAt updateOverdue severity status createdAt resolvedAt
	services(first: 5) { edges { node { id name } } } } }`

// connect opens n subscriptions, 200 at a time, spread over 127.0.0.1..4.
func connect(ctx context.Context, url string, f *fixture, n int) ([]*subscriber, error) {
	subs := make([]*subscriber, n)
	sem := make(chan struct{}, 200)
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	for i := range n {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			conn, err := gqlws.Dial(cctx, url, gqlws.Options{Token: f.tokens[i%len(f.tokens)], LocalAddr: fmt.Sprintf("127.0.0.%d", 1+i%4)})
			if err == nil {
				if f.stream == "incidents" {
					err = conn.Subscribe(cctx, incidentsQuery, nil)
				} else {
					err = conn.Subscribe(cctx, query, map[string]any{"id": f.incident})
				}
			}
			if err != nil {
				mu.Lock()
				if firstErr == nil {
					firstErr = fmt.Errorf("subscriber %d: %w", i, err)
				}
				mu.Unlock()
				return
			}
			s := &subscriber{conn: conn, got: make(chan time.Time, 16)}
			subs[i] = s
			go s.read()
		}()
	}
	wg.Wait()
	return subs, firstErr
}

// read notes when each event arrives until the connection ends.
func (s *subscriber) read() {
	for {
		if _, err := s.conn.Next(context.Background()); err != nil {
			close(s.got)
			return
		}
		s.got <- time.Now()
	}
}

// write commits one timeline event and waits (up to 30 s) until every
// subscriber has it; it returns each subscriber's latency.
func (f *fixture) write(ctx context.Context, subs []*subscriber) ([]time.Duration, error) {
	sys := viewer.System(ctx)
	tx, err := f.client.Tx(sys)
	if err != nil {
		return nil, err
	}
	if f.stream == "incidents" {
		err = tx.Incident.UpdateOneID(f.incident).SetSummary(fmt.Sprintf("fan-out %d", time.Now().UnixNano())).Exec(sys)
	} else {
		err = tx.TimelineEvent.Create().SetIncidentID(f.incident).SetKind(incident.KindNoteAdded).
			SetVisibility(timelineevent.VisibilitySTAKEHOLDER).SetData(map[string]any{"note": "fan-out"}).Exec(sys)
	}
	if err != nil {
		return nil, err
	}
	start := time.Now()
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	lat := make([]time.Duration, 0, len(subs))
	deadline := time.After(30 * time.Second)
	for i, s := range subs {
		select {
		case at, ok := <-s.got:
			if !ok {
				return nil, fmt.Errorf("subscriber %d: connection ended", i)
			}
			lat = append(lat, at.Sub(start))
		case <-deadline:
			return nil, fmt.Errorf("%d of %d subscribers had the event after 30 s", len(lat), len(subs))
		}
	}
	return lat, nil
}

// rss is the process's resident memory in KiB (VmRSS).
func rss(pid int) (int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
	}
	return 0, errors.New("no VmRSS")
}

func pct(xs []time.Duration, p int) string {
	if len(xs) == 0 {
		return "–"
	}
	i := max(1, min(len(xs), (len(xs)*p+99)/100))
	return xs[i-1].Round(time.Millisecond).String()
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func waitReady(base string, d time.Duration) error {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if res, err := http.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("tocsin did not become ready at %s", base)
}
