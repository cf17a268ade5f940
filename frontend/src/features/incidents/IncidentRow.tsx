import { Link } from 'react-router';
import type { IncidentRowFragment } from '../../gql/graphql';
import { IncidentStatusBadge, SeverityBadge } from '../../ui/Badges';
import { RelativeTime } from '../../ui/RelativeTime';
import { formatDuration } from '../../time/format';
import { nextUpdate } from './cadence';

interface IncidentRowProps {
  incident: IncidentRowFragment;
  now: Date;
  timeZone: string;
}

export function IncidentRow({ incident, now, timeZone }: IncidentRowProps) {
  const services = incident.services.edges?.flatMap((e) => (e?.node ? [e.node.name] : [])) ?? [];
  return (
    <li className="row incident-row" data-list-item tabIndex={0} data-testid="incident-row">
      <div className="row-lead">
        <SeverityBadge severity={incident.severity} />
        <IncidentStatusBadge status={incident.status} />
      </div>
      <div className="row-main">
        <p className="row-title">
          <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
        </p>
        <p className="row-meta">
          {services.length > 0 ? <span>Affects {services.join(', ')}</span> : <span>No services linked</span>}
          {incident.status !== 'RESOLVED' && incident.nextUpdateDueAt && (
            <span className={incident.updateOverdue ? 'fact-warn overdue' : undefined}>{nextUpdate(incident.nextUpdateDueAt, now).text}</span>
          )}
          {incident.resolvedAt && (
            <span>Lasted {formatDuration(new Date(incident.resolvedAt).getTime() - new Date(incident.createdAt).getTime())}</span>
          )}
        </p>
      </div>
      <div className="row-trail">
        <RelativeTime value={incident.createdAt} now={now} timeZone={timeZone} prefix="Started" />
      </div>
    </li>
  );
}
