import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { AddIncidentServicesMutation, RemoveIncidentServicesMutation } from './documents';
import { ServicePicker } from './ServicePicker';
import type { ServiceChoice } from '../services/documents';
import type { IncidentDetailFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';

interface Props {
  incident: IncidentDetailFragment;
  mayAct: boolean;
  onDone: (message: string) => void;
}

/** The services the incident affects; responders mark more (their subscribers then follow the incident). */
export function AffectedServices({ incident, mayAct, onDone }: Props) {
  const services = incident.services.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const [removed, remove] = useMutation(RemoveIncidentServicesMutation);

  async function removeService(s: { id: string; name: string }) {
    if (!window.confirm(`Mark ${s.name} as not affected? Its subscribers stop following this incident.`)) return;
    if ((await remove({ id: incident.id, serviceIDs: [s.id] })).data) onDone(`${s.name} is no longer an affected service.`);
  }

  return (
    <section className="card stack" aria-labelledby="incident-services">
      <h2 id="incident-services">Affected services</h2>
      {services.length === 0 ? (
        <p className="muted">{mayAct ? 'No service is marked affected yet. Add one, and its subscribers follow this incident.' : 'No service is marked affected yet.'}</p>
      ) : (
        <ul className="chips" aria-labelledby="incident-services" data-testid="affected-services">
          {services.map((s) => (
            <li key={s.id}>
              <Link to={`/services/${s.id}`} className="tag">
                {s.name}
              </Link>
              {mayAct && (
                <button type="button" className="chip-remove" disabled={removed.fetching} onClick={() => removeService(s)} aria-label={`Remove ${s.name} from the affected services`}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {removed.error && <ErrorNotice error={removed.error} />}
      {mayAct && <AddService incidentID={incident.id} affected={services.map((s) => s.id)} onDone={onDone} />}
    </section>
  );
}

function AddService({ incidentID, affected, onDone }: { incidentID: string; affected: string[]; onDone: (m: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<ServiceChoice | null>(null);
  const [problem, setProblem] = useState('');
  const [state, add] = useMutation(AddIncidentServicesMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen) {
      setProblem(text.trim() ? `Pick “${text.trim()}” (or another service) from the list before adding.` : 'Type a service’s name, then pick it from the list.');
      return;
    }
    setProblem('');
    const r = await add({ id: incidentID, serviceIDs: [chosen.id] });
    if (r.data) {
      setText('');
      setChosen(null);
      onDone(`${chosen.name} is now an affected service.`);
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Add an affected service" noValidate>
      <div className="field">
        <label htmlFor={`${id}-svc`}>Add an affected service</label>
        <div className="choice-row combobox-row">
          <ServicePicker
            id={`${id}-svc`}
            text={text}
            onText={(t) => {
              setText(t);
              setProblem('');
            }}
            chosen={chosen}
            onChoose={setChosen}
            exclude={affected}
            describedBy={problem ? `${id}-problem ${id}-hint` : `${id}-hint`}
            invalid={!!problem}
          />
          <button type="submit" className="button" disabled={state.fetching}>
            Add service
          </button>
        </div>
        <p id={`${id}-hint`} className="muted">
          Its subscribers will follow this incident. A service whose alert is linked here stays affected.
        </p>
        {problem && (
          <p id={`${id}-problem`} className="field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      {state.error && <ErrorNotice error={state.error} />}
    </form>
  );
}
