import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CreateCalendarFeedMutation, CreateScheduleMutation, SchedulesQuery } from './documents';
import { OnCallList } from './OnCallList';
import { TeamChoicesQuery } from '../services/documents';
import { canRespond } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { PageHeader } from '../shell/PageHeader';
import { useNow } from '../../time/useNow';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FormActions } from '../../ui/Form';
import { SkeletonRows } from '../../ui/Skeleton';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';

/** Every on-call schedule, with who is on call now and next. */
export function SchedulesPage() {
  const { viewer } = useViewer();
  const responder = canRespond(viewer?.role);
  const now = useNow();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SchedulesQuery });
  const [creating, setCreating] = useState(false);
  const [feed, createFeed] = useMutation(CreateCalendarFeedMutation);
  const schedules = data?.schedules.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];

  return (
    <>
      <PageHeader
        title="Schedules"
        count={data?.schedules.totalCount}
        actions={
          responder && (
            <>
              <button type="button" className="button" disabled={feed.fetching} onClick={() => createFeed({ scheduleID: null })}>
                Calendar of my shifts
              </button>
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                Create schedule
              </button>
            </>
          )
        }
      />
      {feed.data && (
        <div className="notice notice-success" role="status">
          <p>Subscribe to this URL in your calendar app to see your shifts in every schedule. It is shown only now; keep it secret.</p>
          <code className="feed-url">{feed.data.createCalendarFeed.url}</code> <CopyButton text={feed.data.createCalendarFeed.url} label="Copy URL" />
        </div>
      )}
      {feed.error && <ErrorNotice error={feed.error} />}
      {error && !data && <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <SkeletonRows label="Loading schedules" />}
      {data && schedules.length === 0 && (
        <EmptyState title="No schedules yet.">
          <p>{responder ? 'Create one for your team, then add a rotation of who is on call.' : 'Responders set up schedules; none exist yet.'}</p>
        </EmptyState>
      )}
      {schedules.length > 0 && (
        <ul className="list" aria-label="Schedules">
          {schedules.map((s) => (
            <li key={s.id} className="row" data-list-item tabIndex={0} data-testid="schedule-row">
              <div className="row-main">
                <p className="row-title">
                  <Link to={`/schedules/${s.id}`}>{s.name}</Link>
                </p>
                <p className="row-meta">
                  <span>Team {s.team.name}</span>
                  <span>{s.timeZone.replaceAll('_', ' ')}</span>
                </p>
                <OnCallList items={[s.onCallNow]} now={now} timeZone={viewer?.timeZone ?? 'UTC'} label={`On call in ${s.name}`} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <Dialog title="Create schedule" open={creating} onClose={() => setCreating(false)}>
        {creating && <CreateScheduleForm defaultZone={viewer?.timeZone ?? 'UTC'} onDone={() => setCreating(false)} />}
      </Dialog>
    </>
  );
}

function CreateScheduleForm({ defaultZone, onDone }: { defaultZone: string; onDone: () => void }) {
  const navigate = useNavigate();
  const [{ data: teams }] = useQuery({ query: TeamChoicesQuery });
  const choices = teams?.teams.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const [name, setName] = useState('');
  const [teamID, setTeamID] = useState('');
  const [timeZone, setTimeZone] = useState(defaultZone);
  const [state, create] = useMutation(CreateScheduleMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await create({ input: { name: name.trim(), teamID: teamID || choices[0]?.id, timeZone } });
    const id = result.data?.createSchedule.id;
    if (id) {
      onDone();
      navigate(`/schedules/${id}`);
    }
  }

  return (
    <form onSubmit={submit} className="stack">
      <Field id="schedule-name" label="Schedule name">
        <input id="schedule-name" required value={name} onChange={(e) => setName(e.target.value)} autoFocus placeholder="Platform primary" />
      </Field>
      <Field id="schedule-team" label="Team">
        <select id="schedule-team" value={teamID || choices[0]?.id || ''} onChange={(e) => setTeamID(e.target.value)}>
          {choices.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="schedule-zone" label="Time zone (handoffs follow its clock)">
        <TimeZoneSelect id="schedule-zone" value={timeZone} onChange={setTimeZone} />
      </Field>
      {state.error && <ErrorNotice error={state.error} />}
      <FormActions onCancel={onDone} busy={state.fetching}>
        Create schedule
      </FormActions>
    </form>
  );
}
