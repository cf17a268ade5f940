import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { DeclareIncidentForm } from './DeclareIncidentForm';
import { IncidentsQuery } from './documents';
import { IncidentRow } from './IncidentRow';
import { useLiveIncidentList } from './useLiveIncidentList';
import { DEFAULT_INCIDENT_FILTER, incidentFilters, incidentWhere, parseIncidentFilter } from './statusFilter';
import { canRespond } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { PageHeader } from '../shell/PageHeader';
import { useNow } from '../../time/useNow';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FilterTabs } from '../../ui/FilterTabs';
import { SkeletonRows } from '../../ui/Skeleton';

const PAGE = 50;

export function IncidentsPage() {
  const [params] = useSearchParams();
  const filter = parseIncidentFilter(params.get('status'));
  const [page, setPage] = useState<{ key: string; after: string | null }>({ key: filter, after: null });
  const after = page.key === filter ? page.after : null;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: IncidentsQuery,
    variables: { first: PAGE, after, where: incidentWhere(filter) },
  });
  const { viewer } = useViewer();
  const responder = canRespond(viewer?.role);
  const [declaring, setDeclaring] = useState(false);
  const now = useNow();
  const incidents = data?.incidents.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const live = useLiveIncidentList(
    incidents.map((i) => i.id),
    filter,
    after === null,
    () => refetch({ requestPolicy: 'network-only' }),
  );

  return (
    <>
      <PageHeader
        title="Incidents"
        count={data?.incidents.totalCount}
        actions={
          responder && (
            <button type="button" className="button button-primary" onClick={() => setDeclaring(true)}>
              Declare incident
            </button>
          )
        }
      />
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="incidents-live">
        {live}
      </p>
      <div className="toolbar">
        <FilterTabs param="status" label="Incident status" options={[...incidentFilters]} current={filter} defaultValue={DEFAULT_INCIDENT_FILTER} />
      </div>
      {error && !data && <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <SkeletonRows label="Loading incidents" />}
      {data && incidents.length === 0 && (
        <EmptyState title={filter === 'active' ? 'No ongoing incidents.' : 'No incidents here.'}>
          <p>
            {filter === 'active'
              ? 'When something needs coordinating, responders declare an incident here or from alerts. Past incidents are under Resolved.'
              : 'Incidents appear here once responders declare them.'}
          </p>
        </EmptyState>
      )}
      {incidents.length > 0 && (
        <ul className="list" aria-label="Incidents, newest first" aria-busy={fetching}>
          {incidents.map((i) => (
            <IncidentRow key={i.id} incident={i} now={now} timeZone={viewer?.timeZone ?? 'UTC'} />
          ))}
        </ul>
      )}
      {data?.incidents.pageInfo.hasNextPage && (
        <button type="button" className="button load-more" disabled={fetching} onClick={() => setPage({ key: filter, after: data.incidents.pageInfo.endCursor ?? null })}>
          {fetching ? 'Loading…' : 'Show older incidents'}
        </button>
      )}
      <Dialog title="Declare an incident" open={declaring} onClose={() => setDeclaring(false)}>
        <DeclareIncidentForm inDialog onCancel={() => setDeclaring(false)} />
      </Dialog>
    </>
  );
}
