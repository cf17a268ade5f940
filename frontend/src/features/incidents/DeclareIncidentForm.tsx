import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { DeclareIncidentMutation } from './documents';
import { SeveritySelect } from './SeveritySelect';
import { initialSeverity } from './severityChoice';
import type { AlertPriority, IncidentSeverity } from '../../gql/graphql';
import { serverFieldErrors } from '../policies/draft';
import type { ServiceChoice } from '../services/documents';
import { ServiceMultiSelect } from '../services/ServiceMultiSelect';
import { ErrorNotice } from '../../ui/ErrorNotice';

/** An alert the incident starts from, as the alert page and the alerts list hold it. */
export interface SourceAlert {
  id: string;
  message: string;
  priority: AlertPriority;
  service: ServiceChoice;
}

interface Props {
  /** The alerts the incident starts from; none declares it from scratch. */
  alerts?: SourceAlert[];
  onCancel: () => void;
  /** Inside a Dialog, which shows the title itself. */
  inDialog?: boolean;
}

// The fields this form shows; a refusal naming another goes above the buttons.
const shown = ['title', 'severity', 'summary', 'serviceIDs', 'alertIDs'] as const;

/**
 * Declare an incident from alerts or from scratch: you become its commander;
 * the alerts and their services are linked; then go to its page.
 */
export function DeclareIncidentForm({ alerts = [], onCancel, inDialog = false }: Props) {
  const id = useId();
  const navigate = useNavigate();
  const [title, setTitle] = useState(alerts[0]?.message ?? '');
  const [severity, setSeverity] = useState<IncidentSeverity>(() => initialSeverity(alerts.map((a) => a.priority)));
  const [summary, setSummary] = useState('');
  const [services, setServices] = useState<ServiceChoice[]>([]);
  const [state, declare] = useMutation(DeclareIncidentMutation);
  const fromAlerts = uniqueServices(alerts.map((a) => a.service));
  const problems = serverFieldErrors(state.error);
  const unplaced = state.error && !shown.some((f) => problems[f]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      title: title.trim(),
      severity,
      summary: summary.trim() || null,
      serviceIDs: services.map((s) => s.id),
      alertIDs: alerts.map((a) => a.id),
    };
    const r = await declare({ input });
    if (r.data) navigate(`/incidents/${r.data.declareIncident.id}`);
  }

  return (
    <form className={inDialog ? 'stack' : 'action-panel stack'} onSubmit={submit} aria-label="Declare an incident">
      {!inDialog && <h2 className="panel-title">Declare an incident</h2>}
      <p className="muted">{intro(alerts.length)}</p>
      {alerts.length > 1 && (
        <div className="stack-tight">
          <p className="field-label" id={`${id}-alerts`}>
            Alerts ({alerts.length})
          </p>
          <ul className="declare-alerts" aria-labelledby={`${id}-alerts`}>
            {alerts.map((a) => (
              <li key={a.id}>
                {a.message} <span className="muted">· {a.service.name}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {problems.alertIDs && <p className="field-error">Alerts: {problems.alertIDs}</p>}
      <div className="field">
        <label htmlFor={`${id}-t`}>Title</label>
        <input
          id={`${id}-t`}
          required
          value={title}
          autoFocus={alerts.length === 0}
          placeholder="What is broken, as people notice it"
          aria-invalid={problems.title ? true : undefined}
          aria-describedby={problems.title ? `${id}-t-problem` : undefined}
          onChange={(e) => setTitle(e.target.value)}
        />
        {problems.title && (
          <p id={`${id}-t-problem`} className="field-error">
            {problems.title}
          </p>
        )}
      </div>
      <SeveritySelect id={`${id}-s`} value={severity} onChange={setSeverity} problem={problems.severity} />
      <div className="field">
        <label htmlFor={`${id}-sum`}>Summary (optional)</label>
        <textarea
          id={`${id}-sum`}
          rows={3}
          value={summary}
          aria-invalid={problems.summary ? true : undefined}
          aria-describedby={problems.summary ? `${id}-sum-problem` : undefined}
          onChange={(e) => setSummary(e.target.value)}
        />
        {problems.summary && (
          <p id={`${id}-sum-problem`} className="field-error">
            {problems.summary}
          </p>
        )}
      </div>
      <ServiceMultiSelect
        label={fromAlerts.length > 0 ? 'Affected services (the alerts’ are included)' : 'Affected services (optional)'}
        value={services}
        onChange={setServices}
        fixed={fromAlerts}
        problem={problems.serviceIDs}
      />
      {unplaced && <ErrorNotice error={state.error!} />}
      {state.error && !unplaced && (
        <p className="visually-hidden" role="alert">
          The incident was not declared: {shown.filter((f) => problems[f]).map((f) => problems[f]).join(' ')}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={state.fetching || !title.trim()}>
          {state.fetching ? 'Declaring…' : 'Declare incident'}
        </button>
      </div>
    </form>
  );
}

function intro(alerts: number): string {
  if (alerts === 0) return 'You become its commander. Link alerts to it later from an alert or the alerts list.';
  if (alerts === 1) return 'You become its commander; this alert and its service are linked.';
  return `You become its commander; these ${alerts} alerts and their services are linked.`;
}

function uniqueServices(services: ServiceChoice[]): ServiceChoice[] {
  const seen = new Map<string, ServiceChoice>();
  for (const s of services) if (!seen.has(s.id)) seen.set(s.id, { id: s.id, name: s.name });
  return [...seen.values()];
}
