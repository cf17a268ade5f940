package server

import (
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"

	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/viewer"
)

// The voice hooks answer Twilio during a paging call (notify.Voice places
// it): /hooks/twilio/voice says the alert and gathers a key,
// /hooks/twilio/voice/gather acts on the key with the call's action token.
// Both check X-Twilio-Signature against TOCSIN_TWILIO_AUTH_TOKEN and the URL
// Twilio requested under TOCSIN_BASE_URL; anything unsigned is a 403.

func (s *Server) twilioHooks() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /hooks/twilio/voice", s.twilioSigned(s.voicePrompt))
	mux.HandleFunc("POST /hooks/twilio/voice/gather", s.twilioSigned(s.voiceGather))
	mux.HandleFunc("POST /hooks/twilio/sms", s.twilioSigned(s.smsReply))
	mux.HandleFunc("POST /hooks/twilio/status", s.twilioSigned(s.deliveryStatus))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern == "" {
			writeError(w, http.StatusNotFound, "NOT_FOUND", "no such Twilio hook; Tocsin serves POST /hooks/twilio/voice, /hooks/twilio/voice/gather, /hooks/twilio/sms and /hooks/twilio/status")
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// twilioSigned lets only requests signed with the auth token through.
func (s *Server) twilioSigned(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			writeError(w, http.StatusBadRequest, "BAD_REQUEST", "the body must be form-encoded")
			return
		}
		full := s.deps.Config.BaseURL + r.URL.RequestURI()
		if !notify.ValidTwilioSignature(s.deps.Config.TwilioAuthToken, r.Header.Get("X-Twilio-Signature"), full, r.PostForm) {
			writeError(w, http.StatusForbidden, "FORBIDDEN", "missing or wrong X-Twilio-Signature")
			return
		}
		next(w, r)
	}
}

func writeTwiML(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write(body)
}

// voicePrompt reads the alert as it is now and, with a token, gathers a key.
func (s *Server) voicePrompt(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.Atoi(r.URL.Query().Get("alert"))
	a, err := s.deps.Client.Alert.Get(viewer.System(r.Context()), id)
	if err != nil {
		writeTwiML(w, notify.VoiceSayTwiML("This is Tocsin. The alert of this call no longer exists. Goodbye."))
		return
	}
	p := notify.VoicePrompt{TinyID: incident.TinyID(a.ID), Message: a.Message, Priority: string(a.Priority)}
	if svc, err := a.QueryService().Only(viewer.System(r.Context())); err == nil {
		p.Service = svc.Name
	}
	if tok := r.URL.Query().Get("token"); tok != "" {
		p.GatherURL = s.deps.Config.BaseURL + "/hooks/twilio/voice/gather?" + url.Values{"token": {tok}}.Encode()
	}
	writeTwiML(w, notify.VoiceTwiML(p))
}

// voiceGather acts on the key pressed and says how it went.
func (s *Server) voiceGather(w http.ResponseWriter, r *http.Request) {
	act, ok := notify.DigitAction(r.PostForm.Get("Digits"))
	if !ok {
		writeTwiML(w, notify.VoiceSayTwiML("That key does nothing. Nothing was changed. Goodbye."))
		return
	}
	a, err := s.act(r, r.URL.Query().Get("token"), act, "")
	if err == nil {
		writeTwiML(w, notify.VoiceSayTwiML("Alert "+strconv.Itoa(incident.TinyID(a.ID))+" "+pastTense[act]+". Goodbye."))
		return
	}
	var state *incident.StateError
	if errors.As(err, &state) {
		writeTwiML(w, notify.VoiceSayTwiML(state.Reason+". Goodbye."))
		return
	}
	_, code, msg := actionError(r, err)
	slog.InfoContext(r.Context(), "voice action refused", "code", code, "err", err)
	writeTwiML(w, notify.VoiceSayTwiML("Nothing was changed: "+msg+". Goodbye."))
}
