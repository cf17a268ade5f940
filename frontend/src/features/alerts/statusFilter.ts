import type { AlertStatus, AlertWhereInput } from '../../gql/graphql';

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

/** The API filter for a status choice and search text. */
export function alertWhere(filter: AlertFilter, search: string): AlertWhereInput {
  const where: AlertWhereInput = {};
  const s = statuses[filter];
  if (s) where.statusIn = s;
  if (search.trim()) where.messageContainsFold = search.trim();
  return where;
}
