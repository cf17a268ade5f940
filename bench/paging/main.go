// Command paging measures how fast Tocsin pages: from an Opsgenie create
// answered 202 to the first notification arriving at the provider, at a
// fixed rate of new alerts (open loop), and how late escalation timers fire.
//
// It creates a scratch database, migrates it, adds one responder whose only
// contact method is a webhook to a receiver inside this tool (the webhook
// channel is the real one; the receiver is the "provider"), a policy that
// pages them at once and again one minute later, and starts `tocsin all` on
// a free loopback port. Timer lateness is read from the deliveries of the
// second step: sent_at − due_at. Everything is dropped afterwards.
//
//	go run ./bench/paging -bin bin/tocsin              # 1/s and 100/s, 60 s each
//	go run ./bench/paging -rates 1,100 -d 60s -o out.md
//
// Loopback only.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
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
	"time"

	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/lib/pq"
	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/delivery"
	_ "github.com/tocsin/tocsin/ent/runtime"
	"github.com/tocsin/tocsin/internal/pagingfix"
	"github.com/tocsin/tocsin/viewer"
)

func main() {
	bin := flag.String("bin", "bin/tocsin", "tocsin binary")
	pg := flag.String("pg", "postgres://postgres@127.0.0.1:5432", "PostgreSQL server (loopback)")
	redisSrv := flag.String("redis", "redis://127.0.0.1:6379", "Redis server (loopback)")
	redisDB := flag.Int("redis-db", 11, "Redis database number (11 is this tool's in internal/testenv); emptied before and after")
	rates := flag.String("rates", "1,100", "new alerts per second, one phase each")
	d := flag.Duration("d", 60*time.Second, "length of each phase")
	out := flag.String("o", "", "also write the report (markdown) to this file")
	flag.Parse()

	b := &bench{arrived: map[string]time.Time{}}
	report, err := b.run(*bin, *pg, fmt.Sprintf("%s/%d", *redisSrv, *redisDB), *rates, *d)
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

type bench struct {
	mu      sync.Mutex
	arrived map[string]time.Time // alert message → first page
}

func (b *bench) run(bin, pg, redisURL, rates string, d time.Duration) (string, error) {
	ctx := context.Background()
	name := fmt.Sprintf("tocsin_paging_%d", os.Getpid())
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

	hook, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go http.Serve(hook, http.HandlerFunc(b.receive))
	port, err := freePort()
	if err != nil {
		return "", err
	}
	dbURL := fmt.Sprintf("%s/%s?sslmode=disable", pg, name)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	env := append(os.Environ(), "TOCSIN_DATABASE_URL="+dbURL, "TOCSIN_REDIS_URL="+redisURL,
		"TOCSIN_HTTP_ADDR="+fmt.Sprintf("127.0.0.1:%d", port), "TOCSIN_BASE_URL="+base, "TOCSIN_SMTP_URL=smtp://127.0.0.1:9",
		"TOCSIN_WEBHOOK_ALLOW_CIDRS=127.0.0.1/32") // the webhook receiver is this tool
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
	client := ent.NewClient(ent.Driver(entsql.OpenDB("postgres", db)))
	key, err := pagingfix.Setup(ctx, client, "http://"+hook.Addr().String()+"/hook", 1, 0)
	if err != nil {
		return "", err
	}
	srv := exec.Command(bin, "all")
	srv.Env = env
	logf, _ := os.Create(".dev/bench-paging-server.log")
	if logf != nil {
		srv.Stdout, srv.Stderr = logf, logf
	}
	if err := srv.Start(); err != nil {
		return "", err
	}
	defer func() { srv.Process.Signal(os.Interrupt); srv.Wait() }()
	if err := waitReady(base, 30*time.Second); err != nil {
		return "", err
	}

	var md strings.Builder
	fmt.Fprintf(&md, "## Paging benchmark, %s UTC\n\n", time.Now().UTC().Format("2006-01-02 15:04"))
	fmt.Fprintf(&md, "- `tocsin all` on a scratch database; one responder whose contact method is a webhook to this tool; a policy paging them at once and again after 1 minute\n")
	fmt.Fprintf(&md, "- latency: Opsgenie create answered 202 → first page received by the webhook receiver; open loop, %v per phase\n\n", d)
	fmt.Fprintf(&md, "| rate | alerts | paged | lost | p50 | p99 | max |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, r := range strings.Split(rates, ",") {
		rate, err := strconv.Atoi(strings.TrimSpace(r))
		if err != nil || rate <= 0 {
			return "", fmt.Errorf("bad rate %q", r)
		}
		log.Printf("phase: %d alerts/s for %v", rate, d)
		row, err := b.phase(base, key, rate, d)
		if err != nil {
			return "", err
		}
		md.WriteString(row)
	}
	// Second steps fall due one minute after the first: wait for the last.
	log.Printf("waiting 70 s for the second steps")
	time.Sleep(70 * time.Second)
	late, err := lateness(ctx, client)
	if err != nil {
		return "", err
	}
	md.WriteString("\n" + late)
	return md.String(), nil
}

// receive is the provider: it notes when each alert's first page arrived.
func (b *bench) receive(w http.ResponseWriter, r *http.Request) {
	at := time.Now()
	var p struct {
		Alert struct {
			Message string `json:"message"`
		} `json:"alert"`
	}
	_ = json.NewDecoder(r.Body).Decode(&p)
	b.mu.Lock()
	if _, ok := b.arrived[p.Alert.Message]; !ok {
		b.arrived[p.Alert.Message] = at
	}
	b.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// phase sends rate new alerts per second for d and reports their latency.
func (b *bench) phase(base, key string, rate int, d time.Duration) (string, error) {
	hc := &http.Client{Timeout: 10 * time.Second}
	var mu sync.Mutex
	accepted := map[string]time.Time{}
	var wg sync.WaitGroup
	var failed int
	tick := time.Second / time.Duration(rate)
	start := time.Now()
	prefix := fmt.Sprintf("r%d-", rate)
	for i := 0; time.Since(start) < d; i++ {
		due := start.Add(time.Duration(i) * tick)
		time.Sleep(time.Until(due))
		wg.Add(1)
		go func(msg string) {
			defer wg.Done()
			body := fmt.Sprintf(`{"message":%q,"priority":"P1"}`, msg)
			req, _ := http.NewRequest("POST", base+"/v2/alerts", strings.NewReader(body))
			req.Header.Set("Authorization", "GenieKey "+key)
			req.Header.Set("Content-Type", "application/json")
			res, err := hc.Do(req)
			at := time.Now()
			mu.Lock()
			defer mu.Unlock()
			if err != nil || res.StatusCode != http.StatusAccepted {
				failed++
				return
			}
			res.Body.Close()
			accepted[msg] = at
		}(prefix + strconv.Itoa(i))
	}
	wg.Wait()
	time.Sleep(5 * time.Second) // the last pages
	var lat []time.Duration
	lost := 0
	b.mu.Lock()
	for msg, at := range accepted {
		got, ok := b.arrived[msg]
		if !ok {
			lost++
			continue
		}
		lat = append(lat, max(got.Sub(at), 0))
	}
	b.mu.Unlock()
	if failed > 0 {
		log.Printf("%d creates failed", failed)
	}
	slices.Sort(lat)
	return fmt.Sprintf("| %d/s | %d | %d | %d | %s | %s | %s |\n", rate, len(accepted)+failed, len(lat), lost,
		pct(lat, 50), pct(lat, 99), pct(lat, 100)), nil
}

// lateness reads how late the second steps' pages left: sent_at − due_at.
func lateness(ctx context.Context, c *ent.Client) (string, error) {
	ds, err := c.Delivery.Query().Where(delivery.Step(1), delivery.SentAtNotNil()).All(viewer.System(ctx))
	if err != nil {
		return "", err
	}
	var late []time.Duration
	early := 0
	for _, d := range ds {
		l := d.SentAt.Sub(d.DueAt)
		if l < 0 {
			early++
		}
		late = append(late, l)
	}
	slices.Sort(late)
	return fmt.Sprintf("Escalation timers (second step, due 1 min after the first; sent_at − due_at): %d pages, "+
		"p50 %s, p99 %s, max %s, early %d\n", len(late), pct(late, 50), pct(late, 99), pct(late, 100), early), nil
}

func pct(xs []time.Duration, p int) string {
	if len(xs) == 0 {
		return "–"
	}
	i := (len(xs)*p + 99) / 100
	if i < 1 {
		i = 1
	}
	if i > len(xs) {
		i = len(xs)
	}
	return xs[i-1].Round(100 * time.Microsecond).String()
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
