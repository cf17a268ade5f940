package cli

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log/slog"
	"maps"
	"net"
	"slices"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
	"golang.org/x/sync/errgroup"

	"github.com/tocsin/tocsin/auth"
	"github.com/tocsin/tocsin/config"
	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/frontend"
	"github.com/tocsin/tocsin/heartbeat"
	"github.com/tocsin/tocsin/inbound"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/integration"
	"github.com/tocsin/tocsin/live"
	"github.com/tocsin/tocsin/migration"
	mobilepush "github.com/tocsin/tocsin/mobile-push"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/notify/actiontoken"
	"github.com/tocsin/tocsin/pager"
	"github.com/tocsin/tocsin/schedule"
	"github.com/tocsin/tocsin/server"
	"github.com/tocsin/tocsin/stakeholder"
	"github.com/tocsin/tocsin/statuspage"
	"github.com/tocsin/tocsin/worker"
)

// app is the process's shared connections.
type app struct {
	cfg *config.Config
	db  *sql.DB
	// pagingDB is the paging engine's own pool, in a process that runs
	// workers (nil otherwise): a storm of steps and pages cannot take the
	// connections sign-in, health checks and the doors need.
	pagingDB *sql.DB
	client   *ent.Client
	redis    *redis.Client
	auth     *auth.Service
	alerts   *incident.Alerts
	intgs    *integration.Integrations
	// tokens signs and checks action tokens; set by useActionSecrets.
	tokens *actiontoken.Signer
	pager  *pager.Engine
	// status are the status pages' email subscriptions; its Notifier is what
	// the incident domain calls when a PUBLIC update is posted.
	status *statuspage.Subscriptions
	// stakeholders announces incidents and updates to their followers
	// (queued after commit; the worker sends).
	stakeholders *stakeholder.Stakeholders
	// incidents is the incident domain, announcing to stakeholders and the
	// status pages' subscribers.
	incidents *incident.Incidents
	// live fans events out to websocket subscribers in every serve.
	live *live.Broker
}

func open(ctx context.Context, cfg *config.Config) (*app, error) { return openFor(ctx, cfg, false) }

// openFor opens the connections of a process, with the paging engine's own
// pool when it runs workers.
func openFor(ctx context.Context, cfg *config.Config, workers bool) (*app, error) {
	db, err := openDB(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	rdb, err := openRedis(ctx, cfg.RedisURL)
	if err != nil {
		db.Close()
		return nil, err
	}
	client := entClient(db)
	pagingClient := client
	var pagingDB *sql.DB
	if workers {
		if pagingDB, err = openPool(ctx, cfg.DatabaseURL, cfg.PagingDBConnections); err != nil {
			db.Close()
			rdb.Close()
			return nil, err
		}
		warmPool(ctx, pagingDB, cfg.PagingDBConnections)
		pagingClient = entClient(pagingDB)
	}
	a := &app{cfg: cfg, db: db, pagingDB: pagingDB, client: client, redis: rdb, auth: auth.New(client, rdb, cfg.SessionTTL),
		alerts: incident.New(client, db), intgs: integration.New(client, rdb, cfg.BaseURL, cfg.InboundEmailDomain)}
	// The paging engine: serve queues the first step of the alerts its
	// doors open (in the doors' transactions); worker runs the steps,
	// sends the pages and sweeps, on the paging pool and within its budget.
	a.pager = &pager.Engine{Client: pagingClient, Queue: asynq.NewClientFromRedisClient(rdb),
		Schedules: schedule.New(pagingClient, worker.NewClient(rdb)), Tokens: a.tokens, TokenTTL: cfg.ActionTokenTTL,
		BaseURL: cfg.BaseURL, Now: time.Now, Redis: rdb}
	if pagingDB != nil {
		a.pager.Budget = pager.BudgetFor(pagingDB)
	}
	a.alerts.Pager = a.pager
	if a.status, err = statusSubscriptions(cfg, client); err != nil {
		a.close()
		return nil, err
	}
	a.stakeholders = &stakeholder.Stakeholders{Client: client, Queue: asynq.NewClientFromRedisClient(rdb), BaseURL: cfg.BaseURL}
	a.incidents = incident.NewIncidents(a.alerts)
	announce := incident.Announcers{a.stakeholders}
	if a.status != nil {
		announce = append(announce, worker.StatusPageAnnouncer{Queue: worker.NewClient(rdb)})
	}
	a.incidents.Announcer = announce
	a.live = live.New(rdb)
	if err := a.live.Start(ctx); err != nil {
		a.close()
		return nil, fmt.Errorf("subscribing to live events: %w", err)
	}
	incident.PublishChanges(client, a.live)
	if pagingClient != client {
		incident.PublishChanges(pagingClient, a.live) // the steps and pages on the timeline
	}
	auth.PublishRevocations(client, a.live)
	a.alerts.Live = a.live
	return a, nil
}

// statusSubscriptions are the status pages' email subscriptions; their
// unsubscribe links are keyed by useActionSecrets.
func statusSubscriptions(cfg *config.Config, client *ent.Client) (*statuspage.Subscriptions, error) {
	mailer, err := notify.NewMailer(cfg.SMTPURL, cfg.SMTPFrom)
	if err != nil {
		return nil, err
	}
	return &statuspage.Subscriptions{Client: client, Mailer: mailer, BaseURL: cfg.BaseURL}, nil
}

// useActionSecrets keys the action links (push buttons, email links,
// calls) and the status pages' unsubscribe links: with TOCSIN_ACTION_SECRET
// when it is set, else with the secret generated on first start and kept in
// the database, which every serve and worker of the installation shares.
// There is no published fallback: it would let anyone who can reach the
// port forge links that act on any alert as its recipient.
func (a *app) useActionSecrets(ctx context.Context) error {
	secrets := a.cfg.ActionSecrets
	if secrets == nil {
		secret, created, err := auth.SharedSecret(ctx, a.db, auth.ActionSecretName)
		if err != nil {
			return err
		}
		slog.Info("action links are signed with the secret kept in the database (set TOCSIN_ACTION_SECRET to choose and rotate your own)",
			"generated_now", created)
		secrets = []string{secret}
	}
	tokens, err := actiontoken.NewSigner(secrets...)
	if err != nil {
		return err
	}
	a.tokens, a.pager.Tokens = tokens, tokens
	if a.status != nil {
		a.status.Secret = []byte(secrets[0])
	}
	return nil
}

func (a *app) close() {
	if a.live != nil {
		a.live.Close()
	}
	a.client.Close()
	if a.pagingDB != nil {
		a.pagingDB.Close()
	}
	a.redis.Close()
}

func (a *app) migrate(ctx context.Context) error {
	applied, err := migration.Apply(ctx, a.db)
	if err != nil {
		return err
	}
	slog.Info("database migrated", "applied", applied)
	return nil
}

func (a *app) server(ctx context.Context) (*server.Server, error) {
	jobs := worker.NewClient(a.redis)
	contacts, err := a.contacts(ctx)
	if err != nil {
		return nil, err
	}
	return server.New(server.Deps{
		Config: a.cfg, Client: a.client, DB: a.db, Redis: a.redis, Auth: a.auth,
		Inviter: jobs, Queues: jobs, SPA: frontend.Files(),
		Alerts: a.alerts, Incidents: a.incidents, Integrations: a.intgs, Heartbeats: a.heartbeats(), ActionTokens: a.tokens,
		Schedules: schedule.New(a.client, jobs), Contacts: contacts,
		StatusSubscriptions: a.status,
		Live:                a.live,
		Now:                 time.Now,
	}), nil
}

// contacts is the contact-method store, with the same channels the worker
// pages through for verification codes and test notifications.
func (a *app) contacts(ctx context.Context) (*contact.Methods, error) {
	chs, err := notify.FromConfig(a.cfg)
	if err != nil {
		return nil, err
	}
	push, err := mobilepush.FromConfig(ctx, a.cfg)
	if err != nil {
		return nil, err
	}
	var pushCh notify.Channel
	if push != nil {
		pushCh = push
	}
	return &contact.Methods{Client: a.client, Channels: contact.ChannelsFrom(chs, pushCh), Egress: chs.Webhook.Egress}, nil
}

func (a *app) worker(ctx context.Context) (*worker.Worker, error) {
	chs, err := notify.FromConfig(a.cfg)
	if err != nil {
		return nil, err
	}
	channels := chs.ByName()
	push, err := mobilepush.FromConfig(ctx, a.cfg)
	if err != nil {
		return nil, err
	}
	if push != nil {
		channels[push.Name()] = push
	}
	a.pager.Channels = channels
	a.stakeholders.Mailer, a.stakeholders.Push = chs.Email.Mailer, channels["push"]
	on := slices.Sorted(maps.Keys(channels))
	slog.Info("delivery channels", "on", on, "action_links", a.tokens != nil)
	queues, _ := config.QueueWeights(a.cfg.WorkerQueues) // validated by config.Load
	return worker.New(a.redis, worker.Options{
		Concurrency:              a.cfg.WorkerConcurrency,
		PagingConcurrency:        a.cfg.PagingConcurrency,
		Queues:                   queues,
		TaskCheckInterval:        a.cfg.TaskCheckInterval,
		DelayedTaskCheckInterval: a.cfg.DelayedTaskCheckInterval,
	}, worker.Deps{Client: a.client, Auth: a.auth, Mailer: chs.Email.Mailer, BaseURL: a.cfg.BaseURL, Heartbeats: a.heartbeats(),
		Channels: channels, ActionTokens: a.tokens, Schedules: schedule.New(a.client, worker.NewClient(a.redis)),
		Pager: a.pager, DB: a.db, Stakeholders: a.stakeholders, StatusPages: a.status}), nil
}

func (a *app) heartbeats() *heartbeat.Monitor {
	return &heartbeat.Monitor{Client: a.client, Alerts: a.alerts, Now: time.Now}
}

func (a *app) listenAndServe(ctx context.Context) error {
	ln, err := net.Listen("tcp", a.cfg.HTTPAddr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %v", a.cfg.HTTPAddr, err)
	}
	srv, err := a.server(ctx)
	if err != nil {
		ln.Close()
		return err
	}
	if a.cfg.MetricsAddr == "" {
		return srv.Run(ctx, ln)
	}
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return srv.Run(gctx, ln) })
	g.Go(func() error { return srv.RunMetrics(gctx, a.cfg.MetricsAddr) })
	return g.Wait()
}

// serveDoors runs the HTTP server and, when TOCSIN_SMTP_INBOUND_ADDR is
// set, the inbound email listener, until ctx ends or one of them fails.
func (a *app) serveDoors(ctx context.Context) error {
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return a.listenAndServe(gctx) })
	if a.cfg.SMTPInboundAddr != "" {
		g.Go(func() error { return inbound.New(a.alerts, a.intgs).ListenAndServe(gctx, a.cfg.SMTPInboundAddr) })
	}
	return g.Wait()
}

// run opens the connections, migrates if asked, and runs the parts of the
// process (HTTP and inbound doors, workers) until ctx ends or one fails.
func run(ctx context.Context, cfg *config.Config, migrate, doors, workers bool) error {
	a, err := openFor(ctx, cfg, workers)
	if err != nil {
		return err
	}
	defer a.close()
	if migrate {
		if err := a.migrate(ctx); err != nil {
			return err
		}
	}
	if err := a.useActionSecrets(ctx); err != nil {
		return err
	}
	g, gctx := errgroup.WithContext(ctx)
	if workers {
		w, err := a.worker(ctx)
		if err != nil {
			return err
		}
		g.Go(func() error { return w.Run(gctx) })
	}
	if doors {
		g.Go(func() error { return a.serveDoors(gctx) })
	}
	return g.Wait()
}

func runServe(ctx context.Context, cfg *config.Config, _ *flag.FlagSet) error {
	return run(ctx, cfg, true, true, false)
}

func runWorker(ctx context.Context, cfg *config.Config, _ *flag.FlagSet) error {
	return run(ctx, cfg, false, false, true)
}

func runAll(ctx context.Context, cfg *config.Config, _ *flag.FlagSet) error {
	return run(ctx, cfg, true, true, true)
}
