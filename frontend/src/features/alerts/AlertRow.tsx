import type { AlertRowFragment } from '../../gql/graphql';
import { AlertStatusBadge, PriorityBadge } from '../../ui/Badges';
import { RelativeTime } from '../../ui/RelativeTime';

interface AlertRowProps {
  alert: AlertRowFragment;
  now: Date;
  timeZone: string;
}

/** One alert, readable at a glance: status, priority, what, where, since when, who has it. */
export function AlertRow({ alert, now, timeZone }: AlertRowProps) {
  return (
    <li className="row alert-row" data-list-item tabIndex={0} data-testid="alert-row">
      <div className="row-lead">
        <AlertStatusBadge status={alert.status} />
        <PriorityBadge priority={alert.priority} />
      </div>
      <div className="row-main">
        <p className="row-title">{alert.message}</p>
        <p className="row-meta">
          <span>{alert.service.name}</span>
          {alert.count > 1 && (
            <span title={`Fired ${alert.count} times`}>
              ×{alert.count}
              <span className="visually-hidden"> occurrences</span>
            </span>
          )}
          {alert.acknowledgedBy && <span>Acknowledged by {alert.acknowledgedBy.name}</span>}
        </p>
      </div>
      <div className="row-trail">
        <RelativeTime value={alert.firstOccurredAt} now={now} timeZone={timeZone} />
      </div>
    </li>
  );
}
