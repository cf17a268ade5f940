import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { AlertServiceChoicesQuery } from './documents';
import { alertFilters, DEFAULT_ALERT_FILTER, hasNarrowing, priorities, timeRanges, withAlertFilters, type AlertListFilters } from './statusFilter';
import { FilterTabs } from '../../ui/FilterTabs';
import { SearchBox } from '../../ui/SearchBox';

/** Status tabs, search, and the narrowing filters: every choice goes into the URL. */
export function AlertFiltersBar({ filters }: { filters: AlertListFilters }) {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const [{ data }] = useQuery({ query: AlertServiceChoicesQuery });
  const services = data?.services.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const [tag, setTag] = useState(filters.tag);
  // On a phone the narrowing filters fold away behind one button; on wider screens they always show.
  const [open, setOpen] = useState(false);
  const narrowing = [filters.serviceID, filters.priorities.length, filters.tag, filters.range].filter(Boolean).length;
  useEffect(() => setTag(filters.tag), [filters.tag]);

  const apply = (change: Partial<AlertListFilters>) => setParams(withAlertFilters(params, change), { replace: true });
  const togglePriority = (p: (typeof priorities)[number]) =>
    apply({ priorities: filters.priorities.includes(p) ? filters.priorities.filter((x) => x !== p) : [...filters.priorities, p] });

  const cleared = new URLSearchParams();
  if (filters.status !== DEFAULT_ALERT_FILTER) cleared.set('status', filters.status);

  return (
    <div className="filter-panel">
      <div className="toolbar">
        <FilterTabs param="status" label="Alert status" options={[...alertFilters]} current={filters.status} defaultValue={DEFAULT_ALERT_FILTER} />
        <SearchBox label="Search alerts" />
      </div>
      <button type="button" className="button filter-toggle" aria-expanded={open} aria-controls={`${id}-filters`} onClick={() => setOpen(!open)}>
        {open ? 'Hide filters' : 'Filters'}
        {narrowing > 0 && ` (${narrowing})`}
      </button>
      <div id={`${id}-filters`} className={`filter-grid${open ? ' is-open' : ''}`} role="group" aria-label="Narrow the list">
        <div className="field">
          <label htmlFor={`${id}-service`}>Service</label>
          <select id={`${id}-service`} value={filters.serviceID} onChange={(e) => apply({ serviceID: e.target.value })}>
            <option value="">All services</option>
            {filters.serviceID && !services.some((s) => s.id === filters.serviceID) && <option value={filters.serviceID}>This service</option>}
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>Priority</legend>
          <div className="toggle-group">
            {priorities.map((p) => (
              <button key={p} type="button" className="toggle" aria-pressed={filters.priorities.includes(p)} onClick={() => togglePriority(p)}>
                {p}
              </button>
            ))}
          </div>
        </fieldset>
        <form
          className="field"
          onSubmit={(e) => {
            e.preventDefault();
            apply({ tag });
          }}
        >
          <label htmlFor={`${id}-tag`}>Tag</label>
          <input id={`${id}-tag`} value={tag} placeholder="e.g. database" onChange={(e) => setTag(e.target.value)} onBlur={() => tag.trim() !== filters.tag && apply({ tag })} />
        </form>
        <div className="field">
          <label htmlFor={`${id}-range`}>Raised</label>
          <select id={`${id}-range`} value={filters.range} onChange={(e) => apply({ range: e.target.value as AlertListFilters['range'] })}>
            {timeRanges.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        {filters.range === 'custom' && (
          <>
            <div className="field">
              <label htmlFor={`${id}-from`}>From</label>
              <input id={`${id}-from`} type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => apply({ from: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>To</label>
              <input id={`${id}-to`} type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => apply({ to: e.target.value })} />
            </div>
          </>
        )}
      </div>
      {hasNarrowing(filters) && (
        <p className="filter-summary">
          <Link to={cleared.toString() ? `?${cleared}` : '.'} replace className="button button-ghost">
            Clear filters
          </Link>
        </p>
      )}
    </div>
  );
}
