package inbound

import (
	"bufio"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
)

// Email is what Tocsin reads from one message.
type Email struct {
	// From is the sender's bare address (From header).
	From string
	// To is the To header, decoded.
	To      string
	Subject string
	// Body is the text/plain part, or the text of the text/html part when
	// there is no plain one.
	Body string
	// MessageID is this message's id, without angle brackets.
	MessageID string
	// Thread is the id of the first message of the thread: the first of
	// References, else In-Reply-To, else MessageID.
	Thread string
}

// maxParts bounds the MIME parts walked, so a crafted message cannot make
// the parser spin.
const maxParts = 100

var wordDecoder = &mime.WordDecoder{CharsetReader: charsetReader}

// Parse reads an RFC 5322 message.
func Parse(r io.Reader) (*Email, error) {
	msg, err := mail.ReadMessage(bufio.NewReader(r))
	if err != nil {
		return nil, fmt.Errorf("not an email message: %w", err)
	}
	h := msg.Header
	e := &Email{
		Subject:   strings.TrimSpace(decodeHeader(h.Get("Subject"))),
		To:        decodeHeader(h.Get("To")),
		MessageID: firstID(h.Get("Message-Id")),
	}
	if from, err := h.AddressList("From"); err == nil && len(from) > 0 {
		e.From = from[0].Address
	}
	e.Thread = firstID(h.Get("References"))
	if e.Thread == "" {
		e.Thread = firstID(h.Get("In-Reply-To"))
	}
	if e.Thread == "" {
		e.Thread = e.MessageID
	}
	parts := 0
	plain, html, err := texts(h.Get("Content-Type"), h.Get("Content-Transfer-Encoding"), msg.Body, &parts)
	if err != nil {
		return nil, err
	}
	e.Body = strings.TrimSpace(plain)
	if e.Body == "" {
		e.Body = strings.TrimSpace(stripHTML(html))
	}
	return e, nil
}

// texts returns the first text/plain and first text/html content of a
// body, descending into multipart containers and skipping attachments.
func texts(contentType, encoding string, body io.Reader, parts *int) (plain, html string, err error) {
	*parts++
	if *parts > maxParts {
		return "", "", errors.New("too many MIME parts")
	}
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		mediaType, params = "text/plain", map[string]string{} // RFC 2045: the default
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if errors.Is(err, io.EOF) {
				return plain, html, nil
			}
			if err != nil {
				return plain, html, fmt.Errorf("reading MIME parts: %w", err)
			}
			if d, _, _ := mime.ParseMediaType(p.Header.Get("Content-Disposition")); d == "attachment" {
				continue
			}
			ct := p.Header.Get("Content-Type")
			if ct == "" && mediaType == "multipart/digest" {
				ct = "message/rfc822"
			}
			pl, ht, err := texts(ct, p.Header.Get("Content-Transfer-Encoding"), p, parts)
			if err != nil {
				return plain, html, err
			}
			if plain == "" {
				plain = pl
			}
			if html == "" {
				html = ht
			}
		}
	}
	if mediaType != "text/plain" && mediaType != "text/html" {
		return "", "", nil
	}
	b, err := io.ReadAll(decodeTransfer(encoding, body))
	if err != nil {
		return "", "", fmt.Errorf("decoding %s body: %w", mediaType, err)
	}
	s := toUTF8(params["charset"], b)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if mediaType == "text/html" {
		return "", s, nil
	}
	return s, "", nil
}

func decodeTransfer(encoding string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, r) // skips line breaks itself
	}
	return r
}

func decodeHeader(s string) string {
	d, err := wordDecoder.DecodeHeader(s)
	if err != nil {
		return s
	}
	return d
}

// firstID returns the first <message-id> of a header, without brackets.
func firstID(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "<"); i >= 0 {
		if j := strings.Index(s[i:], ">"); j > 0 {
			return strings.TrimSpace(s[i+1 : i+j])
		}
	}
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}
