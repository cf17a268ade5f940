package notify

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"net/url"
	"sort"
	"strings"
)

// TwilioSignature computes X-Twilio-Signature for a request to fullURL
// (scheme, host, path and query, exactly as Twilio requested it) with the
// POST parameters params, as https://www.twilio.com/docs/usage/security
// describes: the URL, then each parameter name followed by its value,
// names sorted, signed with HMAC-SHA1 under the auth token and base64
// encoded. A name with several values contributes each, values sorted.
func TwilioSignature(authToken, fullURL string, params url.Values) string {
	var b strings.Builder
	b.WriteString(fullURL)
	names := make([]string, 0, len(params))
	for k := range params {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		vals := append([]string(nil), params[k]...)
		sort.Strings(vals)
		for _, v := range vals {
			b.WriteString(k)
			b.WriteString(v)
		}
	}
	m := hmac.New(sha1.New, []byte(authToken))
	m.Write([]byte(b.String()))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// ValidTwilioSignature reports whether signature (the X-Twilio-Signature
// header) is Twilio's for the request. Like Twilio's own helpers it also
// accepts the URL with the default port added or removed, since proxies
// differ in whether they keep ":443".
func ValidTwilioSignature(authToken, signature, fullURL string, params url.Values) bool {
	if authToken == "" || signature == "" {
		return false
	}
	for _, u := range urlVariants(fullURL) {
		if hmac.Equal([]byte(signature), []byte(TwilioSignature(authToken, u, params))) {
			return true
		}
	}
	return false
}

// urlVariants is the URL as given and with its default port toggled.
func urlVariants(raw string) []string {
	out := []string{raw}
	u, err := url.Parse(raw)
	if err != nil {
		return out
	}
	def := map[string]string{"https": "443", "http": "80"}[u.Scheme]
	if def == "" {
		return out
	}
	switch u.Port() {
	case "":
		u.Host += ":" + def
	case def:
		u.Host = u.Hostname()
	default:
		return out
	}
	return append(out, u.String())
}
