package statuspage

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The Atom feed of a page (RFC 4287): one entry per incident touching the
// page in the history's days and one per update the page shows, newest
// first.

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Content atomText `xml:"content"`

	at time.Time
}

// WriteFeed writes the Atom feed of v, whose page is at pageURL.
func WriteFeed(w io.Writer, v *View, pageURL string) error {
	f := atomFeed{ID: pageURL, Title: v.Title, Author: atomPerson{Name: v.Title},
		Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: pageURL},
			{Rel: "self", Type: "application/atom+xml", Href: pageURL + "/feed.atom"}}}
	updated := time.Time{}
	for _, in := range slices.Concat(v.Active, v.Recent) {
		anchor := pageURL + "#incident-" + strconv.Itoa(in.ID)
		at := in.CreatedAt
		if in.ResolvedAt != nil {
			at = *in.ResolvedAt
		}
		f.Entries = append(f.Entries, atomEntry{ID: anchor, Title: in.Title, Link: atomLink{Href: anchor},
			Content: atomText{Type: "text", Body: fmt.Sprintf("%s. Status: %s. Affects: %s.", in.Impact.Label(),
				statusWord(in.Status), strings.Join(in.Components, ", "))}, at: at})
		for _, u := range in.Updates {
			f.Entries = append(f.Entries, atomEntry{ID: pageURL + "#update-" + strconv.Itoa(u.ID),
				Title: in.Title + " — " + statusWord(u.Status), Link: atomLink{Href: anchor},
				Content: atomText{Type: "text", Body: u.Message}, at: u.CreatedAt})
		}
	}
	slices.SortStableFunc(f.Entries, func(a, b atomEntry) int { return b.at.Compare(a.at) })
	for i := range f.Entries {
		f.Entries[i].Updated = f.Entries[i].at.UTC().Format(time.RFC3339)
		if f.Entries[i].at.After(updated) {
			updated = f.Entries[i].at
		}
	}
	if updated.IsZero() {
		updated = v.Now
	}
	f.Updated = updated.UTC().Format(time.RFC3339)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	return enc.Encode(f)
}
