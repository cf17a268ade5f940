package notify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultTwilioURL is Twilio's REST API; TOCSIN_TWILIO_BASE_URL points
// elsewhere for compatible providers and for tests.
const DefaultTwilioURL = "https://api.twilio.com"

// Twilio is a client of the Twilio REST API (2010-04-01), shared by the SMS
// and voice channels: form-encoded POSTs with Basic auth of the Account SID
// and auth token, answered with JSON.
type Twilio struct {
	AccountSID string
	AuthToken  string
	// From is the sending number (E.164); for SMS it may also be a
	// Messaging Service SID (MG…). Calls need a number.
	From string
	// BaseURL is the API's root, DefaultTwilioURL unless told otherwise.
	BaseURL string
	// PublicURL is Tocsin's own base URL: status callbacks and the voice
	// TwiML live under {PublicURL}/hooks/twilio/.
	PublicURL string
	// HTTP is the client used; nil means one with a 15 s timeout.
	HTTP *http.Client
}

// twilioResource is the part of a created Message or Call that we read.
type twilioResource struct {
	SID    string `json:"sid"`
	Status string `json:"status"`
}

// twilioError is Twilio's error body.
type twilioError struct {
	Code     int    `json:"code"`
	Message  string `json:"message"`
	MoreInfo string `json:"more_info"`
	Status   int    `json:"status"`
}

// twilioPermanent classifies Twilio's error codes: true means retrying
// cannot help. Codes not listed follow the HTTP status (twilioFailure).
var twilioPermanent = map[int]bool{
	20003: true,  // authentication failed: the SID or token is wrong
	20404: true,  // the account or resource does not exist
	20429: false, // too many requests
	14107: false, // SMS rate limit exceeded
	21211: true,  // invalid 'To' number
	21214: true,  // 'To' number cannot be reached
	21217: true,  // phone number does not appear to be valid
	21408: true,  // sending to this region is not enabled
	21606: true,  // the 'From' number cannot send SMS
	21608: true,  // unverified 'To' number (trial account)
	21610: true,  // the recipient replied STOP
	21612: true,  // 'To' number is unroutable
	21614: true,  // 'To' number is not a mobile number
}

// twilioFailure classifies a refused request: listed codes by the table,
// then 408, 429 and 5xx temporary, any other 4xx permanent.
func twilioFailure(channel string, status int, e twilioError) error {
	msg := e.Message
	if msg == "" {
		msg = http.StatusText(status)
	}
	err := fmt.Errorf("Twilio answered %d: %s", status, msg)
	code := strconv.Itoa(status)
	if e.Code != 0 {
		code = strconv.Itoa(e.Code)
		if perm, ok := twilioPermanent[e.Code]; ok {
			if perm {
				return Permanent(channel, code, err)
			}
			return Temporary(channel, code, err)
		}
	}
	if status == http.StatusRequestTimeout || status == http.StatusTooManyRequests || status >= 500 {
		return Temporary(channel, code, err)
	}
	return Permanent(channel, code, err)
}

// create POSTs form to {base}/2010-04-01/Accounts/{sid}/{resource}.json.
func (t *Twilio) create(ctx context.Context, channel, resource string, form url.Values) (twilioResource, error) {
	base := t.BaseURL
	if base == "" {
		base = DefaultTwilioURL
	}
	endpoint := strings.TrimRight(base, "/") + "/2010-04-01/Accounts/" + url.PathEscape(t.AccountSID) + "/" + resource + ".json"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return twilioResource{}, Permanent(channel, "", err)
	}
	req.SetBasicAuth(t.AccountSID, t.AuthToken)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	hc := t.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 15 * time.Second}
	}
	resp, err := hc.Do(req)
	if err != nil {
		return twilioResource{}, Temporary(channel, "", fmt.Errorf("reaching Twilio: %w", err))
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		var e twilioError
		_ = json.Unmarshal(body, &e) // a body that is not Twilio's leaves the status to decide
		return twilioResource{}, twilioFailure(channel, resp.StatusCode, e)
	}
	var r twilioResource
	if err := json.Unmarshal(body, &r); err != nil || r.SID == "" {
		// Twilio took the request; only its answer is unreadable. Sending
		// again could page twice, so this counts as sent.
		return twilioResource{Status: "accepted"}, nil
	}
	return r, nil
}

// hook is the URL of one of Tocsin's Twilio webhooks.
func (t *Twilio) hook(path string) string {
	return strings.TrimRight(t.PublicURL, "/") + "/hooks/twilio/" + path
}

// check says what is missing for sending.
func (t *Twilio) check() error {
	var missing []string
	for _, v := range [][2]string{{"TOCSIN_TWILIO_ACCOUNT_SID", t.AccountSID}, {"TOCSIN_TWILIO_AUTH_TOKEN", t.AuthToken}, {"TOCSIN_TWILIO_FROM", t.From}} {
		if v[1] == "" {
			missing = append(missing, v[0])
		}
	}
	if len(missing) > 0 {
		return errors.New("Twilio is not configured: set " + strings.Join(missing, ", "))
	}
	return nil
}
