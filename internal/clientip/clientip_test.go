package clientip

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestResolve(t *testing.T) {
	local, err := ParseTrusted(DefaultTrusted)
	if err != nil {
		t.Fatal(err)
	}
	lb, err := ParseTrusted("127.0.0.1, 10.0.0.0/8")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		trusted string
		remote  string
		xff     []string
		want    string
	}{
		{"direct visitor", DefaultTrusted, "203.0.113.7:51000", nil, "203.0.113.7"},
		{"direct visitor cannot claim an address", DefaultTrusted, "203.0.113.7:51000", []string{"198.51.100.1"}, "203.0.113.7"},
		{"local proxy names the visitor", DefaultTrusted, "127.0.0.1:40000", []string{"198.51.100.1"}, "198.51.100.1"},
		{"a forged first hop is skipped: the proxy appended the real one", DefaultTrusted, "127.0.0.1:40000", []string{"1.2.3.4, 198.51.100.1"}, "198.51.100.1"},
		{"two trusted proxies", "127.0.0.1, 10.0.0.0/8", "127.0.0.1:40000", []string{"198.51.100.1, 10.1.2.3"}, "198.51.100.1"},
		{"headers repeated", "127.0.0.1, 10.0.0.0/8", "127.0.0.1:40000", []string{"198.51.100.1", "10.1.2.3"}, "198.51.100.1"},
		{"proxy without the header", DefaultTrusted, "127.0.0.1:40000", nil, "127.0.0.1"},
		{"garbage ends the chain at the last trusted hop", "127.0.0.1, 10.0.0.0/8", "127.0.0.1:40000", []string{"198.51.100.1, unknown, 10.1.2.3"}, "10.1.2.3"},
		{"IPv6 peer and hop", DefaultTrusted, "[::1]:40000", []string{"2001:db8::5"}, "2001:db8::5"},
		{"IPv4-mapped IPv6 is IPv4", DefaultTrusted, "[::ffff:127.0.0.1]:40000", []string{"::ffff:198.51.100.9"}, "198.51.100.9"},
		{"trust nobody", "", "127.0.0.1:40000", []string{"198.51.100.1"}, "127.0.0.1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			trusted := local
			switch tc.trusted {
			case "":
				trusted = nil
			case "127.0.0.1, 10.0.0.0/8":
				trusted = lb
			}
			if got := Resolve(trusted, tc.remote, tc.xff); got != tc.want {
				t.Errorf("Resolve(%s, %q) = %s, want %s", tc.remote, tc.xff, got, tc.want)
			}
		})
	}
}

func TestParseTrustedSaysWhatIsWrong(t *testing.T) {
	if _, err := ParseTrusted("10.0.0.0/8, proxy.local"); err == nil || err.Error() != `"proxy.local" is neither an address nor a network such as 10.0.0.0/8` {
		t.Errorf("got %v", err)
	}
	if p, err := ParseTrusted(" 192.0.2.1 2001:db8::/32 "); err != nil || len(p) != 2 || p[0].Bits() != 32 {
		t.Errorf("got %v, %v", p, err)
	}
}

func TestMiddlewareHandsTheAddressOn(t *testing.T) {
	trusted, _ := ParseTrusted(DefaultTrusted)
	var got string
	h := Middleware(trusted, http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { got = From(r) }))
	r := httptest.NewRequest(http.MethodGet, "/status", nil)
	r.RemoteAddr = "127.0.0.1:5555"
	r.Header.Set("X-Forwarded-For", "198.51.100.20")
	h.ServeHTTP(httptest.NewRecorder(), r)
	if got != "198.51.100.20" {
		t.Errorf("From = %q", got)
	}
	bare := httptest.NewRequest(http.MethodGet, "/", nil)
	bare.RemoteAddr = "192.0.2.3:1"
	if ip := From(bare); ip != "192.0.2.3" {
		t.Errorf("From without the middleware = %q, want the peer", ip)
	}
}
