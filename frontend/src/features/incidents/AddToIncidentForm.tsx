import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { LinkAlertsToIncidentMutation } from './documents';
import { IncidentPicker, type IncidentChoice } from './IncidentPicker';
import { serverFieldErrors } from '../policies/draft';
import { ErrorNotice } from '../../ui/ErrorNotice';

interface AddToIncidentFormProps {
  alertIDs: string[];
  /** Called with the incident once the alerts are linked. */
  onDone: (incident: IncidentChoice) => void;
  onCancel: () => void;
  /** Inside a Dialog, which shows the title itself. */
  inDialog?: boolean;
}

/** Links alerts to an ongoing incident; their services become affected. */
export function AddToIncidentForm({ alertIDs, onDone, onCancel, inDialog = false }: AddToIncidentFormProps) {
  const [incident, setIncident] = useState<IncidentChoice>();
  const [state, link] = useMutation(LinkAlertsToIncidentMutation);
  const problem = serverFieldErrors(state.error).alertIDs;
  const what = alertIDs.length === 1 ? 'this alert' : `these ${alertIDs.length} alerts`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!incident) return;
    const r = await link({ incidentID: incident.id, alertIDs });
    if (r.data) onDone({ id: r.data.linkAlertsToIncident.id, title: r.data.linkAlertsToIncident.title });
  }

  return (
    <form className={inDialog ? 'stack' : 'action-panel stack'} onSubmit={submit} aria-label="Add to an incident">
      {!inDialog && <h2 className="panel-title">Add to an incident</h2>}
      <p className="muted">Link {what} to an incident that is still going; {alertIDs.length === 1 ? 'its service becomes' : 'their services become'} affected.</p>
      <IncidentPicker value={incident} onChange={setIncident} />
      {problem ? (
        <p className="field-error" role="alert">
          Not added: {problem}
        </p>
      ) : (
        state.error && <ErrorNotice error={state.error} />
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={state.fetching || !incident}>
          {incident ? `Add to “${incident.title}”` : 'Add to incident'}
        </button>
      </div>
    </form>
  );
}
