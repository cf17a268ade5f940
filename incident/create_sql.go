package incident

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/tocsin/tocsin/ent"
)

// createSQL is Create in one statement, so a new alert costs PostgreSQL one
// round trip and one commit. Its parts, in the order PostgreSQL runs them
// (all data-modifying CTEs run, against one snapshot):
//
//	cur       the open alert with the alias, locked (a repeat waits for the
//	          request before it; FOR UPDATE re-reads the newest version)
//	upd       a repeat: count + 1, last_occurred_at moves forward
//	ins       a new alert, only when there is no open one — so repeats do not
//	          consume ids; ON CONFLICT covers a concurrent insert of the same
//	          alias (then no row comes back and Create runs the statement again)
//	created   timeline of a new alert: CREATED, NOTE_ADDED, IN_MAINTENANCE
//	recent…   timeline of a repeat: bump the last DEDUPLICATED entry inside
//	          the debounce period, else add one (a repeat that waited for
//	          another one's lock does not see that one's new entry — the
//	          snapshot is older — and adds its own: entries may be more
//	          than one per period, their repeats still add up exactly)
//	request   the API request status of a repeat, when the door gave a
//	          request id; a new alert keeps its request id itself
//	          (alerts.request_id), which is one row less per alert
//
// A new alert outside a maintenance window gets escalation_due_at = now: the
// paging engine's state is stored with the alert. Parameters: see createArgs.
//
// (Grouping concurrent creates into one statement over arrays was tried and
// measured: on the 2-core reference machine batches stayed small and the
// array plans cost more than they saved — see docs/benchmarks.md.)
const createSQL = `
WITH cur AS (
	SELECT id FROM alerts
	WHERE service_id = $2 AND alias = $4::text AND status <> 'CLOSED'
	FOR UPDATE
), upd AS (
	UPDATE alerts a SET count = a.count + 1, last_occurred_at = greatest(a.last_occurred_at, $14::timestamptz), updated_at = $1
	FROM cur WHERE a.id = cur.id
	RETURNING a.id, a.alias, a.count, a.in_maintenance
), ins AS (
	INSERT INTO alerts (created_at, updated_at, service_id, integration_id, alias, message, description, source, entity,
		priority, status, details, tags, actions, responders, count, first_occurred_at, last_occurred_at,
		in_maintenance, escalation_due_at, request_id)
	SELECT $1, $1, $2, nullif($3::bigint, 0), $4::text, $5::text, $6, $7, $8, $9, 'OPEN', $10::jsonb, $11::jsonb, $12::jsonb,
		$13::jsonb, 1, $14, $14, m.maint, CASE WHEN m.maint THEN NULL ELSE $1::timestamptz END, nullif($20::text, '')
	FROM (SELECT EXISTS (SELECT 1 FROM maintenance_windows w
		WHERE w.service_id = $2 AND w.starts_at <= $1 AND w.ends_at > $1) AS maint) m
	WHERE NOT EXISTS (SELECT 1 FROM cur)
	ON CONFLICT (service_id, alias) WHERE status <> 'CLOSED' DO NOTHING
	RETURNING id, alias, count, in_maintenance
), created AS (
	INSERT INTO timeline_events (kind, actor_type, actor_name, actor_id, data, visibility, created_at, alert_id)
	SELECT e.kind, e.actor_type, e.actor_name, e.actor_id, e.data, 'INTERNAL', $1, ins.id
	FROM ins, LATERAL (VALUES
		(1, 'CREATED', $15::text, $16::text, nullif($17::bigint, 0), $19::jsonb, true),
		(2, 'NOTE_ADDED', $15::text, $16::text, nullif($17::bigint, 0), jsonb_build_object('note', $18::text), $18::text <> ''),
		(3, 'IN_MAINTENANCE', 'SYSTEM', 'Tocsin', NULL::bigint,
			'{"reason": "created during a maintenance window: not paged"}'::jsonb, ins.in_maintenance)
	) e(n, kind, actor_type, actor_name, actor_id, data, wanted)
	WHERE e.wanted
	ORDER BY e.n
), recent AS (
	SELECT t.id FROM timeline_events t, upd
	WHERE t.alert_id = upd.id AND t.kind = 'DEDUPLICATED' AND t.created_at > $1::timestamptz - make_interval(secs => $21)
	ORDER BY t.id DESC
	LIMIT 1
), bumped AS (
	UPDATE timeline_events t SET data = t.data || jsonb_build_object(
		'repeats', coalesce((t.data->>'repeats')::numeric, 0) + 1, 'count', upd.count, 'last_message', $5::text)
	FROM recent, upd
	WHERE t.id = recent.id
), repeated AS (
	INSERT INTO timeline_events (kind, actor_type, actor_name, actor_id, data, visibility, created_at, alert_id)
	SELECT 'DEDUPLICATED', $15::text, $16::text, nullif($17::bigint, 0),
		jsonb_build_object('count', upd.count, 'repeats', 1, 'last_message', $5::text), 'INTERNAL', $1, upd.id
	FROM upd
	WHERE NOT EXISTS (SELECT 1 FROM recent)
), request AS (
	INSERT INTO ingest_requests (request_id, integration_id, action, success, status, alert_id, alias, processed_at)
	SELECT $20::text, $3, 'Create', true, '` + StatusDeduplicated + `', id, alias, $1
	FROM upd
	WHERE $20::text <> ''
)
SELECT id, alias, count, in_maintenance, false FROM ins
UNION ALL
SELECT id, alias, count, in_maintenance, true FROM upd`

// createArgs are createSQL's parameters $1…$21.
func (s *Alerts) createArgs(by Actor, n NewAlert, now time.Time) ([]any, error) {
	data := map[string]any{"message": n.Message, "priority": string(n.Priority), "alias": n.Alias}
	if n.Source != "" {
		data["source"] = n.Source
	}
	var js [5]string
	for i, v := range []any{orEmpty(n.Details), orEmptySlice(n.Tags), orEmptySlice(n.Actions), orEmptyResponders(n.Responders), data} {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("encoding alert: %w", err)
		}
		js[i] = string(b)
	}
	return []any{
		now, n.ServiceID, n.IntegrationID, n.Alias, n.Message, n.Description, n.Source, n.Entity, string(n.Priority),
		js[0], js[1], js[2], js[3], n.OccurredAt,
		string(by.Type), by.Name, by.UserID, n.Note, js[4], n.RequestID, s.Debounce.Seconds(),
	}, nil
}

// runCreate runs createSQL: in the caller's transaction, or as its own,
// prepared once per connection (lib/pq would otherwise parse and plan it on
// every call). nil, nil means no row came back: run it again.
func (s *Alerts) runCreate(ctx context.Context, tx *ent.Tx, args []any) (*Created, error) {
	var rows *sql.Rows
	var err error
	if tx != nil {
		rows, err = tx.Client().QueryContext(ctx, createSQL, args...)
	} else {
		s.prepare.Do(func() { s.createStmt, s.prepareErr = s.DB.PrepareContext(context.WithoutCancel(ctx), createSQL) })
		if s.prepareErr != nil {
			return nil, fmt.Errorf("preparing the create statement: %w", s.prepareErr)
		}
		rows, err = s.createStmt.QueryContext(ctx, args...)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out *Created
	for rows.Next() {
		out = &Created{}
		if err := rows.Scan(&out.ID, &out.Alias, &out.Count, &out.InMaintenance, &out.Deduplicated); err != nil {
			return nil, err
		}
	}
	return out, rows.Err()
}

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

func orEmptySlice(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func orEmptyResponders(r []map[string]string) []map[string]string {
	if r == nil {
		return []map[string]string{}
	}
	return r
}
