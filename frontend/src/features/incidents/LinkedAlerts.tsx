import { Link } from 'react-router';
import type { IncidentDetailFragment } from '../../gql/graphql';
import { AlertStatusBadge, PriorityBadge } from '../../ui/Badges';

/** The alerts in the incident, responder pages included. */
export function LinkedAlerts({ incident }: { incident: IncidentDetailFragment }) {
  const alerts = incident.alerts.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  return (
    <section className="card stack" aria-labelledby="incident-alerts">
      <h2 id="incident-alerts">Alerts ({incident.alerts.totalCount})</h2>
      {alerts.length === 0 ? (
        <p className="muted">No alerts linked.</p>
      ) : (
        <ul className="stack">
          {alerts.map((a) => (
            <li key={a.id}>
              <AlertStatusBadge status={a.status} /> <PriorityBadge priority={a.priority} /> <Link to={`/alerts/${a.id}`}>{a.message}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
