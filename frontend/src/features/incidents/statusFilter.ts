import type { IncidentWhereInput } from '../../gql/graphql';

export const incidentFilters = [
  { value: 'active', label: 'Ongoing' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'all', label: 'All' },
] as const;

export type IncidentFilter = (typeof incidentFilters)[number]['value'];

export const DEFAULT_INCIDENT_FILTER: IncidentFilter = 'active';

export function parseIncidentFilter(value: string | null): IncidentFilter {
  return incidentFilters.some((f) => f.value === value) ? (value as IncidentFilter) : DEFAULT_INCIDENT_FILTER;
}

export function incidentWhere(filter: IncidentFilter): IncidentWhereInput {
  switch (filter) {
    case 'active':
      return { statusNEQ: 'RESOLVED' };
    case 'resolved':
      return { status: 'RESOLVED' };
    default:
      return {};
  }
}
