import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { AlertsQuery } from './documents';
import { AlertRow } from './AlertRow';
import { alertFilters, alertWhere, DEFAULT_ALERT_FILTER, parseAlertFilter } from './statusFilter';
import { useViewer } from '../auth/useViewer';
import { PageHeader } from '../shell/PageHeader';
import { useNow } from '../../time/useNow';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FilterTabs } from '../../ui/FilterTabs';
import { SearchBox } from '../../ui/SearchBox';
import { SkeletonRows } from '../../ui/Skeleton';

const PAGE = 50;

export function AlertsPage() {
  const [params] = useSearchParams();
  const filter = parseAlertFilter(params.get('status'));
  const search = params.get('q') ?? '';
  // "Show older" pages belong to one filter; a new filter starts from the top.
  const listKey = `${filter}|${search}`;
  const [page, setPage] = useState<{ key: string; after: string | null }>({ key: listKey, after: null });
  const after = page.key === listKey ? page.after : null;
  const where = alertWhere(filter, search);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AlertsQuery, variables: { first: PAGE, after, where } });
  const { viewer } = useViewer();
  const now = useNow();
  const alerts = data?.alerts.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];

  return (
    <>
      <PageHeader title="Alerts" count={data?.alerts.totalCount} />
      <div className="toolbar">
        <FilterTabs param="status" label="Alert status" options={[...alertFilters]} current={filter} defaultValue={DEFAULT_ALERT_FILTER} />
        <SearchBox label="Search alerts" />
      </div>
      {error && !data && <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <SkeletonRows label="Loading alerts" />}
      {data && alerts.length === 0 && (
        <EmptyState title={search ? `No alerts match “${search}”.` : filter === 'active' ? 'All quiet: no open or acknowledged alerts.' : 'No alerts here.'}>
          <p>
            {search
              ? 'Try fewer words, or look in All.'
              : 'Alerts arrive from your monitoring integrations. Switch to All to see closed alerts.'}
          </p>
        </EmptyState>
      )}
      {alerts.length > 0 && (
        <ul className="list" aria-label="Alerts, newest first" aria-busy={fetching}>
          {alerts.map((a) => (
            <AlertRow key={a.id} alert={a} now={now} timeZone={viewer?.timeZone ?? 'UTC'} />
          ))}
        </ul>
      )}
      {data?.alerts.pageInfo.hasNextPage && (
        <button type="button" className="button load-more" disabled={fetching} onClick={() => setPage({ key: listKey, after: data.alerts.pageInfo.endCursor ?? null })}>
          {fetching ? 'Loading…' : 'Show older alerts'}
        </button>
      )}
    </>
  );
}
