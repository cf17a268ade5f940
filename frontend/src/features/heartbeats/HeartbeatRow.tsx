import { Link } from 'react-router';
import { everyText, heartbeatState } from './heartbeatState';
import type { HeartbeatFieldsFragment } from '../../gql/graphql';
import { RelativeTime } from '../../ui/RelativeTime';
import { StateBadge } from '../../ui/StateBadge';

interface HeartbeatRowProps {
  heartbeat: HeartbeatFieldsFragment;
  now: Date;
  timeZone: string;
  /** Shown on the all-heartbeats page, where the service is not obvious. */
  showService?: boolean;
  onEdit?: () => void;
  onDelete?: () => void;
}

/** One heartbeat: state in colour and words, interval, last ping, when it expires. */
export function HeartbeatRow({ heartbeat: h, now, timeZone, showService, onEdit, onDelete }: HeartbeatRowProps) {
  const state = heartbeatState(h);
  return (
    <li className="row heartbeat-row" data-list-item tabIndex={0} data-testid="heartbeat-row">
      <div className="row-lead">
        <StateBadge tone={state.tone}>{state.label}</StateBadge>
      </div>
      <div className="row-main">
        <p className="row-title">{h.name}</p>
        <p className="row-meta">
          {showService && <Link to={`/services/${h.service.id}`}>{h.service.name}</Link>}
          <span>Expects a ping {everyText(h.intervalSeconds)}</span>
          <span>
            {h.lastPingAt ? <RelativeTime value={h.lastPingAt} now={now} timeZone={timeZone} prefix="Last ping" /> : 'Never pinged'}
          </span>
          {h.enabled && h.expiresAt && !h.expired && (
            <span>
              <RelativeTime value={h.expiresAt} now={now} timeZone={timeZone} prefix="Expires" />
            </span>
          )}
        </p>
        {h.description && <p className="row-description">{h.description}</p>}
      </div>
      {(onEdit || onDelete) && (
        <div className="row-trail">
          {onEdit && (
            <button type="button" className="button" onClick={onEdit} aria-label={`Edit ${h.name}`}>
              Edit
            </button>
          )}
          {onDelete && (
            <button type="button" className="button button-danger" onClick={onDelete} aria-label={`Delete ${h.name}`}>
              Delete
            </button>
          )}
        </div>
      )}
    </li>
  );
}
