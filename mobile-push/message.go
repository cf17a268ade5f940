package mobilepush

import (
	"strconv"
	"strings"

	"firebase.google.com/go/v4/messaging"

	"github.com/tocsin/tocsin/notify"
)

// The names the app registers (see README.md).
const (
	// ChannelHigh is the Android notification channel of high-urgency
	// pages; the app creates it with importance high, sound and
	// do-not-disturb bypass.
	ChannelHigh = "tocsin_high_urgency"
	// ChannelLow is the Android channel of low-urgency pages.
	ChannelLow = "tocsin_low_urgency"
	// Category is the iOS notification category (and Android click action)
	// whose buttons are Acknowledge, Escalate and Close.
	Category = "TOCSIN_ALERT"
)

// Message is the FCM message of a page: a notification for both
// platforms, the data payload of the app contract, and the urgency
// translated per platform.
func Message(p notify.Page) *messaging.Message {
	high := p.Urgency == notify.UrgencyHigh
	title := "Tocsin"
	if p.Priority != "" {
		title = p.Priority
	}
	if p.Service != "" {
		title += " · " + p.Service
	}
	body := "#" + strconv.Itoa(p.TinyID) + " " + p.Message
	thread := "alert-" + strconv.Itoa(p.AlertID)

	data := map[string]string{
		"type":     "alert.page",
		"alert_id": strconv.Itoa(p.AlertID),
		"tiny_id":  strconv.Itoa(p.TinyID),
		"message":  p.Message,
		"priority": p.Priority,
		"service":  p.Service,
		"urgency":  string(p.Urgency),
		"link":     p.Link,
	}
	if p.IncidentID != 0 {
		// A stakeholder's news of an incident: no alert, no actions.
		body, thread = p.Message, "incident-"+strconv.Itoa(p.IncidentID)
		data = map[string]string{
			"type":        "incident.update",
			"incident_id": strconv.Itoa(p.IncidentID),
			"message":     p.Message,
			"severity":    p.Priority,
			"service":     p.Service,
			"urgency":     string(p.Urgency),
			"link":        p.Link,
		}
	}
	if p.DeliveryKey != "" {
		// The page's id, the same when it is sent again after a crash:
		// the app shows a delivery once.
		data["delivery"] = p.DeliveryKey
	}
	if p.ActionToken != "" {
		acts := make([]string, len(notify.Actions))
		for i, a := range notify.Actions {
			acts[i] = string(a)
		}
		data["action_token"] = p.ActionToken
		data["action_url"] = p.ActionURL
		data["actions"] = strings.Join(acts, ",")
	}

	android := &messaging.AndroidConfig{
		Priority: "normal",
		Notification: &messaging.AndroidNotification{
			Title: title, Body: body, ChannelID: ChannelLow, Tag: thread, ClickAction: Category,
			Priority: messaging.PriorityDefault, DefaultSound: true,
		},
	}
	aps := &messaging.Aps{
		Alert:      &messaging.ApsAlert{Title: title, Body: body},
		Category:   Category,
		ThreadID:   thread,
		Sound:      "default",
		CustomData: map[string]any{"interruption-level": "active"},
	}
	apnsPriority := "5"
	if high {
		android.Priority = "high"
		android.Notification.ChannelID = ChannelHigh
		android.Notification.Priority = messaging.PriorityMax
		apnsPriority = "10"
		aps.CustomData["interruption-level"] = "time-sensitive"
		if p.CriticalAlerts {
			aps.Sound = ""
			aps.CriticalSound = &messaging.CriticalSound{Critical: true, Name: "default", Volume: 1.0}
			aps.CustomData["interruption-level"] = "critical"
		}
	}
	return &messaging.Message{
		Token:        p.To,
		Notification: &messaging.Notification{Title: title, Body: body},
		Data:         data,
		Android:      android,
		APNS: &messaging.APNSConfig{
			// One alert, one notification on the device: a page sent again
			// (a retry whose first answer was lost, a later step) replaces
			// the earlier one instead of stacking, as Android's tag does.
			Headers: map[string]string{"apns-priority": apnsPriority, "apns-push-type": "alert", "apns-collapse-id": thread},
			Payload: &messaging.APNSPayload{Aps: aps},
		},
	}
}
