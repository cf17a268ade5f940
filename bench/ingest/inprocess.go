package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/ent"
	_ "github.com/tocsin/tocsin/ent/runtime"
	"github.com/tocsin/tocsin/frontend"
	"github.com/tocsin/tocsin/heartbeat"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/internal/oneround"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/server"
)

// serveInProcess runs Tocsin's HTTP server inside this process (-inprocess),
// wired as `tocsin serve` wires it (internal/cli), so that -cpuprofile shows
// the server's code beside the load generator's: the stand-in for the
// /debug/pprof the server does not have. No workers run.
func serveInProcess(ctx context.Context, env []string, addr string, log io.Writer) (stop func(), err error) {
	slog.SetDefault(slog.New(server.LogHandler(slog.NewJSONHandler(log, nil)))) // as `tocsin serve` logs, at info
	vals := map[string]*string{}
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	for _, v := range config.Vars {
		def := v.Default
		for _, kv := range env {
			if k, val, _ := strings.Cut(kv, "="); k == v.Env {
				def = val
			}
		}
		vals[v.Env] = fs.String(v.Flag, def, "")
	}
	cfg, err := config.Load(vals)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("postgres", oneround.DSN(cfg.DatabaseURL))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(40) // as internal/cli does
	db.SetMaxIdleConns(20)
	db.SetConnMaxIdleTime(5 * time.Minute)
	opt, err := redis.ParseURL(cfg.RedisURL)
	if err != nil {
		db.Close()
		return nil, err
	}
	rdb := redis.NewClient(opt)
	client := ent.NewClient(ent.Driver(oneround.Driver(db)))
	alerts := incident.New(client, db)
	srv := server.New(server.Deps{
		Config: cfg, Client: client, DB: db, Redis: rdb, Auth: auth.New(client, rdb, cfg.SessionTTL),
		SPA: frontend.Files(), Alerts: alerts,
		Integrations: integration.New(client, rdb, cfg.BaseURL, cfg.InboundEmailDomain),
		Heartbeats:   &heartbeat.Monitor{Client: client, Alerts: alerts, Now: time.Now},
		Schedules:    schedule.New(client, nil),
	})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		client.Close()
		rdb.Close()
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln) }()
	return func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				fmt.Fprintln(os.Stderr, "bench/ingest: in-process server:", err)
			}
		case <-time.After(10 * time.Second):
			logf("in-process server did not stop within 10 s")
		}
		client.Close()
		rdb.Close()
	}, nil
}
