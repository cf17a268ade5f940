package notify_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tocsin/tocsin/notify"
)

// recordingTwilio keeps the messages and calls it is sent and lists them
// as Twilio's list endpoints do: GET with Basic auth, filtered by To and
// From, newest first, under "messages" or "calls", dates in RFC 1123 form.
type recordingTwilio struct {
	t *testing.T
	*httptest.Server
	mu    sync.Mutex
	items map[string][]map[string]string // "Messages" / "Calls" → newest last
	lists []url.Values
}

func newRecordingTwilio(t *testing.T) *recordingTwilio {
	f := &recordingTwilio{t: t, items: map[string][]map[string]string{}}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, pass, ok := r.BasicAuth()
		if !ok || user != testSID || pass != testToken {
			t.Errorf("want Basic auth %s:%s, got %v %q:%q", testSID, testToken, ok, user, pass)
		}
		prefix := "/2010-04-01/Accounts/" + testSID + "/"
		resource, found := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, prefix), ".json")
		if !strings.HasPrefix(r.URL.Path, prefix) || !found || (resource != "Messages" && resource != "Calls") {
			t.Errorf("unexpected path %s", r.URL.Path)
			http.NotFound(w, r)
			return
		}
		f.mu.Lock()
		defer f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch r.Method {
		case http.MethodPost:
			body, _ := io.ReadAll(r.Body)
			form, _ := url.ParseQuery(string(body))
			kind := map[string]string{"Messages": "SM", "Calls": "CA"}[resource]
			it := map[string]string{"sid": fmt.Sprintf("%s%032d", kind, len(f.items[resource])+1), "to": form.Get("To"),
				"from": form.Get("From"), "body": form.Get("Body"), "status": "queued",
				"messaging_service_sid": form.Get("MessagingServiceSid"),
				"date_created":          time.Now().UTC().Format(time.RFC1123Z)}
			f.items[resource] = append(f.items[resource], it)
			w.WriteHeader(http.StatusCreated)
			json.NewEncoder(w).Encode(it)
		case http.MethodGet:
			q := r.URL.Query()
			f.lists = append(f.lists, q)
			out := []map[string]string{}
			all := f.items[resource]
			for i := len(all) - 1; i >= 0; i-- {
				if (q.Get("To") == "" || all[i]["to"] == q.Get("To")) && (q.Get("From") == "" || all[i]["from"] == q.Get("From")) {
					out = append(out, all[i])
				}
			}
			json.NewEncoder(w).Encode(map[string]any{strings.ToLower(resource): out, "page": 0, "page_size": 50})
		default:
			t.Errorf("unexpected method %s", r.Method)
		}
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *recordingTwilio) client() *notify.Twilio {
	return &notify.Twilio{AccountSID: testSID, AuthToken: testToken, From: "+15005550006", BaseURL: f.URL, PublicURL: "https://tocsin.example.com"}
}

// A page Twilio took is found by its number, body and time, and only then;
// the list request is the one Twilio documents.
func TestSMSFindsAMessageTwilioTook(t *testing.T) {
	f := newRecordingTwilio(t)
	sms := &notify.SMS{Twilio: f.client()}
	ctx := context.Background()
	before := time.Now()
	r, err := sms.Send(ctx, page)
	if err != nil {
		t.Fatal(err)
	}
	after := time.Now().Add(time.Second)
	got, found, err := sms.Find(ctx, page, before, after)
	if err != nil || !found || got.ProviderID != r.ProviderID {
		t.Fatalf("Find after Send: want %s, got %+v found=%v err=%v", r.ProviderID, got, found, err)
	}
	if q := f.lists[0]; q.Get("To") != page.To || q.Get("From") != "+15005550006" || q.Get("PageSize") != "50" {
		t.Errorf("list query: %v", q)
	}
	other := page
	other.AlertID, other.TinyID, other.Message = 4294967338, 43, "Another alert"
	if _, found, err := sms.Find(ctx, other, before, after); err != nil || found {
		t.Errorf("another alert's SMS to the same number: want not found, got found=%v err=%v", found, err)
	}
	if _, found, err := sms.Find(ctx, page, before.Add(-time.Hour), before.Add(-time.Minute)); err != nil || found {
		t.Errorf("a window before the send: want not found, got found=%v err=%v", found, err)
	}
}

func TestVoiceFindsACallTwilioPlaced(t *testing.T) {
	f := newRecordingTwilio(t)
	voice := &notify.Voice{Twilio: f.client()}
	ctx := context.Background()
	before := time.Now()
	if _, found, err := voice.Find(ctx, page, before, before.Add(time.Minute)); err != nil || found {
		t.Fatalf("before any call: want not found, got found=%v err=%v", found, err)
	}
	r, err := voice.Send(ctx, page)
	if err != nil {
		t.Fatal(err)
	}
	got, found, err := voice.Find(ctx, page, before, time.Now().Add(time.Second))
	if err != nil || !found || got.ProviderID != r.ProviderID || !strings.HasPrefix(got.Summary, "voice call to ") {
		t.Fatalf("Find after Send: want %s, got %+v found=%v err=%v", r.ProviderID, got, found, err)
	}
}

// A provider that cannot list answers a permanent error; one that is down,
// a temporary one — the engine sends in the first case and waits in the
// second.
func TestFindFailuresAreClassified(t *testing.T) {
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer down.Close()
	missing := httptest.NewServer(http.NotFoundHandler())
	defer missing.Close()
	for name, tc := range map[string]struct {
		url       string
		permanent bool
	}{"503": {down.URL, false}, "404": {missing.URL, true}} {
		tw := &notify.Twilio{AccountSID: testSID, AuthToken: testToken, From: "+15005550006", BaseURL: tc.url}
		_, _, err := (&notify.SMS{Twilio: tw}).Find(context.Background(), page, time.Now(), time.Now())
		if err == nil || notify.IsPermanent(err) != tc.permanent {
			t.Errorf("%s: want an error, permanent=%v; got %v", name, tc.permanent, err)
		}
	}
}
