import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { nextUpdate } from './cadence';
import { PostStatusUpdateMutation } from './documents';
import { nextStatuses, statusLabels } from './IncidentControls';
import type { IncidentDetailFragment, IncidentStatus, StatusUpdateAudience } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';

const audiences: { value: StatusUpdateAudience; label: string; hint: string }[] = [
  { value: 'STAKEHOLDER', label: 'Stakeholders', hint: 'followers are notified; restarts the update countdown' },
  { value: 'PUBLIC', label: 'Public', hint: 'also on the status page' },
  { value: 'INTERNAL', label: 'Responders only', hint: 'stakeholders never see it' },
];

interface Props {
  incident: IncidentDetailFragment;
  now: Date;
  onDone: (message: string) => void;
}

/** Write a status update for an audience, with the status it leaves the incident in. */
export function StatusUpdateComposer({ incident, now, onDone }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [audience, setAudience] = useState<StatusUpdateAudience>('STAKEHOLDER');
  const [status, setStatus] = useState<IncidentStatus>(incident.status);
  const [state, post] = useMutation(PostStatusUpdateMutation);
  const due = nextUpdate(incident.nextUpdateDueAt, now);

  return (
    <form
      className="card stack"
      aria-label="Post a status update"
      data-testid="update-composer"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!text.trim()) return;
        if ((await post({ id: incident.id, message: text.trim(), status, audience })).data) {
          setText('');
          onDone('Update posted.');
        }
      }}
    >
      <h2 className="panel-title">
        Status update <span className={due.overdue ? 'fact-warn overdue' : 'muted'}>· {due.text}</span>
      </h2>
      <div className="field">
        <label htmlFor={`${id}-m`}>Message</label>
        <textarea id={`${id}-m`} rows={3} value={text} required onChange={(e) => setText(e.target.value)} />
      </div>
      <fieldset className="field">
        <legend>Audience</legend>
        <div className="radio-grid">
          {audiences.map((a) => (
            <label key={a.value} className="radio">
              <input type="radio" name={`${id}-aud`} value={a.value} checked={audience === a.value} onChange={() => setAudience(a.value)} />
              {a.label} <span className="muted">({a.hint})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-s`}>Status after this update</label>
        <select id={`${id}-s`} value={status} onChange={(e) => setStatus(e.target.value as IncidentStatus)}>
          {nextStatuses(incident.status).map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      {state.error && <ErrorNotice error={state.error} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={state.fetching || !text.trim()}>
          Post update
        </button>
      </div>
    </form>
  );
}
