package statuspage

import (
	"bytes"
	"context"
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

func TestFeedIsValidAtomWithAnEntryPerIncidentAndPublicUpdate(t *testing.T) {
	f := newFixture(t, true)
	v, err := (&Pages{Client: env.Client, TTL: -1}).Load(context.Background(), "acme")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteFeed(&buf, v, "https://tocsin.test/status/acme"); err != nil {
		t.Fatal(err)
	}
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Author  struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Content string `xml:"content"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &feed); err != nil {
		t.Fatalf("not XML: %v\n%s", err, buf.String())
	}
	if feed.ID == "" || feed.Title != "Acme status" || feed.Author.Name == "" {
		t.Errorf("want the feed's id, title and author, got %+v", feed)
	}
	if _, err := time.Parse(time.RFC3339, feed.Updated); err != nil {
		t.Errorf("feed updated: want RFC 3339, got %q", feed.Updated)
	}
	if len(feed.Entries) != 2 {
		t.Fatalf("want 2 entries (the incident, its public update), got %d:\n%s", len(feed.Entries), buf.String())
	}
	for _, e := range feed.Entries {
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil || e.ID == "" || e.Title == "" || e.Link.Href == "" {
			t.Errorf("entry missing a required element: %+v", e)
		}
	}
	if feed.Entries[0].Content != f.public.Message {
		t.Errorf("want the newest entry to be the public update, got %+v", feed.Entries[0])
	}
	if s := buf.String(); strings.Contains(s, f.private.Message) || strings.Contains(s, f.stakeholder.Message) {
		t.Errorf("the public feed holds a non-public update:\n%s", s)
	}
}
