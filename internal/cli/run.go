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
	cfg    *config.Config
	db     *sql.DB
	client *ent.Client
	redis  *redis.Client
	auth   *auth.Service
	alerts *incident.Alerts
	intgs  *integration.Integrations
	// tokens signs and checks action tokens; nil when action links are off.
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

func open(ctx context.Context, cfg *config.Config) (*app, error) {
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
	a := &app{cfg: cfg, db: db, client: client, redis: rdb, auth: auth.New(client, rdb, cfg.SessionTTL),
		alerts: incident.New(client, db), intgs: integration.New(client, rdb, cfg.BaseURL, cfg.InboundEmailDomain)}
	if cfg.ActionSecrets == nil {
		slog.Warn("action links are off: set TOCSIN_ACTION_SECRET so push buttons and email links can acknowledge")
	} else if a.tokens, err = actiontoken.NewSigner(cfg.ActionSecrets...); err != nil {
		a.close()
		return nil, err
	}
	// The paging engine: serve queues the first step of the alerts its
	// doors open; worker runs the steps, sends the pages and sweeps.
	a.pager = &pager.Engine{Client: client, Queue: asynq.NewClientFromRedisClient(rdb),
		Schedules: schedule.New(client, worker.NewClient(rdb)), Tokens: a.tokens, TokenTTL: cfg.ActionTokenTTL,
		BaseURL: cfg.BaseURL, Now: time.Now, Redis: rdb}
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
	auth.PublishRevocations(client, a.live)
	a.alerts.Live = a.live
	return a, nil
}

// statusSubscriptions are on when unsubscribe links can be keyed (an
// action secret is set).
func statusSubscriptions(cfg *config.Config, client *ent.Client) (*statuspage.Subscriptions, error) {
	mailer, err := notify.NewMailer(cfg.SMTPURL, cfg.SMTPFrom)
	if err != nil {
		return nil, err
	}
	s := &statuspage.Subscriptions{Client: client, Mailer: mailer, BaseURL: cfg.BaseURL}
	if len(cfg.ActionSecrets) > 0 {
		s.Secret = []byte(cfg.ActionSecrets[0])
	}
	return s, nil
}

func (a *app) close() {
	if a.live != nil {
		a.live.Close()
	}
	a.client.Close()
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
	return &contact.Methods{Client: a.client, Channels: contact.ChannelsFrom(chs, pushCh),
		AllowPrivateWebhooks: a.cfg.WebhookAllowPrivate}, nil
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
	return srv.Run(ctx, ln)
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
	a, err := open(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.close()
	if migrate {
		if err := a.migrate(ctx); err != nil {
			return err
		}
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
