package main

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/tocsin/tocsin/notify"
)

// receipt is one webhook request the provider got.
type receipt struct {
	at      time.Time
	path    string // whose webhook: /u<user id>
	key     string // X-Tocsin-Delivery: the page (pager.DeliveryKey), the same on every attempt
	message string // the alert's
}

// receiver is the provider: it keeps every request, and when each alert's
// first page came.
type receiver struct {
	mu       sync.Mutex
	all      []receipt
	firstFor map[string]time.Time // alert message → first page
}

func newReceiver() *receiver { return &receiver{firstFor: map[string]time.Time{}} }

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	at := time.Now()
	var p notify.WebhookPayload
	_ = json.NewDecoder(req.Body).Decode(&p)
	r.mu.Lock()
	r.all = append(r.all, receipt{at: at, path: req.URL.Path, key: req.Header.Get(notify.DeliveryHeader), message: p.Alert.Message})
	if _, ok := r.firstFor[p.Alert.Message]; !ok {
		r.firstFor[p.Alert.Message] = at
	}
	r.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// first is when msg's first page came.
func (r *receiver) first(msg string) (time.Time, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	at, ok := r.firstFor[msg]
	return at, ok
}

// allPaged reports whether every one of msgs has had a page.
func (r *receiver) allPaged(msgs []string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, m := range msgs {
		if _, ok := r.firstFor[m]; !ok {
			return false
		}
	}
	return true
}

// receipts is a copy of every request so far.
func (r *receiver) receipts() []receipt {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]receipt(nil), r.all...)
}
