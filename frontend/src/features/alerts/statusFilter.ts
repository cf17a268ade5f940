import type { AlertPriority, AlertStatus, AlertWhereInput } from '../../gql/graphql';

export const alertFilters = [
  { value: 'active', label: 'Active' },
  { value: 'open', label: 'Open' },
  { value: 'acked', label: 'Acknowledged' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
] as const;

export type AlertFilter = (typeof alertFilters)[number]['value'];

export const DEFAULT_ALERT_FILTER: AlertFilter = 'active';

const statuses: Record<AlertFilter, AlertStatus[] | undefined> = {
  active: ['OPEN', 'ACKED'],
  open: ['OPEN'],
  acked: ['ACKED'],
  closed: ['CLOSED'],
  all: undefined,
};

/** Reads the ?status= value, falling back to the default for anything unknown. */
export function parseAlertFilter(value: string | null): AlertFilter {
  return alertFilters.some((f) => f.value === value) ? (value as AlertFilter) : DEFAULT_ALERT_FILTER;
}

export const priorities: AlertPriority[] = ['P1', 'P2', 'P3', 'P4', 'P5'];

export const timeRanges = [
  { value: '', label: 'Any time', ms: 0 },
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { value: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
  { value: 'custom', label: 'Between dates…', ms: 0 },
] as const;

export type TimeRange = (typeof timeRanges)[number]['value'];

/** Everything the alert list can be narrowed by; all of it lives in the URL. */
export interface AlertListFilters {
  status: AlertFilter;
  serviceID: string;
  priorities: AlertPriority[];
  tag: string;
  search: string;
  range: TimeRange;
  /** YYYY-MM-DD in the viewer's browser zone, for range=custom. */
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from the query string; anything unknown or malformed is ignored. */
export function parseAlertFilters(params: URLSearchParams): AlertListFilters {
  const wanted = (params.get('priority') ?? '').split(',').map((p) => p.trim().toUpperCase());
  const range = params.get('since') ?? '';
  return {
    status: parseAlertFilter(params.get('status')),
    serviceID: params.get('service') ?? '',
    priorities: priorities.filter((p) => wanted.includes(p)),
    tag: (params.get('tag') ?? '').trim(),
    search: (params.get('q') ?? '').trim(),
    range: timeRanges.some((r) => r.value === range) ? (range as TimeRange) : '',
    from: DATE.test(params.get('from') ?? '') ? params.get('from')! : '',
    to: DATE.test(params.get('to') ?? '') ? params.get('to')! : '',
  };
}

/**
 * Writes a change of filters into a copy of the query string: defaults and
 * empty values are left out so URLs stay short and shareable.
 */
export function withAlertFilters(params: URLSearchParams, change: Partial<AlertListFilters>): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string, empty = '') => (value && value !== empty ? next.set(key, value) : next.delete(key));
  if (change.status !== undefined) set('status', change.status, DEFAULT_ALERT_FILTER);
  if (change.serviceID !== undefined) set('service', change.serviceID);
  if (change.priorities !== undefined) set('priority', priorities.filter((p) => change.priorities!.includes(p)).join(','));
  if (change.tag !== undefined) set('tag', change.tag.trim());
  if (change.search !== undefined) set('q', change.search.trim());
  if (change.range !== undefined) {
    set('since', change.range);
    if (change.range !== 'custom') {
      next.delete('from');
      next.delete('to');
    }
  }
  if (change.from !== undefined) set('from', change.from);
  if (change.to !== undefined) set('to', change.to);
  return next;
}

/** True when anything narrows the list beyond the status tabs. */
export function hasNarrowing(f: AlertListFilters): boolean {
  return Boolean(f.serviceID || f.priorities.length || f.tag || f.search || f.range);
}

/** Start of the minute: a moving "now" must not change the query on every render. */
function minuteFloor(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000);
}

/** The API filter for the list's filters, relative ranges counted back from `now`. */
export function alertListWhere(f: AlertListFilters, now: Date): AlertWhereInput {
  const where: AlertWhereInput = {};
  const s = statuses[f.status];
  if (s) where.statusIn = s;
  if (f.serviceID) where.serviceID = f.serviceID;
  if (f.priorities.length) where.priorityIn = f.priorities;
  if (f.tag.trim()) where.tag = f.tag.trim();
  if (f.search.trim()) where.search = f.search.trim();
  const range = timeRanges.find((r) => r.value === f.range);
  if (range && range.ms > 0) {
    where.createdAtGTE = new Date(minuteFloor(now).getTime() - range.ms).toISOString();
  } else if (f.range === 'custom') {
    // Dates are whole days in the browser's zone: from its first to the last millisecond of `to`.
    if (f.from) where.createdAtGTE = new Date(`${f.from}T00:00:00`).toISOString();
    if (f.to) where.createdAtLTE = new Date(`${f.to}T23:59:59.999`).toISOString();
  }
  return where;
}

/** The API filter for a status choice and search text. */
export function alertWhere(filter: AlertFilter, search: string): AlertWhereInput {
  return alertListWhere(
    { status: filter, serviceID: '', priorities: [], tag: '', search, range: '', from: '', to: '' },
    new Date(),
  );
}
