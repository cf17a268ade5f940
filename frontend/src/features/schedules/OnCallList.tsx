import { Link } from 'react-router';
import type { OnCallFieldsFragment } from '../../gql/graphql';
import { RelativeTime } from '../../ui/RelativeTime';

const names = (us: { name: string }[]) => (us.length === 0 ? 'nobody' : us.map((u) => u.name).join(', '));

/** Who is on call now in each schedule, until when, and who comes next. */
export function OnCallList({ items, now, timeZone, label }: { items: OnCallFieldsFragment[]; now: Date; timeZone: string; label: string }) {
  return (
    <ul className="oncall-list" aria-label={label}>
      {items.map((oc) => (
        <li key={oc.schedule.id} className="oncall-item" data-testid="oncall-item">
          <Link className="oncall-schedule" to={`/schedules/${oc.schedule.id}`}>
            {oc.schedule.name}
          </Link>
          <span className="oncall-now">
            <span className="muted">Now </span>
            <strong data-testid="oncall-now">{names(oc.users)}</strong>
          </span>
          {oc.until ? (
            <span className="oncall-next">
              <RelativeTime value={oc.until} now={now} timeZone={timeZone} prefix="next" />
              <span>: {names(oc.next)}</span>
            </span>
          ) : (
            <span className="oncall-next muted">no handoff ahead</span>
          )}
        </li>
      ))}
    </ul>
  );
}
