import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { AddIncidentNoteMutation } from './documents';
import { describeIncidentEvent, shows, timelineFilters, type TimelineFilter } from './timeline';
import type { IncidentDetailFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { RelativeTime } from '../../ui/RelativeTime';

interface Props {
  incident: IncidentDetailFragment;
  now: Date;
  timeZone: string;
  mayNote: boolean;
  onDone: (message: string) => void;
}

/** Everything that happened, newest first, filtered to updates, alerts & pages, or notes. */
export function IncidentTimeline({ incident, now, timeZone, mayNote, onDone }: Props) {
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const events = (incident.timeline.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? []).filter((e) => shows(filter, e.kind));
  return (
    <>
      <div className="choice-row" role="group" aria-label="Show">
        {timelineFilters.map((f) => (
          <button key={f.value} type="button" className="button" aria-pressed={filter === f.value} onClick={() => setFilter(f.value)}>
            {f.label}
          </button>
        ))}
      </div>
      {mayNote && <NoteComposer incidentID={incident.id} onDone={onDone} />}
      {events.length === 0 ? (
        <p className="muted">Nothing here yet.</p>
      ) : (
        <ol className="timeline" aria-label="Timeline, newest first" data-testid="incident-timeline">
          {events.map((e) => {
            const w = describeIncidentEvent({ kind: e.kind, actorName: e.actorName, data: e.data as Record<string, unknown> });
            return (
              <li key={e.id} className={`timeline-item tone-${e.kind === 'STATUS_UPDATE' ? 'acked' : 'plain'}`} data-kind={e.kind} data-testid="timeline-entry">
                <span className="timeline-dot" aria-hidden="true" />
                <div className="timeline-body">
                  <p>
                    <span className="timeline-text">{w.text}</span>
                    {e.visibility === 'INTERNAL' && <span className="muted"> · internal</span>}
                    <span className="muted"> · </span>
                    <RelativeTime value={e.createdAt} now={now} timeZone={timeZone} />
                  </p>
                  {w.quote && <p className="timeline-note prewrap">{w.quote}</p>}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}

function NoteComposer({ incidentID, onDone }: { incidentID: string; onDone: (m: string) => void }) {
  const id = useId();
  const [note, setNote] = useState('');
  const [state, add] = useMutation(AddIncidentNoteMutation);
  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!note.trim()) return;
        if ((await add({ id: incidentID, note: note.trim() })).data) {
          setNote('');
          onDone('Note added.');
        }
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Internal note
      </label>
      <div className="choice-row">
        <input id={id} value={note} placeholder="Add an internal note" onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="button" disabled={state.fetching || !note.trim()}>
          Add note
        </button>
      </div>
      {state.error && <ErrorNotice error={state.error} />}
    </form>
  );
}
