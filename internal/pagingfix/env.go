package pagingfix

import (
	"fmt"
	"os"
)

// ServerEnv is the environment the benchmark and the fault suite start
// `tocsin` with: this one's, plus the database, Redis, a loopback address
// and what the fixture needs — one place, so that a setting every run needs
// is added once.
func ServerEnv(databaseURL, redisURL, addr string) []string {
	return append(os.Environ(),
		"TOCSIN_DATABASE_URL="+databaseURL,
		"TOCSIN_REDIS_URL="+redisURL,
		"TOCSIN_HTTP_ADDR="+addr,
		"TOCSIN_BASE_URL="+fmt.Sprintf("http://%s", addr),
		// Nothing listens there: the fixture pages no one by e-mail.
		"TOCSIN_SMTP_URL=smtp://127.0.0.1:9",
		// The responders' webhooks point at a receiver on 127.0.0.1.
		"TOCSIN_WEBHOOK_ALLOW_CIDRS=127.0.0.1/32",
		// The benchmark's sign-in probe names a client of its own per
		// attempt (X-Forwarded-For), believed from this machine only.
		"TOCSIN_TRUSTED_PROXIES=127.0.0.0/8,::1/128",
	)
}
