// Command gqlflood sends the hostile GraphQL requests of issue 13 (item 2)
// to a real `tocsin serve` in a loop and reports the server's memory: 700
// and 4,000 aliases of one field with different arguments (16 and 90 KB),
// 2,000 duplicate fields and 5,000 aliases, anonymously, over POST, GET and
// websockets, each from a new address (X-Forwarded-For; loopback is a
// trusted proxy), so the rate limits do not help and the bounds must.
//
// It creates a scratch database, migrates it, starts `tocsin serve` on a
// free loopback port with the default settings (1 MiB body limit), and
// samples the server's VmRSS every 100 ms; VmHWM is its peak. Everything is
// dropped afterwards.
//
//	go run ./bench/gqlflood -bin bin/tocsin -d 60s -c 8
//
// Loopback only.
package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	_ "github.com/lib/pq"
)

func main() {
	bin := flag.String("bin", "bin/tocsin", "tocsin binary")
	pg := flag.String("pg", "postgres://postgres@127.0.0.1:5432", "PostgreSQL server (loopback)")
	redisURL := flag.String("redis", "redis://127.0.0.1:6379/10", "Redis URL (loopback); only rate-limit buckets, which expire, are written")
	d := flag.Duration("d", 60*time.Second, "how long to send")
	c := flag.Int("c", 8, "requests in flight at once")
	flag.Parse()
	if err := run(*bin, *pg, *redisURL, *d, *c); err != nil {
		log.Fatal(err)
	}
}

func repeated(n int, f func(i int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = f(i)
	}
	return strings.Join(parts, " ")
}

var documents = map[string]string{
	"700 conflicting aliases":   "{" + repeated(700, func(i int) string { return fmt.Sprintf(`a:node(id:"%d"){id}`, i) }) + "}",
	"4,000 conflicting aliases": "{" + repeated(4000, func(i int) string { return fmt.Sprintf(`a:node(id:"%d"){id}`, i) }) + "}",
	"2,000 duplicate fields":    "{viewer{" + repeated(2000, func(int) string { return "id" }) + "}}",
	"5,000 aliases":             "{" + repeated(5000, func(i int) string { return fmt.Sprintf("a%d:viewer{id}", i) }) + "}",
}

func run(bin, pg, redisURL string, d time.Duration, concurrency int) error {
	name := fmt.Sprintf("tocsin_gqlflood_%d", os.Getpid())
	admin, err := sql.Open("postgres", pg+"/postgres?sslmode=disable")
	if err != nil {
		return err
	}
	defer admin.Close()
	if _, err := admin.Exec(fmt.Sprintf("CREATE DATABASE %q", name)); err != nil {
		return err
	}
	defer admin.Exec(fmt.Sprintf("DROP DATABASE IF EXISTS %q WITH (FORCE)", name))
	port, err := freePort()
	if err != nil {
		return err
	}
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	env := append(os.Environ(), "TOCSIN_DATABASE_URL="+fmt.Sprintf("%s/%s?sslmode=disable", pg, name), "TOCSIN_REDIS_URL="+redisURL,
		"TOCSIN_HTTP_ADDR="+fmt.Sprintf("127.0.0.1:%d", port), "TOCSIN_BASE_URL="+base, "TOCSIN_METRICS_ADDR=", "TOCSIN_LOG_LEVEL=warn")
	migrate := exec.Command(bin, "migrate")
	migrate.Env = env
	if o, err := migrate.CombinedOutput(); err != nil {
		return fmt.Errorf("tocsin migrate: %v\n%s", err, o)
	}
	srv := exec.Command(bin, "serve")
	srv.Env = env
	srv.Stderr = os.Stderr
	if err := srv.Start(); err != nil {
		return err
	}
	defer func() { srv.Process.Signal(os.Interrupt); srv.Wait() }()
	if err := waitReady(base, 30*time.Second); err != nil {
		return err
	}
	rssBefore, _ := memory(srv.Process.Pid, "VmRSS")
	anonBefore, _ := memory(srv.Process.Pid, "RssAnon")

	var peak, peakAnon int
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			if kb, err := memory(srv.Process.Pid, "VmRSS"); err == nil {
				peak = max(peak, kb)
			}
			if kb, err := memory(srv.Process.Pid, "RssAnon"); err == nil {
				peakAnon = max(peakAnon, kb)
			}
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}()

	names := make([]string, 0, len(documents))
	for n := range documents {
		names = append(names, n)
	}
	slices.Sort(names)
	transports := []string{"POST", "GET", "websocket"}
	var mu sync.Mutex
	outcomes := map[string]int{}
	var slowest time.Duration
	var wg sync.WaitGroup
	end := time.Now().Add(d)
	for w := range concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(end); i++ {
				doc := names[i%len(names)]
				transport := transports[(i/len(names))%len(transports)]
				client := fmt.Sprintf("10.%d.%d.%d", w, i>>8&255, i&255)
				start := time.Now()
				outcome := send(base, transport, documents[doc], client)
				took := time.Since(start)
				mu.Lock()
				outcomes[transport+" "+doc+": "+outcome]++
				slowest = max(slowest, took)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(stop)
	<-sampled
	hwm, _ := memory(srv.Process.Pid, "VmHWM")
	load, _ := os.ReadFile("/proc/loadavg")

	total := 0
	keys := make([]string, 0, len(outcomes))
	for k, n := range outcomes {
		keys = append(keys, k)
		total += n
	}
	slices.Sort(keys)
	fmt.Printf("## GraphQL flood, %s UTC\n\n", time.Now().UTC().Format("2006-01-02 15:04"))
	fmt.Printf("- `tocsin serve` (default settings), %d requests in %v, %d at once, each from a new address; load average %s\n",
		total, d, concurrency, strings.Join(strings.Fields(string(load))[:3], " "))
	fmt.Printf("- server memory: VmRSS %.1f MB before, at most %.1f MB while flooded (sampled every 100 ms), VmHWM %.1f MB; "+
		"of it anonymous (heap, stacks; the rest is the mapped binary) %.1f MB before, at most %.1f MB\n",
		float64(rssBefore)/1024, float64(peak)/1024, float64(hwm)/1024, float64(anonBefore)/1024, float64(peakAnon)/1024)
	fmt.Printf("- slowest answer: %v\n\n| transport, request: answer | count |\n| --- | ---: |\n", slowest.Round(time.Millisecond))
	for _, k := range keys {
		fmt.Printf("| %s | %d |\n", k, outcomes[k])
	}
	return nil
}

var hc = &http.Client{Timeout: 60 * time.Second}

// send returns what the server made of one request: its status and code.
func send(base, transport, query, client string) string {
	var req *http.Request
	switch transport {
	case "POST":
		body, _ := json.Marshal(map[string]any{"query": query})
		req, _ = http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
	case "GET":
		req, _ = http.NewRequest(http.MethodGet, base+"/graphql?query="+url.QueryEscape(query), nil)
	default:
		return sendWebsocket(base, query, client)
	}
	req.Header.Set("X-Forwarded-For", client)
	res, err := hc.Do(req)
	if err != nil {
		return "failed: " + err.Error()
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return strconv.Itoa(res.StatusCode) + " " + code(raw) + fmt.Sprintf(" (%s)", size(len(raw)))
}

func sendWebsocket(base, query, client string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(base, "http")+"/graphql", &websocket.DialOptions{
		Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: http.Header{"X-Forwarded-For": {client}},
	})
	if err != nil {
		return "failed: " + err.Error()
	}
	defer c.CloseNow()
	c.SetReadLimit(1 << 30)
	_ = wsjson.Write(ctx, c, map[string]any{"type": "connection_init"})
	if err := wsjson.Write(ctx, c, map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": query}}); err != nil {
		return "closed"
	}
	for {
		_, raw, err := c.Read(ctx)
		if err != nil {
			return "closed: " + websocket.CloseStatus(err).String()
		}
		var msg struct{ Type string }
		_ = json.Unmarshal(raw, &msg)
		if msg.Type == "next" || msg.Type == "error" {
			return msg.Type + " " + code(raw) + fmt.Sprintf(" (%s)", size(len(raw)))
		}
	}
}

// code is the first extensions.code in a GraphQL answer.
func code(raw []byte) string {
	i := bytes.Index(raw, []byte(`"code":"`))
	if i < 0 {
		return "no error"
	}
	rest := raw[i+8:]
	if j := bytes.IndexByte(rest, '"'); j >= 0 {
		return string(rest[:j])
	}
	return "?"
}

func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return "< 1 KB"
}

// memory reads a field (kB) of /proc/<pid>/status.
func memory(pid int, field string) (int, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), field+":"); ok {
			return strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
		}
	}
	return 0, fmt.Errorf("no %s in /proc/%d/status", field, pid)
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
