// Package config reads Tocsin's settings: each from a TOCSIN_* environment
// variable, overridable by a command-line flag, with a default that works on
// a laptop. Vars lists every variable, so docs and tests can check against it.
package config

import (
	"flag"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/tocsin/tocsin/internal/clientip"
)

// Config is everything the tocsin command can be told.
type Config struct {
	DatabaseURL string
	RedisURL    string
	HTTPAddr    string
	// MetricsAddr is where /metrics listens; empty: nowhere.
	MetricsAddr string
	BaseURL     string
	SMTPURL     string
	SMTPFrom    string
	LogLevel    string

	// SMTPInboundAddr is where the inbound email listener listens; empty: off.
	SMTPInboundAddr string
	// InboundEmailDomain is the email domain of EMAIL integrations
	// (<key>@domain); it defaults to the host of BaseURL.
	InboundEmailDomain string

	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client (package clientip).
	TrustedProxies []netip.Prefix

	// MaxBodyBytes caps request bodies; larger ones get 413.
	MaxBodyBytes int64
	// SessionTTL is how long a login lasts without use.
	SessionTTL time.Duration

	// WorkerConcurrency is how many tasks one worker process runs at once.
	WorkerConcurrency int
	// PagingConcurrency is how many paging tasks (steps, pages) one worker
	// runs at once, in slots of their own.
	PagingConcurrency int
	// PagingDBConnections is the size of the paging engine's own PostgreSQL
	// pool in a worker; one fewer steps and pages hold a transaction at once.
	PagingDBConnections int
	// WorkerQueues weights the Asynq queues, e.g. "default=3,low=1".
	WorkerQueues string
	// TaskCheckInterval and DelayedTaskCheckInterval bound how late a task starts.
	TaskCheckInterval        time.Duration
	DelayedTaskCheckInterval time.Duration

	// ActionSecrets sign the action tokens of push buttons, email links and
	// calls, newest first; nil means the secret generated on first start
	// and kept in the database (auth.SharedSecret). See ActionSecretsFor.
	ActionSecrets []string
	// ActionTokenTTL is how long an action token works.
	ActionTokenTTL time.Duration

	// Twilio (SMS and voice); an empty Account SID turns both off.
	TwilioAccountSID, TwilioAuthToken, TwilioFrom, TwilioBaseURL string
	// FCM (push); empty credentials turn push off.
	FCMCredentials, FCMProject, FCMEndpoint string
	// WebhookSecret signs outgoing webhooks; empty sends them unsigned.
	WebhookSecret string
	// WebhookAllow are the networks outgoing webhooks may reach although
	// they are loopback, private, link-local or otherwise not public
	// (package notify/egress blocks those by default).
	WebhookAllow []netip.Prefix
}

// Var describes one setting: its variable, its flag and what it means.
type Var struct {
	Env, Flag, Default, Usage string
}

// Vars lists every setting, in the order the README documents them.
var Vars = []Var{
	{"TOCSIN_DATABASE_URL", "database-url", "postgres://postgres@127.0.0.1:5432/tocsin?sslmode=disable", "PostgreSQL connection URL"},
	{"TOCSIN_REDIS_URL", "redis-url", "redis://127.0.0.1:6379/0", "Redis URL (redis://[:password@]host:port/db)"},
	{"TOCSIN_HTTP_ADDR", "http-addr", ":8080", "address the HTTP server listens on"},
	{"TOCSIN_METRICS_ADDR", "metrics-addr", "127.0.0.1:9464", "address /metrics (Prometheus) is served on, apart from the HTTP server so only the scraper reaches it; empty turns it off. An address in use is logged and skipped"},
	{"TOCSIN_BASE_URL", "base-url", "http://localhost:8080", "public URL of Tocsin, used in links and for Secure cookies"},
	{"TOCSIN_SMTP_URL", "smtp-url", "smtp://127.0.0.1:1025", "outgoing mail server: smtp:// (plain or STARTTLS when offered) or smtps://, user:password@ for auth"},
	{"TOCSIN_SMTP_FROM", "smtp-from", "Tocsin <tocsin@localhost>", "From address of emails Tocsin sends"},
	{"TOCSIN_SMTP_INBOUND_ADDR", "smtp-inbound-addr", "", "address the inbound email (email-to-alert) SMTP listener listens on, e.g. 127.0.0.1:2525; empty turns it off"},
	{"TOCSIN_INBOUND_EMAIL_DOMAIN", "inbound-email-domain", "", "email domain of EMAIL integrations (<key>@domain); empty means the host of TOCSIN_BASE_URL"},
	{"TOCSIN_TRUSTED_PROXIES", "trusted-proxies", clientip.DefaultTrusted, "reverse proxies (addresses or CIDR networks, comma-separated) whose X-Forwarded-For names the client, for rate limits and logs; empty trusts none"},
	{"TOCSIN_LOG_LEVEL", "log-level", "info", "debug, info, warn or error"},
	{"TOCSIN_MAX_BODY_BYTES", "max-body-bytes", "1048576", "largest request body accepted (bytes); larger gets 413"},
	{"TOCSIN_SESSION_TTL", "session-ttl", "720h", "how long a sign-in lasts"},
	{"TOCSIN_WORKER_CONCURRENCY", "worker-concurrency", "20", "tasks one worker process runs at once"},
	{"TOCSIN_WORKER_QUEUES", "worker-queues", "default=3,low=1", "Asynq queues of the general tasks (emails, announcements) and their weights; the paging queue (critical) has slots of its own"},
	{"TOCSIN_PAGING_CONCURRENCY", "paging-concurrency", "1000", "escalation steps and pages one worker runs at once; a timer Asynq hands over early (its times are whole seconds) waits for its due time in a slot, so this must exceed the timers due in any one second"},
	{"TOCSIN_PAGING_DB_CONNECTIONS", "paging-db-connections", "16", "PostgreSQL connections of a worker's paging engine, a pool of its own beside the 40 of the doors (so a storm of pages never holds up sign-in); one fewer steps and pages run a transaction at once. At least 2"},
	{"TOCSIN_TASK_CHECK_INTERVAL", "task-check-interval", "20ms", "how often an idle worker looks for ready tasks (a first page waits for it)"},
	{"TOCSIN_DELAYED_TASK_CHECK_INTERVAL", "delayed-task-check-interval", "50ms", "how often delayed tasks are moved to ready (escalation timers wait for it)"},
	{"TOCSIN_ACTION_SECRET", "action-secret", "", "secret (32+ bytes) signing action tokens of push buttons, email links and calls; several separated by spaces, newest first, to rotate. Empty: a random secret generated on first start and kept in the database, shared by every process"},
	{"TOCSIN_ACTION_TOKEN_TTL", "action-token-ttl", "1h", "how long an action token (push button, email link) works"},
	{"TOCSIN_TWILIO_ACCOUNT_SID", "twilio-account-sid", "", "Twilio Account SID for SMS and voice; empty turns both off"},
	{"TOCSIN_TWILIO_AUTH_TOKEN", "twilio-auth-token", "", "Twilio auth token: authenticates API calls and checks X-Twilio-Signature"},
	{"TOCSIN_TWILIO_FROM", "twilio-from", "", "the number SMS and calls come from (E.164, e.g. +15005550006)"},
	{"TOCSIN_TWILIO_BASE_URL", "twilio-base-url", "https://api.twilio.com", "root of the Twilio-compatible REST API"},
	{"TOCSIN_FCM_CREDENTIALS", "fcm-credentials", "", "path of the Firebase service-account JSON for push; empty turns push off"},
	{"TOCSIN_FCM_PROJECT", "fcm-project", "", "Firebase project id; empty means the project_id of the credentials"},
	{"TOCSIN_FCM_ENDPOINT", "fcm-endpoint", "", "FCM API root, e.g. http://127.0.0.1:9099/v1 for a local fake; empty means Google's"},
	{"TOCSIN_WEBHOOK_SECRET", "webhook-secret", "", "secret signing outgoing webhooks (X-Tocsin-Signature); empty sends them unsigned"},
	{"TOCSIN_WEBHOOK_ALLOW_CIDRS", "webhook-allow-cidrs", "", "networks (addresses or CIDR, comma-separated) outgoing webhooks may reach although they are loopback, private, link-local or otherwise not public, e.g. 10.0.4.0/24 for a self-hosted Mattermost; empty: webhooks reach public addresses only"},
}

// Register adds a flag for each setting to fs; call Load after fs.Parse.
func Register(fs *flag.FlagSet) map[string]*string {
	vals := make(map[string]*string, len(Vars))
	for _, v := range Vars {
		def := v.Default
		env, ok := os.LookupEnv(v.Env)
		if ok && !secrets[v.Env] {
			def = env
		}
		vals[v.Env] = fs.String(v.Flag, def, v.Usage+" ($"+v.Env+")")
		if ok && secrets[v.Env] {
			// Set the value, not the flag's default: --help prints defaults.
			*vals[v.Env] = env
		}
	}
	return vals
}

// secrets are the settings --help must not print from the environment.
var secrets = map[string]bool{"TOCSIN_ACTION_SECRET": true, "TOCSIN_TWILIO_AUTH_TOKEN": true, "TOCSIN_WEBHOOK_SECRET": true}

// Load turns the registered values into a Config, or says which is wrong.
func Load(vals map[string]*string) (*Config, error) {
	get := func(env string) string { return strings.TrimSpace(*vals[env]) }
	c := &Config{
		DatabaseURL:  get("TOCSIN_DATABASE_URL"),
		RedisURL:     get("TOCSIN_REDIS_URL"),
		HTTPAddr:     get("TOCSIN_HTTP_ADDR"),
		MetricsAddr:  get("TOCSIN_METRICS_ADDR"),
		BaseURL:      strings.TrimRight(get("TOCSIN_BASE_URL"), "/"),
		SMTPURL:      get("TOCSIN_SMTP_URL"),
		SMTPFrom:     get("TOCSIN_SMTP_FROM"),
		LogLevel:     get("TOCSIN_LOG_LEVEL"),
		WorkerQueues: get("TOCSIN_WORKER_QUEUES"),

		SMTPInboundAddr:    get("TOCSIN_SMTP_INBOUND_ADDR"),
		InboundEmailDomain: strings.ToLower(get("TOCSIN_INBOUND_EMAIL_DOMAIN")),

		TwilioAccountSID: get("TOCSIN_TWILIO_ACCOUNT_SID"),
		TwilioAuthToken:  get("TOCSIN_TWILIO_AUTH_TOKEN"),
		TwilioFrom:       get("TOCSIN_TWILIO_FROM"),
		TwilioBaseURL:    strings.TrimRight(get("TOCSIN_TWILIO_BASE_URL"), "/"),
		FCMCredentials:   get("TOCSIN_FCM_CREDENTIALS"),
		FCMProject:       get("TOCSIN_FCM_PROJECT"),
		FCMEndpoint:      strings.TrimRight(get("TOCSIN_FCM_ENDPOINT"), "/"),
		WebhookSecret:    get("TOCSIN_WEBHOOK_SECRET"),
	}
	var err error
	if c.MaxBodyBytes, err = strconv.ParseInt(get("TOCSIN_MAX_BODY_BYTES"), 10, 64); err != nil || c.MaxBodyBytes <= 0 {
		return nil, fmt.Errorf("TOCSIN_MAX_BODY_BYTES: want a positive number of bytes, got %q", get("TOCSIN_MAX_BODY_BYTES"))
	}
	if c.TrustedProxies, err = clientip.ParseTrusted(get("TOCSIN_TRUSTED_PROXIES")); err != nil {
		return nil, fmt.Errorf("TOCSIN_TRUSTED_PROXIES: %v", err)
	}
	if c.WebhookAllow, err = clientip.ParseTrusted(get("TOCSIN_WEBHOOK_ALLOW_CIDRS")); err != nil {
		return nil, fmt.Errorf("TOCSIN_WEBHOOK_ALLOW_CIDRS: %v", err)
	}
	// The old all-or-nothing switch: refuse to start rather than drop it
	// silently, which would leave internal receivers unpaged.
	if _, ok := os.LookupEnv("TOCSIN_WEBHOOK_ALLOW_PRIVATE"); ok {
		return nil, fmt.Errorf("TOCSIN_WEBHOOK_ALLOW_PRIVATE is gone: list the networks webhooks may reach in TOCSIN_WEBHOOK_ALLOW_CIDRS instead, e.g. 127.0.0.1/32 or 10.0.4.0/24")
	}
	if c.WorkerConcurrency, err = strconv.Atoi(get("TOCSIN_WORKER_CONCURRENCY")); err != nil || c.WorkerConcurrency <= 0 {
		return nil, fmt.Errorf("TOCSIN_WORKER_CONCURRENCY: want a positive number, got %q", get("TOCSIN_WORKER_CONCURRENCY"))
	}
	if c.PagingConcurrency, err = strconv.Atoi(get("TOCSIN_PAGING_CONCURRENCY")); err != nil || c.PagingConcurrency <= 0 {
		return nil, fmt.Errorf("TOCSIN_PAGING_CONCURRENCY: want a positive number, got %q", get("TOCSIN_PAGING_CONCURRENCY"))
	}
	if c.PagingDBConnections, err = strconv.Atoi(get("TOCSIN_PAGING_DB_CONNECTIONS")); err != nil || c.PagingDBConnections < 2 {
		return nil, fmt.Errorf("TOCSIN_PAGING_DB_CONNECTIONS: want a number of connections, at least 2, got %q", get("TOCSIN_PAGING_DB_CONNECTIONS"))
	}
	for env, d := range map[string]*time.Duration{
		"TOCSIN_SESSION_TTL":                 &c.SessionTTL,
		"TOCSIN_TASK_CHECK_INTERVAL":         &c.TaskCheckInterval,
		"TOCSIN_DELAYED_TASK_CHECK_INTERVAL": &c.DelayedTaskCheckInterval,
		"TOCSIN_ACTION_TOKEN_TTL":            &c.ActionTokenTTL,
	} {
		if *d, err = time.ParseDuration(get(env)); err != nil || *d <= 0 {
			return nil, fmt.Errorf("%s: want a positive duration such as 200ms or 24h, got %q", env, get(env))
		}
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("TOCSIN_BASE_URL: want an http(s) URL such as https://tocsin.example.com, got %q", c.BaseURL)
	}
	if c.InboundEmailDomain == "" {
		c.InboundEmailDomain = strings.ToLower(u.Hostname())
	} else if !validDomain(c.InboundEmailDomain) {
		return nil, fmt.Errorf("TOCSIN_INBOUND_EMAIL_DOMAIN: want a domain such as alerts.example.com, got %q", c.InboundEmailDomain)
	}
	if c.MetricsAddr != "" {
		if _, _, err := net.SplitHostPort(c.MetricsAddr); err != nil {
			return nil, fmt.Errorf("TOCSIN_METRICS_ADDR: want host:port such as 127.0.0.1:9464, or empty, got %q", c.MetricsAddr)
		}
	}
	if c.SMTPInboundAddr != "" {
		if _, _, err := net.SplitHostPort(c.SMTPInboundAddr); err != nil {
			return nil, fmt.Errorf("TOCSIN_SMTP_INBOUND_ADDR: want host:port such as 127.0.0.1:2525, got %q", c.SMTPInboundAddr)
		}
	}
	if c.ActionSecrets, err = ActionSecretsFor(get("TOCSIN_ACTION_SECRET")); err != nil {
		return nil, err
	}
	if c.TwilioAccountSID != "" && (c.TwilioAuthToken == "" || c.TwilioFrom == "") {
		return nil, fmt.Errorf("TOCSIN_TWILIO_AUTH_TOKEN and TOCSIN_TWILIO_FROM: both are needed with TOCSIN_TWILIO_ACCOUNT_SID")
	}
	for env, raw := range map[string]string{"TOCSIN_TWILIO_BASE_URL": c.TwilioBaseURL, "TOCSIN_FCM_ENDPOINT": c.FCMEndpoint} {
		if raw == "" && env == "TOCSIN_FCM_ENDPOINT" {
			continue
		}
		if p, err := url.Parse(raw); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return nil, fmt.Errorf("%s: want an http(s) URL, got %q", env, raw)
		}
	}
	if _, err := QueueWeights(c.WorkerQueues); err != nil {
		return nil, fmt.Errorf("TOCSIN_WORKER_QUEUES: %w", err)
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		return nil, fmt.Errorf("TOCSIN_LOG_LEVEL: want debug, info, warn or error, got %q", c.LogLevel)
	}
	return c, nil
}

// ActionSecretsFor reads TOCSIN_ACTION_SECRET (space-separated, newest
// first): each secret must have at least 32 bytes. Unset, it is nil, and
// the processes use the secret generated on first start and kept in the
// database: never a published one, which would let anyone who can reach
// the server forge links that act on any alert.
func ActionSecretsFor(raw string) ([]string, error) {
	secrets := strings.Fields(raw)
	for _, s := range secrets {
		if len(s) < 32 {
			return nil, fmt.Errorf("TOCSIN_ACTION_SECRET: each secret needs at least 32 bytes (e.g. `openssl rand -base64 32`), got one of %d", len(s))
		}
	}
	if len(secrets) == 0 {
		return nil, nil
	}
	return secrets, nil
}

// validDomain accepts a lower-case host name: letters, digits, hyphens and
// dots, as the part after @ of <key>@domain.
func validDomain(d string) bool {
	if d == "" || len(d) > 253 || strings.HasPrefix(d, ".") || strings.HasSuffix(d, ".") || strings.Contains(d, "..") {
		return false
	}
	for _, r := range d {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// SecureCookies reports whether cookies must be marked Secure (https base URL).
func (c *Config) SecureCookies() bool { return strings.HasPrefix(c.BaseURL, "https://") }

// QueueWeights parses "default=3,low=1". The paging queue (critical) is
// not weighed against them: it has slots of its own.
func QueueWeights(s string) (map[string]int, error) {
	out := map[string]int{}
	for _, part := range strings.Split(s, ",") {
		name, w, ok := strings.Cut(strings.TrimSpace(part), "=")
		n, err := strconv.Atoi(w)
		if !ok || name == "" || err != nil || n <= 0 {
			return nil, fmt.Errorf("want name=weight pairs such as default=3,low=1, got %q", part)
		}
		if name == "critical" {
			return nil, fmt.Errorf("the paging queue critical has slots of its own (TOCSIN_PAGING_CONCURRENCY); list only the others, such as default=3,low=1")
		}
		out[name] = n
	}
	for _, q := range []string{"default", "low"} {
		if _, ok := out[q]; !ok {
			return nil, fmt.Errorf("queue %q is missing", q)
		}
	}
	return out, nil
}
