package inbound

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// windows1252 maps the bytes 0x80–0x9F where Windows-1252 differs from
// Latin-1 (curly quotes, dashes, the euro sign); monitoring tools on Windows
// still send it.
var windows1252 = map[byte]rune{
	0x80: '€', 0x82: '‚', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x89: '‰', 0x8B: '‹',
	0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x99: '™', 0x9B: '›',
}

// toUTF8 converts text in the named charset. UTF-8, ASCII, Latin-1 and
// Windows-1252 are converted exactly; anything else is kept with invalid
// bytes replaced, which is readable for the ASCII-heavy mail alerts are.
func toUTF8(charset string, b []byte) string {
	switch strings.ToLower(strings.TrimSpace(charset)) {
	case "iso-8859-1", "latin1", "l1", "iso_8859-1", "windows-1252", "cp1252":
		var sb strings.Builder
		for _, c := range b {
			if r, ok := windows1252[c]; ok {
				sb.WriteRune(r)
			} else {
				sb.WriteRune(rune(c))
			}
		}
		return sb.String()
	}
	return strings.ToValidUTF8(string(b), string(utf8.RuneError))
}

// charsetReader lets mime.WordDecoder read RFC 2047 words in the charsets toUTF8 knows.
func charsetReader(charset string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "windows-1252", "cp1252", "latin1", "iso-8859-15":
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		return bytes.NewReader([]byte(toUTF8("windows-1252", b))), nil
	}
	return nil, fmt.Errorf("unsupported charset %q", charset)
}

var (
	htmlDrop    = regexp.MustCompile(`(?is)<(script|style|head)\b.*?</(script|style|head)\s*>|<!--.*?-->`)
	htmlBreak   = regexp.MustCompile(`(?i)<br\s*/?>|</(p|div|li|tr|h[1-6]|table|blockquote)\s*>`)
	htmlTag     = regexp.MustCompile(`(?s)<[^>]*>`)
	blankRuns   = regexp.MustCompile(`\n[ \t]*(\n[ \t]*)+`)
	spaceRuns   = regexp.MustCompile(`[ \t]+`)
	leadingSpan = regexp.MustCompile(`(?m)^[ \t]+`)
)

// stripHTML turns an HTML body into readable text: block ends become line
// breaks, tags go, entities are decoded.
func stripHTML(s string) string {
	s = htmlDrop.ReplaceAllString(s, "")
	s = strings.NewReplacer("\r", "", "\n", " ").Replace(s) // HTML line breaks are spaces
	s = htmlBreak.ReplaceAllString(s, "\n")
	s = htmlTag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = spaceRuns.ReplaceAllString(s, " ")
	s = leadingSpan.ReplaceAllString(s, "")
	s = blankRuns.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}

// truncate keeps at most max runes.
func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max])
}
