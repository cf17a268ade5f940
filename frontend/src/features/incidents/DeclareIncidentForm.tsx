import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { DeclareIncidentMutation } from './documents';
import { severities } from './IncidentControls';
import type { IncidentSeverity } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';

interface Props {
  /** The alert the incident starts from. */
  alertID: string;
  message: string;
  onCancel: () => void;
}

/** Declare an incident from an alert: you become its commander; then go to its page. */
export function DeclareIncidentForm({ alertID, message, onCancel }: Props) {
  const id = useId();
  const navigate = useNavigate();
  const [title, setTitle] = useState(message);
  const [severity, setSeverity] = useState<IncidentSeverity>('SEV2');
  const [state, declare] = useMutation(DeclareIncidentMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await declare({ input: { title: title.trim(), severity, alertIDs: [alertID] } });
    if (r.data) navigate(`/incidents/${r.data.declareIncident.id}`);
  }

  return (
    <form className="action-panel stack" onSubmit={submit} aria-label="Declare an incident">
      <h2 className="panel-title">Declare an incident</h2>
      <p className="muted">You become its commander; this alert and its service are linked.</p>
      <div className="field">
        <label htmlFor={`${id}-t`}>Title</label>
        <input id={`${id}-t`} required value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-s`}>Severity</label>
        <select id={`${id}-s`} value={severity} onChange={(e) => setSeverity(e.target.value as IncidentSeverity)}>
          {severities.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </div>
      {state.error && <ErrorNotice error={state.error} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={state.fetching || !title.trim()}>
          Declare incident
        </button>
      </div>
    </form>
  );
}
