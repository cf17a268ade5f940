package statuspage

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tocsin/tocsin/ent"
	"github.com/tocsin/tocsin/ent/incident"
	"github.com/tocsin/tocsin/ent/maintenancewindow"
	"github.com/tocsin/tocsin/ent/service"
	"github.com/tocsin/tocsin/ent/statuspage"
	"github.com/tocsin/tocsin/ent/statusupdate"
	"github.com/tocsin/tocsin/viewer"
	"golang.org/x/sync/singleflight"
)

// ErrNotFound is a slug no page has.
var ErrNotFound = errors.New("no such status page")

// CacheTTL is how long a loaded view is served from memory: status pages
// get hit hard exactly when something is broken.
const CacheTTL = 5 * time.Second

// Pages loads status pages.
type Pages struct {
	Client *ent.Client
	Now    func() time.Time
	// TTL overrides CacheTTL (negative: no cache, for tests).
	TTL time.Duration

	mu    sync.Mutex
	cache map[string]cached
	// loading shares one load of a slug among the requests that missed
	// the cache together: when it expires under a stampede, the database
	// sees one page's queries, not one set per visitor.
	loading singleflight.Group
	loads   atomic.Int64 // loads done (for tests)
}

type cached struct {
	v  *View
	at time.Time
}

func (p *Pages) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

// Load returns the view of the page at slug ("" is /status), from a cache
// of at most TTL. It reads as the system: the page is public or the door
// has checked the session; what each audience may read is decided here.
func (p *Pages) Load(ctx context.Context, slug string) (*View, error) {
	if v := p.cached(slug); v != nil {
		return v, nil
	}
	shared, err, _ := p.loading.Do(slug, func() (any, error) {
		// A load that finished between the check above and here counts.
		if v := p.cached(slug); v != nil {
			return v, nil
		}
		p.loads.Add(1)
		now := p.now()
		v, err := p.load(viewer.System(context.WithoutCancel(ctx)), slug, now)
		if err != nil {
			return nil, err
		}
		p.mu.Lock()
		if p.cache == nil {
			p.cache = map[string]cached{}
		}
		p.cache[slug] = cached{v: v, at: now}
		p.mu.Unlock()
		return v, nil
	})
	if err != nil {
		return nil, err
	}
	return shared.(*View), nil
}

// cached is the view of slug loaded less than TTL ago, or nil.
func (p *Pages) cached(slug string) *View {
	ttl := cmpTTL(p.TTL)
	p.mu.Lock()
	defer p.mu.Unlock()
	if c, ok := p.cache[slug]; ok && ttl > 0 && p.now().Sub(c.at) < ttl {
		return c.v
	}
	return nil
}

func cmpTTL(t time.Duration) time.Duration {
	if t == 0 {
		return CacheTTL
	}
	return t
}

// audiences are the update audiences a page shows: PUBLIC on a public
// page; PUBLIC and STAKEHOLDER on the internal page (every signed-in user,
// stakeholders included, may read those). INTERNAL never.
func audiences(public bool) []statusupdate.Audience {
	if public {
		return []statusupdate.Audience{statusupdate.AudiencePUBLIC}
	}
	return []statusupdate.Audience{statusupdate.AudiencePUBLIC, statusupdate.AudienceSTAKEHOLDER}
}

func (p *Pages) load(ctx context.Context, slug string, now time.Time) (*View, error) {
	pg, err := p.Client.StatusPage.Query().Where(statuspage.Slug(slug)).
		WithComponents(func(q *ent.StatusComponentQuery) {
			q.WithService(func(q *ent.ServiceQuery) { q.Select(service.FieldID, service.FieldCreatedAt) })
		}).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("loading status page %q: %w", slug, err)
	}
	v := &View{Slug: pg.Slug, Title: pg.Title, Description: pg.Description, Public: pg.Public}
	var comps []Component
	var serviceIDs []int
	for _, c := range pg.Edges.Components {
		comp := Component{ID: c.ID, Name: c.Name, Group: c.GroupName, Position: c.Position}
		if s := c.Edges.Service; s != nil {
			comp.ServiceID, comp.ServiceSince = s.ID, s.CreatedAt
			serviceIDs = append(serviceIDs, s.ID)
		}
		comps = append(comps, comp)
	}
	incidents, updates, windows, err := p.touching(ctx, serviceIDs, audiences(pg.Public), now)
	if err != nil {
		return nil, fmt.Errorf("loading status page %q: %w", slug, err)
	}
	build(v, comps, incidents, updates, windows, now)
	return v, nil
}

// touching loads the incidents of the services open now or resolved in the
// history's days, their updates for the audiences, and the maintenance
// windows ending after the history's first day.
func (p *Pages) touching(ctx context.Context, serviceIDs []int, aud []statusupdate.Audience, now time.Time) (
	[]Incident, map[int][]Update, []Window, error) {
	if len(serviceIDs) == 0 {
		return nil, nil, nil, nil
	}
	from := now.UTC().Truncate(24*time.Hour).AddDate(0, 0, -HistoryDays)
	rows, err := p.Client.Incident.Query().
		Where(incident.HasServicesWith(service.IDIn(serviceIDs...)),
			incident.Or(incident.StatusNEQ(incident.StatusRESOLVED), incident.ResolvedAtGT(from))).
		WithServices(func(q *ent.ServiceQuery) { q.Select(service.FieldID) }).
		WithStatusUpdates(func(q *ent.StatusUpdateQuery) { q.Where(statusupdate.AudienceIn(aud...)) }).
		All(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	var incidents []Incident
	updates := map[int][]Update{}
	for _, r := range rows {
		in := Incident{ID: r.ID, Title: r.Title, Severity: string(r.Severity), Status: string(r.Status),
			CreatedAt: r.CreatedAt, ResolvedAt: r.ResolvedAt}
		for _, s := range r.Edges.Services {
			in.ServiceIDs = append(in.ServiceIDs, s.ID)
		}
		incidents = append(incidents, in)
		for _, u := range r.Edges.StatusUpdates {
			updates[r.ID] = append(updates[r.ID], Update{ID: u.ID, Status: string(u.Status), Message: u.Message, CreatedAt: u.CreatedAt})
		}
	}
	ws, err := p.Client.MaintenanceWindow.Query().
		Where(maintenancewindow.ServiceIDIn(serviceIDs...), maintenancewindow.EndsAtGT(from)).All(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	var windows []Window
	for _, w := range ws {
		windows = append(windows, Window{ID: w.ID, ServiceID: w.ServiceID, Start: w.StartsAt, End: w.EndsAt, Reason: w.Reason})
	}
	return incidents, updates, windows, nil
}
