package ingest

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strings"

	entintegration "github.com/tocsin/tocsin/ent/integration"
	"github.com/tocsin/tocsin/internal/clientip"
)

// kindSet is which integration kinds a route takes, where its key is, and,
// for webhooks that carry many alerts, how to count them.
type kindSet struct {
	kinds []entintegration.Kind
	keyOf func(c *call) (string, error)
	// batch decodes the body into c.event and returns how many alerts it
	// carries, which the rate limit charges; nil: one.
	batch func(c *call) (int, error)
}

func (k kindSet) allows(kind entintegration.Kind) bool { return slices.Contains(k.kinds, kind) }

var (
	kindsOpsgenie     = kindSet{[]entintegration.Kind{entintegration.KindOPSGENIE}, keyFromRequest, nil}
	kindsHeartbeat    = kindSet{[]entintegration.Kind{entintegration.KindOPSGENIE, entintegration.KindHEARTBEAT}, keyFromRequest, nil}
	kindsPagerDuty    = kindSet{[]entintegration.Kind{entintegration.KindPAGERDUTY}, pagerDutyKey, nil}
	kindsAlertmanager = kindSet{[]entintegration.Kind{entintegration.KindALERTMANAGER}, keyFromRequest, batchOf(decodeAlertmanager)}
	kindsGrafana      = kindSet{[]entintegration.Kind{entintegration.KindGRAFANA}, keyFromRequest, batchOf(decodeGrafana)}
	kindsGeneric      = kindSet{[]entintegration.Kind{entintegration.KindGENERIC}, keyFromRequest, nil}
)

// keyFromRequest reads the key from every form senders use:
//
//	Authorization: GenieKey <key>       Opsgenie senders
//	Authorization: Bearer <key>         Alertmanager/Grafana http_config "authorization"
//	Authorization: Basic base64(:<key>) basic auth with the key as password (empty user),
//	                                    or base64(<key>) as Opsgenie's heartbeat docs show
//	?apiKey=<key> or ?key=<key>         senders that can only set a URL
func keyFromRequest(c *call) (string, error) {
	if h := strings.TrimSpace(c.r.Header.Get("Authorization")); h != "" {
		scheme, cred, _ := strings.Cut(h, " ")
		cred = strings.TrimSpace(cred)
		switch strings.ToLower(scheme) {
		case "geniekey", "bearer":
			return cred, nil
		case "basic":
			raw, err := base64.StdEncoding.DecodeString(cred)
			if err != nil {
				return "", errUnknownKeyForm
			}
			user, pass, found := strings.Cut(string(raw), ":")
			if found && pass != "" {
				return pass, nil
			}
			return user, nil
		default:
			return "", errUnknownKeyForm
		}
	}
	q := c.r.URL.Query()
	if k := q.Get("apiKey"); k != "" {
		return k, nil
	}
	return q.Get("key"), nil
}

// newUUID makes a random (version 4) UUID for request ids and generated dedup keys.
func newUUID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// callerIP is the sender's address, Opsgenie's default alert source.
func callerIP(r *http.Request) string { return clientip.From(r) }
