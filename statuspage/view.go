package statuspage

import (
	"cmp"
	"slices"
	"time"
)

// View is everything a status page shows, ready for a template or a feed.
type View struct {
	Slug        string
	Title       string
	Description string
	Public      bool
	Overall     Status
	Groups      []Group
	// Active are the open incidents touching the page's components, newest first.
	Active []IncidentView
	// Recent are incidents resolved in the last days, newest first (the feed's entries too).
	Recent []IncidentView
	// Maintenance are upcoming and ongoing windows of the page's services, soonest first.
	Maintenance []WindowView
	Now         time.Time
}

// Group is a titled set of components ("" for components without a group).
type Group struct {
	Name       string
	Components []ComponentView
}

// ComponentView is one component line.
type ComponentView struct {
	ID      int
	Name    string
	Status  Status
	History History
}

// IncidentView is an incident with the updates the page's audience may read.
type IncidentView struct {
	ID         int
	Title      string
	Status     string
	Impact     Status
	CreatedAt  time.Time
	ResolvedAt *time.Time
	Components []string
	Updates    []Update // newest first
}

// Update is one status update as the page shows it.
type Update struct {
	ID        int
	Status    string
	Message   string
	CreatedAt time.Time
}

// WindowView is a maintenance window with the components it touches.
type WindowView struct {
	Window
	Components []string
	Ongoing    bool
}

// Component is what the rules need of a configured component.
type Component struct {
	ID           int
	Name         string
	Group        string
	Position     int
	ServiceID    int // 0: none
	ServiceSince time.Time
}

// build assembles a page's view from plain values: components ordered by
// position (then id), grouped in order of each group's first component;
// incidents and windows only where they touch a component.
func build(v *View, comps []Component, incidents []Incident, updates map[int][]Update, windows []Window, now time.Time) {
	v.Now = now
	slices.SortStableFunc(comps, func(a, b Component) int {
		return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
	})
	byService := map[int][]string{}
	var statuses []Status
	for _, c := range comps {
		cv := ComponentView{ID: c.ID, Name: c.Name, Status: ComponentStatus(c.ServiceID, incidents, windows, now),
			History: Uptime(c.ServiceID, c.ServiceSince, incidents, windows, now)}
		statuses = append(statuses, cv.Status)
		if c.ServiceID != 0 {
			byService[c.ServiceID] = append(byService[c.ServiceID], c.Name)
		}
		i := slices.IndexFunc(v.Groups, func(g Group) bool { return g.Name == c.Group })
		if i < 0 {
			v.Groups = append(v.Groups, Group{Name: c.Group})
			i = len(v.Groups) - 1
		}
		v.Groups[i].Components = append(v.Groups[i].Components, cv)
	}
	v.Overall = Overall(statuses)
	for _, in := range incidents {
		var names []string
		for _, s := range in.ServiceIDs {
			names = append(names, byService[s]...)
		}
		if len(names) == 0 {
			continue
		}
		iv := IncidentView{ID: in.ID, Title: in.Title, Status: in.Status, Impact: ForSeverity(in.Severity),
			CreatedAt: in.CreatedAt, ResolvedAt: in.ResolvedAt, Components: names, Updates: updates[in.ID]}
		slices.SortFunc(iv.Updates, func(a, b Update) int { return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), b.ID-a.ID) })
		if in.Open() {
			v.Active = append(v.Active, iv)
		} else {
			v.Recent = append(v.Recent, iv)
		}
	}
	newest := func(a, b IncidentView) int { return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), b.ID-a.ID) }
	slices.SortFunc(v.Active, newest)
	slices.SortFunc(v.Recent, newest)
	for _, w := range windows {
		if !w.End.After(now) || len(byService[w.ServiceID]) == 0 {
			continue
		}
		v.Maintenance = append(v.Maintenance, WindowView{Window: w, Components: byService[w.ServiceID], Ongoing: w.Covers(now)})
	}
	slices.SortFunc(v.Maintenance, func(a, b WindowView) int { return cmp.Or(a.Start.Compare(b.Start), a.ID-b.ID) })
}
