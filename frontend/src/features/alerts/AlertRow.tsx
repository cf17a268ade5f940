import type { KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AlertRowFragment } from '../../gql/graphql';
import { AlertStatusBadge, PriorityBadge } from '../../ui/Badges';
import { RelativeTime } from '../../ui/RelativeTime';
import { Tick } from '../../ui/Tick';

interface AlertRowProps {
  alert: AlertRowFragment;
  now: Date;
  timeZone: string;
  /** Present for people who may act on alerts: the tick box and the `a`/`r` keys. */
  actions?: {
    selected: boolean;
    onToggle: () => void;
    onAcknowledge: () => void;
    onClose: () => void;
  };
  /** Keeps the tick-box column when this row has none, so rows line up. */
  selectColumn?: boolean;
}

/** One alert, readable at a glance: status, priority, what, where, since when, who has it. */
export function AlertRow({ alert, now, timeZone, actions, selectColumn = false }: AlertRowProps) {
  const navigate = useNavigate();
  const href = `/alerts/${alert.id}`;

  function onKeyDown(e: KeyboardEvent<HTMLLIElement>) {
    // Keys act on the focused row itself, not on a control inside it.
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter' || e.key === 'o') {
      e.preventDefault();
      navigate(href);
    } else if (actions && e.key === 'a' && alert.status === 'OPEN') {
      e.preventDefault();
      actions.onAcknowledge();
    } else if (actions && e.key === 'r' && alert.status !== 'CLOSED') {
      e.preventDefault();
      actions.onClose();
    } else if (actions && e.key === 'x') {
      e.preventDefault();
      actions.onToggle();
    }
  }

  return (
    <li
      className={`row alert-row${actions || selectColumn ? ' selectable' : ''}${actions?.selected ? ' selected' : ''}`}
      data-list-item
      tabIndex={0}
      data-testid="alert-row"
      data-status={alert.status}
      aria-label={`${alert.message}, ${alert.status.toLowerCase()}, ${alert.priority}, ${alert.service.name}`}
      onKeyDown={onKeyDown}
    >
      {actions ? (
        <div className="row-select">
          <Tick checked={actions.selected} onChange={actions.onToggle} label={`Select “${alert.message}”`} />
        </div>
      ) : (
        selectColumn && <div className="row-select" />
      )}
      <div className="row-lead">
        <AlertStatusBadge status={alert.status} />
        <PriorityBadge priority={alert.priority} />
      </div>
      <div className="row-main">
        <p className="row-title">
          <Link to={href} className="row-link">
            {alert.message}
          </Link>
        </p>
        <p className="row-meta">
          <span>{alert.service.name}</span>
          <span className="muted">#{alert.tinyID}</span>
          {alert.count > 1 && (
            <span title={`Fired ${alert.count} times`}>
              ×{alert.count}
              <span className="visually-hidden"> occurrences</span>
            </span>
          )}
          {alert.acknowledgedBy && <span>Acknowledged by {alert.acknowledgedBy.name}</span>}
          {alert.owner && alert.owner.id !== alert.acknowledgedBy?.id && <span>Owner {alert.owner.name}</span>}
          {alert.status !== 'CLOSED' && alert.snoozedUntil && new Date(alert.snoozedUntil) > now && <span>Snoozed</span>}
          {alert.inMaintenance && <span>In maintenance</span>}
        </p>
      </div>
      <div className="row-trail">
        <RelativeTime value={alert.firstOccurredAt} now={now} timeZone={timeZone} />
      </div>
    </li>
  );
}
