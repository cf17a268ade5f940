import type { AlertDetailFragment } from '../../gql/graphql';
import { RelativeTime } from '../../ui/RelativeTime';
import { describeEvent } from './timeline';

type Events = NonNullable<NonNullable<AlertDetailFragment['timeline']['edges']>[number]>['node'][];

const tone: Record<string, string> = {
  CREATED: 'open',
  ACKNOWLEDGED: 'acked',
  CLOSED: 'closed',
  UNACKNOWLEDGED: 'open',
};

/** What happened to the alert, newest first, in sentences with who and when. */
export function Timeline({ alert, now, timeZone }: { alert: AlertDetailFragment; now: Date; timeZone: string }) {
  const events = (alert.timeline.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? []) as Events;
  const newestRepeat = events.find((e) => e?.kind === 'DEDUPLICATED')?.id;
  if (events.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <>
      <ol className="timeline" aria-label="Timeline, newest first" data-testid="timeline">
        {events.map((e) => {
          if (!e) return null;
          const w = describeEvent(e, { now, timeZone, lastOccurredAt: alert.lastOccurredAt, latestRepeat: e.id === newestRepeat });
          return (
            <li key={e.id} className={`timeline-item tone-${tone[e.kind] ?? 'plain'}`} data-kind={e.kind} data-testid="timeline-entry">
              <span className="timeline-dot" aria-hidden="true" />
              <div className="timeline-body">
                <p>
                  <span className="timeline-text">{w.text}</span>
                  <span className="muted"> · </span>
                  <RelativeTime value={e.createdAt} now={now} timeZone={timeZone} />
                </p>
                {w.note && <p className="timeline-note">{w.note.startsWith('Latest: ') || w.note.startsWith('Now: ') ? w.note : `“${w.note}”`}</p>}
              </div>
            </li>
          );
        })}
      </ol>
      {alert.timeline.totalCount > events.length && (
        <p className="muted">Showing the newest {events.length} of {alert.timeline.totalCount} events.</p>
      )}
    </>
  );
}
