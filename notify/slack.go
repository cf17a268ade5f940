package notify

import (
	"fmt"
	"strings"
)

// Slack's Block Kit, as much of it as a page uses
// (https://api.slack.com/messaging/webhooks).
type (
	// SlackPayload is the body POSTed to a Slack incoming webhook.
	SlackPayload struct {
		// Text is the notification and fallback text.
		Text   string       `json:"text"`
		Blocks []SlackBlock `json:"blocks"`
	}
	// SlackBlock is a section or an actions block.
	SlackBlock struct {
		Type     string         `json:"type"`
		Text     *SlackText     `json:"text,omitempty"`
		Elements []SlackElement `json:"elements,omitempty"`
	}
	// SlackText is mrkdwn or plain_text.
	SlackText struct {
		Type string `json:"type"`
		Text string `json:"text"`
	}
	// SlackElement is a link button.
	SlackElement struct {
		Type     string     `json:"type"`
		Text     *SlackText `json:"text"`
		URL      string     `json:"url"`
		ActionID string     `json:"action_id"`
		Style    string     `json:"style,omitempty"`
	}
)

// slackEscape escapes the three characters Slack's mrkdwn reserves.
var slackEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// SlackMessage formats a page for a Slack incoming webhook: the alert as a
// linked headline and, when the page carries an action URL, buttons that
// open Tocsin's confirmation page for acknowledge, escalate and close.
func SlackMessage(p Page) SlackPayload {
	title := slackEscape.Replace(p.title())
	head := "*" + title + "*"
	if p.Link != "" {
		head = fmt.Sprintf("*<%s|%s>*", p.Link, title)
	}
	lines := []string{head}
	if p.Description != "" {
		d := []rune(p.Description)
		if len(d) > 500 {
			d = append(d[:500], '…')
		}
		lines = append(lines, slackEscape.Replace(string(d)))
	}
	lines = append(lines, fmt.Sprintf("Urgency: %s", p.Urgency))
	out := SlackPayload{
		Text:   "Tocsin alert: " + p.title(),
		Blocks: []SlackBlock{{Type: "section", Text: &SlackText{Type: "mrkdwn", Text: strings.Join(lines, "\n")}}},
	}
	if p.ActionURL != "" {
		styles := map[Action]string{Acknowledge: "primary", Close: "danger"}
		labels := map[Action]string{Acknowledge: "Acknowledge", Escalate: "Escalate", Close: "Close"}
		var els []SlackElement
		for _, a := range Actions {
			els = append(els, SlackElement{Type: "button", Text: &SlackText{Type: "plain_text", Text: labels[a]},
				URL: p.actionLink(a), ActionID: "tocsin_" + string(a), Style: styles[a]})
		}
		out.Blocks = append(out.Blocks, SlackBlock{Type: "actions", Elements: els})
	}
	return out
}
