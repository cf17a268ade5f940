package server

import (
	"log/slog"
	"net/http"

	"github.com/tocsin/tocsin/contact"
	"github.com/tocsin/tocsin/incident"
	"github.com/tocsin/tocsin/notify"
	"github.com/tocsin/tocsin/viewer"
)

// The SMS hooks: /hooks/twilio/sms takes replies to pages ("42a", "aa")
// and answers with TwiML saying what happened; /hooks/twilio/status takes
// the delivery status of the messages and calls Tocsin placed. Both are
// signature-checked like the voice hooks (twilioSigned).

// smsReply acts on a reply as the person whose verified number sent it.
func (s *Server) smsReply(w http.ResponseWriter, r *http.Request) {
	replies := &contact.Replies{Client: s.deps.Client, Alerts: s.deps.Alerts, ActAs: s.deps.Auth.ActAs}
	text, err := replies.Answer(r.Context(), r.PostForm.Get("From"), r.PostForm.Get("Body"))
	if err != nil {
		slog.ErrorContext(r.Context(), "sms reply failed", "err", err)
		text = "Tocsin could not act on your reply; nothing was changed. Try again or use the app."
	}
	writeTwiML(w, notify.MessageTwiML(text))
}

// deliveryStatus records a message's or call's final status on its
// delivery and the alert's timeline.
func (s *Server) deliveryStatus(w http.ResponseWriter, r *http.Request) {
	st := notify.ParseTwilioStatus(r.PostForm)
	if st.Final {
		_, err := s.deps.Alerts.RecordDeliveryOutcome(viewer.System(r.Context()),
			incident.DeliveryOutcome{ProviderID: st.SID, Delivered: st.Delivered, Reason: st.Reason})
		if err != nil {
			// Twilio's console shows the 5xx beside the callback.
			slog.ErrorContext(r.Context(), "recording a delivery status failed", "sid", st.SID, "err", err)
			writeError(w, http.StatusInternalServerError, "INTERNAL", "the status could not be recorded")
			return
		}
	}
	w.WriteHeader(http.StatusNoContent)
}
