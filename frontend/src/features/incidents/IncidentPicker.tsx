import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { OngoingIncidentsQuery } from './documents';
import { statusLabels } from './IncidentControls';
import { formatRelative } from '../../time/format';
import { SeverityBadge } from '../../ui/Badges';
import { useDebounced } from '../../ui/useDebounced';

export interface IncidentChoice {
  id: string;
  title: string;
}

/** How many ongoing incidents one search shows; typing narrows the rest. */
export const INCIDENT_MATCHES = 20;

interface IncidentPickerProps {
  value: IncidentChoice | undefined;
  onChange: (incident: IncidentChoice) => void;
}

/**
 * One of the ongoing incidents (not resolved), newest first, searched by
 * title on the server: a list of radio buttons under a search box.
 */
export function IncidentPicker({ value, onChange }: IncidentPickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const where = q ? { statusNEQ: 'RESOLVED' as const, titleContainsFold: q } : { statusNEQ: 'RESOLVED' as const };
  const [{ data, fetching, error }] = useQuery({ query: OngoingIncidentsQuery, variables: { first: INCIDENT_MATCHES, where } });
  const incidents = data?.incidents.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const total = data?.incidents.totalCount ?? 0;
  const now = new Date();

  return (
    <fieldset className="field">
      <legend>Ongoing incident</legend>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        Search ongoing incidents by title
      </label>
      <input id={`${id}-q`} type="search" placeholder="Search by title" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
      {error && !data ? (
        <p className="field-error">Incidents could not be loaded. Close this form and try again.</p>
      ) : (
        <ul className="choice-list" aria-label="Ongoing incidents, newest first" aria-busy={fetching}>
          {incidents.map((i) => (
            <li key={i.id}>
              <label className="radio">
                <input type="radio" name={`${id}-incident`} checked={value?.id === i.id} onChange={() => onChange({ id: i.id, title: i.title })} />
                <span>
                  <SeverityBadge severity={i.severity} /> {i.title}{' '}
                  <span className="muted">
                    · {statusLabels[i.status]} · started {formatRelative(new Date(i.createdAt), now)}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {data && incidents.length === 0 && (
        <p className="muted">{q ? `No ongoing incident’s title contains “${q}”.` : 'No incident is ongoing: declare one instead.'}</p>
      )}
      {data && total > INCIDENT_MATCHES && (
        <p className="muted">
          Showing the newest {INCIDENT_MATCHES} of {total}; type to narrow.
        </p>
      )}
    </fieldset>
  );
}
