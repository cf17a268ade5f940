import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreateMaintenanceWindowMutation, EndMaintenanceWindowMutation } from './documents';
import { groupWindows, windowProblem, type Phase } from './maintenance';
import type { MaintenanceWindowFieldsFragment } from '../../gql/graphql';
import { formatAbsolute, formatDuration, toLocalInput } from '../../time/format';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FormActions, FormProblem } from '../../ui/Form';
import { RelativeTime } from '../../ui/RelativeTime';
import { StateBadge } from '../../ui/StateBadge';

interface MaintenanceSectionProps {
  serviceID: string;
  windows: MaintenanceWindowFieldsFragment[];
  manage: boolean;
  now: Date;
  timeZone: string;
}

const phaseBadge: Record<Phase, { tone: 'warn' | 'ok' | 'off'; label: string }> = {
  active: { tone: 'warn', label: 'Active' },
  upcoming: { tone: 'ok', label: 'Upcoming' },
  past: { tone: 'off', label: 'Ended' },
};

/** Times when alerts of the service do not page: active, upcoming and a few past ones. */
export function MaintenanceSection({ serviceID, windows, manage, now, timeZone }: MaintenanceSectionProps) {
  const [creating, setCreating] = useState(false);
  const [ended, end] = useMutation(EndMaintenanceWindowMutation);
  // The clock of the render, not the 30 s tick: a window ended a moment ago must already count as past.
  const at = new Date(Math.max(now.getTime(), Date.now()));
  const groups = groupWindows(windows, at);
  const shown = [...groups.active, ...groups.upcoming, ...groups.past.slice(0, 5)];

  async function endNow(w: MaintenanceWindowFieldsFragment, upcoming: boolean) {
    const what = upcoming ? 'Cancel this planned window?' : 'End this window now? Alerts of the service page again from now on.';
    if (!window.confirm(what)) return;
    await end({ id: w.id });
  }

  return (
    <section className="stack" aria-labelledby="maintenance-heading">
      <div className="section-head">
        <h2 id="maintenance-heading">Maintenance windows</h2>
        {manage && (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            Schedule maintenance
          </button>
        )}
      </div>
      {ended.error && <ErrorNotice error={ended.error} />}
      {shown.length === 0 ? (
        <div className="empty">
          <p className="empty-title">No maintenance planned.</p>
          <p className="empty-body">During a window, alerts of this service are recorded but nobody is paged.</p>
        </div>
      ) : (
        <ul className="list" aria-label="Maintenance windows">
          {shown.map((w) => {
            const phase = groups.active.includes(w) ? 'active' : groups.upcoming.includes(w) ? 'upcoming' : 'past';
            return (
              <li key={w.id} className="row" data-testid="maintenance-row">
                <div className="row-lead">
                  <StateBadge tone={phaseBadge[phase].tone}>{phaseBadge[phase].label}</StateBadge>
                </div>
                <div className="row-main">
                  <p className="row-title">{w.reason || 'Maintenance'}</p>
                  <p className="row-meta">
                    <span>
                      {formatAbsolute(new Date(w.startsAt), timeZone)} – {formatAbsolute(new Date(w.endsAt), timeZone)}
                    </span>
                    <span>{formatDuration(new Date(w.endsAt).getTime() - new Date(w.startsAt).getTime())}</span>
                    {phase === 'active' && <RelativeTime value={w.endsAt} now={at} timeZone={timeZone} prefix="Ends" />}
                    {phase === 'upcoming' && <RelativeTime value={w.startsAt} now={at} timeZone={timeZone} prefix="Starts" />}
                    {w.createdBy && <span>by {w.createdBy.name}</span>}
                  </p>
                </div>
                {manage && phase !== 'past' && (
                  <div className="row-trail">
                    <button type="button" className="button" disabled={ended.fetching} onClick={() => endNow(w, phase === 'upcoming')}>
                      {phase === 'active' ? 'End now' : 'Cancel window'}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Dialog title="Schedule maintenance" open={creating} onClose={() => setCreating(false)}>
        {creating && <MaintenanceForm serviceID={serviceID} onDone={() => setCreating(false)} />}
      </Dialog>
    </section>
  );
}

function MaintenanceForm({ serviceID, onDone }: { serviceID: string; onDone: () => void }) {
  const id = useId();
  const [start, setStart] = useState(() => toLocalInput(new Date()));
  const [end, setEnd] = useState(() => toLocalInput(new Date(Date.now() + 3_600_000)));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [state, create] = useMutation(CreateMaintenanceWindowMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const startsAt = new Date(start);
    const endsAt = new Date(end);
    const p = windowProblem(startsAt, endsAt, new Date());
    setProblem(p);
    if (p) return;
    const r = await create({ input: { serviceID, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), reason: reason.trim() || undefined } });
    if (!r.error) onDone();
  }

  return (
    <form className="stack" onSubmit={submit}>
      <Field id={`${id}-start`} label="Starts (your browser’s time)">
        <input id={`${id}-start`} type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />
      </Field>
      <Field id={`${id}-end`} label="Ends">
        <input id={`${id}-end`} type="datetime-local" required value={end} onChange={(e) => setEnd(e.target.value)} />
      </Field>
      <Field id={`${id}-reason`} label="Reason">
        <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. PostgreSQL 17 upgrade" />
      </Field>
      <FormProblem message={problem} />
      {state.error && <ErrorNotice error={state.error} />}
      <FormActions onCancel={onDone} busy={state.fetching}>
        Schedule
      </FormActions>
    </form>
  );
}
