import { useId, useState } from 'react';
import { useQuery } from 'urql';
import { ServiceChoicesQuery, type ServiceChoice } from './documents';
import { useDebounced } from '../../ui/useDebounced';

/** How many matches one search shows; typing narrows the rest. */
export const SERVICE_MATCHES = 20;

interface ServiceMultiSelectProps {
  label: string;
  value: ServiceChoice[];
  onChange: (next: ServiceChoice[]) => void;
  /** Services that are in any case (e.g. the linked alerts'): shown, neither offered nor removable. */
  fixed?: ServiceChoice[];
  /** Why the server refused the choice, shown under it. */
  problem?: string;
}

/**
 * Picks any number of the services the viewer can see: a search box over a
 * list of ticks, and the picked ones as chips that stay while the search
 * changes. The server searches (nameContainsFold), so it scales past one page.
 */
export function ServiceMultiSelect({ label, value, onChange, fixed = [], problem }: ServiceMultiSelectProps) {
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const [{ data, fetching, error }] = useQuery({
    query: ServiceChoicesQuery,
    variables: { first: SERVICE_MATCHES, search: q || null, exclude: fixed.length > 0 ? fixed.map((s) => s.id) : null },
  });
  const picked = new Set(value.map((s) => s.id));
  const matches: ServiceChoice[] = data?.services.edges?.flatMap((e) => (e?.node ? [{ id: e.node.id, name: e.node.name, team: e.node.team.name }] : [])) ?? [];
  const total = data?.services.totalCount ?? 0;

  const toggle = (s: ServiceChoice) => onChange(picked.has(s.id) ? value.filter((v) => v.id !== s.id) : [...value, { id: s.id, name: s.name }]);

  return (
    <fieldset className="field service-multi" aria-describedby={problem ? `${id}-problem` : undefined} aria-invalid={problem ? true : undefined}>
      <legend>{label}</legend>
      {(fixed.length > 0 || value.length > 0) && (
        <ul className="chips" aria-label={`Chosen: ${label.toLowerCase()}`}>
          {fixed.map((s) => (
            <li key={s.id} className="chip target-chip" title="From the alerts: always affected">
              <span>{s.name}</span>
            </li>
          ))}
          {value.map((s) => (
            <li key={s.id} className="chip target-chip">
              <span>{s.name}</span>
              <button type="button" className="button button-ghost icon-button" aria-label={`Remove ${s.name}`} onClick={() => toggle(s)}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-q`} className="visually-hidden">
        Search services
      </label>
      <input id={`${id}-q`} type="search" placeholder="Search services" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
      {error && !data ? (
        <p className="field-error">Services could not be loaded. Close this form and try again.</p>
      ) : (
        <ul className="choice-list" aria-label="Services" aria-busy={fetching}>
          {matches.map((s) => (
            <li key={s.id}>
              <label className="radio">
                <input type="checkbox" checked={picked.has(s.id)} onChange={() => toggle(s)} />
                <span>{s.name}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {data && matches.length === 0 && <p className="muted">{q ? `No other service matches “${q}”.` : 'No other services.'}</p>}
      {data && total > SERVICE_MATCHES && (
        <p className="muted">
          Showing {SERVICE_MATCHES} of {total}; type to narrow.
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="field-error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
