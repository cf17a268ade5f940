import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { AcceptCoverRequestMutation, CancelCoverRequestMutation, RequestCoverMutation } from './documents';
import { fromLocalInput, toLocalInput } from './timeline';
import type { ScheduleQuery } from '../../gql/graphql';
import { formatAbsolute } from '../../time/format';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FormActions, FormProblem } from '../../ui/Form';
import { RelativeTime } from '../../ui/RelativeTime';

type Node = Extract<NonNullable<ScheduleQuery['node']>, { __typename: 'Schedule' }>;
type Cover = Node['coverRequests'][number];

const statusLabel: Record<Cover['status'], string> = { OPEN: 'Open', ACCEPTED: 'Covered', CANCELLED: 'Cancelled', EXPIRED: 'Expired' };

interface CoverRequestsProps {
  schedule: Node;
  viewerID?: string;
  /** The viewer is on the schedule's team: they may ask and cover. */
  member: boolean;
  timeZone: string;
  now: Date;
  onChanged: () => void;
}

/** The schedule's announcements: who asks for cover when, and who took it. */
export function CoverRequests({ schedule, viewerID, member, timeZone, now, onChanged }: CoverRequestsProps) {
  const [asking, setAsking] = useState(false);
  const [accepted, accept] = useMutation(AcceptCoverRequestMutation);
  const [cancelled, cancel] = useMutation(CancelCoverRequestMutation);
  const requests = schedule.coverRequests;
  const error = accepted.error ?? cancelled.error;

  return (
    <section className="stack" aria-labelledby="cover-heading">
      <div className="section-head">
        <h2 id="cover-heading">
          Cover requests <span className="count">{requests.filter((r) => r.status === 'OPEN').length}</span>
        </h2>
        {member && (
          <button type="button" className="button" onClick={() => setAsking(true)}>
            Ask for cover
          </button>
        )}
      </div>
      {error && <ErrorNotice error={error} />}
      {requests.length === 0 ? (
        <p className="muted">No cover requests in this view. Members who cannot take a shift ask here; the others get an email.</p>
      ) : (
        <ul className="list" aria-label="Cover requests" aria-live="polite">
          {requests.map((r) => (
            <li key={r.id} className="row" data-testid="cover-request">
              <div className="row-main">
                <p className="row-title">
                  {r.requester.name} asks for cover {formatAbsolute(new Date(r.startsAt), timeZone)} – {formatAbsolute(new Date(r.endsAt), timeZone)}
                </p>
                <p className="row-meta">
                  <span className={`status status-${r.status === 'OPEN' ? 'open' : 'closed'}`}>{statusLabel[r.status]}</span>
                  {r.acceptedBy && <span>by {r.acceptedBy.name}</span>}
                  {r.status === 'OPEN' && <RelativeTime value={r.expiresAt} now={now} timeZone={timeZone} prefix="expires" />}
                </p>
                {r.message && <p className="row-description">{r.message}</p>}
              </div>
              {r.status === 'OPEN' && member && (
                <div className="row-trail">
                  {r.requester.id === viewerID ? (
                    <button type="button" className="button" disabled={cancelled.fetching} onClick={async () => !(await cancel({ id: r.id })).error && onChanged()}>
                      Withdraw
                    </button>
                  ) : (
                    <button type="button" className="button button-primary" disabled={accepted.fetching} onClick={async () => !(await accept({ id: r.id })).error && onChanged()}>
                      Cover it
                    </button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Dialog title="Ask for cover" open={asking} onClose={() => setAsking(false)}>
        {asking && (
          <AskForm
            scheduleID={schedule.id}
            timeZone={timeZone}
            onDone={(saved) => {
              setAsking(false);
              if (saved) onChanged();
            }}
          />
        )}
      </Dialog>
    </section>
  );
}

function AskForm({ scheduleID, timeZone, onDone }: { scheduleID: string; timeZone: string; onDone: (saved: boolean) => void }) {
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  const [from, setFrom] = useState(toLocalInput(tomorrow, timeZone).slice(0, 10) + 'T09:00');
  const [to, setTo] = useState(toLocalInput(tomorrow, timeZone).slice(0, 10) + 'T17:00');
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string>();
  const [state, ask] = useMutation(RequestCoverMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const startsAt = fromLocalInput(from, timeZone);
    const endsAt = fromLocalInput(to, timeZone);
    if (!startsAt || !endsAt) return setProblem('Pick the time you need covered.');
    setProblem(undefined);
    const result = await ask({ scheduleID, input: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), message: message.trim() || null } });
    if (!result.error) onDone(true);
  }

  return (
    <form onSubmit={submit} className="stack">
      <div className="inline-form">
        <Field id="cover-from" label={`From (${timeZone})`}>
          <input id="cover-from" type="datetime-local" required value={from} onChange={(e) => setFrom(e.target.value)} autoFocus />
        </Field>
        <Field id="cover-to" label="Until">
          <input id="cover-to" type="datetime-local" required value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
      </div>
      <Field id="cover-message" label="Note for your team">
        <textarea id="cover-message" rows={2} value={message} onChange={(e) => setMessage(e.target.value)} placeholder="Dentist in the morning" />
      </Field>
      <p className="muted">Your team is emailed. Whoever covers it is put on call in your place; unanswered, the request expires when the time starts.</p>
      <FormProblem message={problem} />
      {state.error && <ErrorNotice error={state.error} />}
      <FormActions onCancel={() => onDone(false)} busy={state.fetching}>
        Ask for cover
      </FormActions>
    </form>
  );
}
