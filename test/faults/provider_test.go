package faults_test

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/tocsin/tocsin/notify"
)

// provider is the webhook receiver: every request it got. Each responder's
// webhook has a path of its own (/u<user id>), so the path says who was
// paged.
type provider struct {
	mu   sync.Mutex
	hits map[string][]hit // by alert message
}

// hit is one request: when it came, its delivery key (the engine's
// deliveries row, the same on every attempt of one page) and whom it paged.
type hit struct {
	at   time.Time
	key  string
	path string
}

func newProvider() *provider { return &provider{hits: map[string][]hit{}} }

func (p *provider) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	at := time.Now()
	var body notify.WebhookPayload
	_ = json.NewDecoder(r.Body).Decode(&body)
	p.mu.Lock()
	p.hits[body.Alert.Message] = append(p.hits[body.Alert.Message], hit{at: at, key: r.Header.Get(notify.DeliveryHeader), path: r.URL.Path})
	p.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func (p *provider) paged(msg string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.hits[msg]) > 0
}

// pages is what a receiver honouring the delivery key shows for one alert:
// each key once, at its first request; resends are the requests repeating
// a key, with the time of that key's first request.
func pages(hits []hit) (shown []hit, resends []hit) {
	first := map[string]time.Time{}
	for _, h := range hits {
		if at, ok := first[h.key]; ok {
			resends = append(resends, hit{at: at, key: h.key, path: h.path})
			continue
		}
		first[h.key] = h.at
		shown = append(shown, h)
	}
	return shown, resends
}
