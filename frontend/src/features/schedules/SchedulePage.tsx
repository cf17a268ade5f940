import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CoverRequests } from './CoverRequests';
import { CreateCalendarFeedMutation, DeleteScheduleLayerMutation, DeleteScheduleOverrideMutation, ScheduleQuery } from './documents';
import { LayerForm } from './LayerForm';
import { OnCallList } from './OnCallList';
import { OverrideForm } from './OverrideForm';
import { ScheduleTimeline, type TimelineItem, type TimelineRow } from './ScheduleTimeline';
import { coverBars, shiftView, viewSpan, type View } from './timeline';
import type { ScheduleQuery as ScheduleResult } from '../../gql/graphql';
import { canRespond } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { useNow } from '../../time/useNow';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { NodePageState } from '../../ui/NodePageState';

type ScheduleNode = Extract<NonNullable<ScheduleResult['node']>, { __typename: 'Schedule' }>;
type Picked = { start: Date; end: Date; off?: string } | undefined;
const views: View[] = ['day', 'week', 'month'];
const unitWords = { HOURS: 'hour', DAYS: 'day', WEEKS: 'week' } as const;

/** A schedule as a timeline of who is on call, per layer and final, in its zone or the viewer's. */
export function SchedulePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { viewer } = useViewer();
  const now = useNow();
  const view: View = views.includes(params.get('view') as View) ? (params.get('view') as View) : 'week';
  const mine = params.get('zone') === 'mine';
  const [anchor, setAnchor] = useState(() => new Date());
  const [scheduleZone, setScheduleZone] = useState<string>();
  const viewerZone = viewer?.timeZone ?? 'UTC';
  const timeZone = mine ? viewerZone : (scheduleZone ?? viewerZone);
  const span = useMemo(() => viewSpan(view, anchor, timeZone), [view, anchor, timeZone]);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ScheduleQuery,
    variables: { id, from: span.start.toISOString(), to: span.end.toISOString() },
  });
  const [picked, setPicked] = useState<Picked>();
  const [addingLayer, setAddingLayer] = useState(false);
  const [removed, removeOverride] = useMutation(DeleteScheduleOverrideMutation);
  const [removedLayer, removeLayer] = useMutation(DeleteScheduleLayerMutation);
  const [feed, createFeed] = useMutation(CreateCalendarFeedMutation);
  const schedule = data?.node?.__typename === 'Schedule' ? (data.node as ScheduleNode) : undefined;
  if (schedule && schedule.timeZone !== scheduleZone) setScheduleZone(schedule.timeZone);

  if (!schedule) {
    return (
      <NodePageState
        result={{ data, fetching, error }}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        back={<BackLink />}
        loadingLabel="Loading the schedule"
        loadingRows={4}
        notFoundHeading="Schedule not found"
        notFoundTitle="There is no schedule with this address."
      >
        <p>
          It may have been deleted. Pick one from the <Link to="/schedules">schedules</Link>.
        </p>
      </NodePageState>
    );
  }

  const members = schedule.team.members.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const member = canRespond(viewer?.role) && (viewer?.role === 'ADMIN' || members.some((m) => m.id === viewer?.id));
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const setParam = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const rows: TimelineRow[] = [
    { key: 'final', label: 'On call', items: schedule.shifts, testId: 'final-row' },
    ...[...schedule.layers].reverse().map((l) => ({ key: l.id, label: l.name, items: l.shifts, testId: 'layer-row' })),
  ];
  if (schedule.overrides.length > 0) {
    rows.push({
      key: 'overrides',
      label: 'Overrides',
      testId: 'override-row',
      items: schedule.overrides.map((o) => ({
        start: o.startsAt,
        end: o.endsAt,
        users: o.userOn ? [o.userOn] : [],
        note: o.kind === 'REPLACE' ? `for ${o.userOff?.name}` : o.kind === 'ADD' ? 'added' : `${o.userOff?.name} off`,
      })),
    });
  }
  const wanted = coverBars(schedule.coverRequests);
  if (wanted) rows.push({ key: 'cover', label: 'Cover wanted', testId: 'cover-row', items: wanted });
  const pick = (item: TimelineItem) => {
    const start = new Date(Math.max(new Date(item.start).getTime(), span.start.getTime()));
    const end = new Date(Math.min(new Date(item.end).getTime(), span.end.getTime()));
    setPicked({ start, end, off: item.users[0]?.id });
  };
  const heading = new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'medium' });

  return (
    <>
      <BackLink />
      <div className="page-header">
        <div className="stack-tight">
          <h1>{schedule.name}</h1>
          <p className="muted">
            Team {schedule.team.name} · handoffs follow {schedule.timeZone.replaceAll('_', ' ')}
            {schedule.description && ` · ${schedule.description}`}
          </p>
        </div>
        {member && (
          <div className="page-actions">
            <button type="button" className="button" onClick={() => setAddingLayer(true)}>
              Add rotation
            </button>
            <button type="button" className="button button-primary" onClick={() => setPicked({ start: now, end: new Date(now.getTime() + 8 * 3600_000) })}>
              Add override
            </button>
          </div>
        )}
      </div>

      <OnCallList items={[schedule.onCallNow]} now={now} timeZone={viewerZone} label="On call now and next" />

      <div className="toolbar timeline-toolbar">
        <div className="filters" role="group" aria-label="Span">
          {views.map((v) => (
            <button key={v} type="button" className="chip" aria-current={v === view} onClick={() => setParam('view', v === 'week' ? undefined : v)}>
              {v[0].toUpperCase() + v.slice(1)}
            </button>
          ))}
        </div>
        <div className="filters" role="group" aria-label="Move">
          <button type="button" className="button" onClick={() => setAnchor(shiftView(view, anchor, timeZone, -1))} aria-label={`Previous ${view}`}>
            ‹
          </button>
          <button type="button" className="button" onClick={() => setAnchor(new Date())}>
            Today
          </button>
          <button type="button" className="button" onClick={() => setAnchor(shiftView(view, anchor, timeZone, 1))} aria-label={`Next ${view}`}>
            ›
          </button>
          <span className="timeline-range" data-testid="timeline-range">
            {view === 'day' ? heading.format(span.start) : `${heading.format(span.start)} – ${heading.format(new Date(span.end.getTime() - 1))}`}
          </span>
        </div>
        <div className="filters" role="group" aria-label="Time zone">
          <button type="button" className="chip" aria-current={!mine} onClick={() => setParam('zone')}>
            {schedule.timeZone.replaceAll('_', ' ')}
          </button>
          {viewerZone !== schedule.timeZone && (
            <button type="button" className="chip" aria-current={mine} onClick={() => setParam('zone', 'mine')}>
              Mine ({viewerZone.replaceAll('_', ' ')})
            </button>
          )}
        </div>
      </div>
      {error && <ErrorNotice error={error} onRetry={reload} />}
      {schedule.layers.length === 0 ? (
        <div className="empty" role="status">
          <p className="empty-title">Nobody is on call: this schedule has no rotation yet.</p>
          {member && <p className="empty-body">Add a rotation of the team’s members, then override it where plans change.</p>}
        </div>
      ) : (
        <ScheduleTimeline view={view} span={span} timeZone={timeZone} now={now} rows={rows} onPick={member ? pick : undefined} />
      )}
      {member && schedule.layers.length > 0 && <p className="muted">Select a shift to override it.</p>}

      {schedule.layers.length > 0 && (
        <section className="stack" aria-labelledby="layers-heading">
          <h2 id="layers-heading">Rotations</h2>
          {removedLayer.error && <ErrorNotice error={removedLayer.error} />}
          <ul className="list" aria-label="Rotations, top layer first">
            {[...schedule.layers].reverse().map((l) => (
              <li key={l.id} className="row" data-testid="layer">
                <div className="row-main">
                  <p className="row-title">{l.name}</p>
                  <p className="row-meta">
                    <span>
                      {l.shiftLength} {unitWords[l.shiftUnit]}
                      {l.shiftLength === 1 ? '' : 's'} each
                      {l.shiftUnit !== 'HOURS' && `, handoff ${l.shiftUnit === 'WEEKS' ? l.handoffDay.toLowerCase() + 's ' : ''}at ${l.handoffTime}`}
                    </span>
                    <span>{l.participants.map((p) => p.name).join(' → ')}</span>
                    {l.restrictions.length > 0 && <span>only {l.restrictions.map((r) => `${r.day.slice(0, 3).toLowerCase()} ${r.start}–${r.end}`).join(', ')}</span>}
                  </p>
                </div>
                {member && (
                  <div className="row-trail">
                    <button
                      type="button"
                      className="button"
                      aria-label={`Remove rotation ${l.name}`}
                      onClick={async () => window.confirm(`Remove the rotation “${l.name}”? Its people stop being on call through it.`) && !(await removeLayer({ id: l.id })).error && reload()}
                    >
                      Remove
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {schedule.overrides.length > 0 && (
        <section className="stack" aria-labelledby="overrides-heading">
          <h2 id="overrides-heading">Overrides in view</h2>
          {removed.error && <ErrorNotice error={removed.error} />}
          <ul className="list" aria-label="Overrides, in the order they apply">
            {schedule.overrides.map((o) => (
              <li key={o.id} className="row" data-testid="override">
                <div className="row-main">
                  <p className="row-title">
                    {o.kind === 'REPLACE' && `${o.userOn?.name} for ${o.userOff?.name}`}
                    {o.kind === 'ADD' && `${o.userOn?.name} joins`}
                    {o.kind === 'REMOVE' && `${o.userOff?.name} off call`}
                  </p>
                  <p className="row-meta">
                    <span>
                      {heading.format(new Date(o.startsAt))} {new Date(o.startsAt).toLocaleTimeString(undefined, { timeZone, hour: '2-digit', minute: '2-digit' })} –{' '}
                      {heading.format(new Date(o.endsAt))} {new Date(o.endsAt).toLocaleTimeString(undefined, { timeZone, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })}
                    </span>
                    {o.note && <span>{o.note}</span>}
                  </p>
                </div>
                {member && (
                  <div className="row-trail">
                    <button type="button" className="button" onClick={async () => !(await removeOverride({ id: o.id })).error && reload()}>
                      Remove
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <CoverRequests schedule={schedule} viewerID={viewer?.id} member={member} timeZone={timeZone} now={now} onChanged={reload} />

      {canRespond(viewer?.role) && (
        <section className="stack" aria-labelledby="feed-heading">
          <h2 id="feed-heading">Calendar</h2>
          {feed.data ? (
            <div className="notice notice-success" role="status">
              <p>Subscribe to this URL in your calendar app. It is shown only now; anyone with it sees this schedule.</p>
              <code className="feed-url">{feed.data.createCalendarFeed.url}</code> <CopyButton text={feed.data.createCalendarFeed.url} label="Copy URL" />
            </div>
          ) : (
            <p>
              <button type="button" className="button" disabled={feed.fetching} onClick={() => createFeed({ scheduleID: schedule.id })}>
                Get a calendar (iCal) URL of this schedule
              </button>
            </p>
          )}
          {feed.error && <ErrorNotice error={feed.error} />}
        </section>
      )}

      <Dialog title="Add rotation" open={addingLayer} onClose={() => setAddingLayer(false)}>
        {addingLayer && (
          <LayerForm
            scheduleID={schedule.id}
            timeZone={schedule.timeZone}
            members={members}
            onDone={(saved) => {
              setAddingLayer(false);
              if (saved) reload();
            }}
          />
        )}
      </Dialog>
      <Dialog title="Override the schedule" open={!!picked} onClose={() => setPicked(undefined)}>
        {picked && (
          <OverrideForm
            scheduleID={schedule.id}
            timeZone={timeZone}
            members={members}
            start={picked.start}
            end={picked.end}
            off={picked.off}
            onDone={(saved) => {
              setPicked(undefined);
              if (saved) reload();
            }}
          />
        )}
      </Dialog>
    </>
  );
}

function BackLink() {
  return (
    <p>
      <Link to="/schedules">← Schedules</Link>
    </p>
  );
}
