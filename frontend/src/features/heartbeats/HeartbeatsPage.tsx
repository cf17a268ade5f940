import { Link } from 'react-router';
import { useQuery } from 'urql';
import { HeartbeatsQuery } from './documents';
import { HeartbeatRow } from './HeartbeatRow';
import { byUrgency } from './heartbeatState';
import { useViewer } from '../auth/useViewer';
import { PageHeader } from '../shell/PageHeader';
import { useNow } from '../../time/useNow';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SkeletonRows } from '../../ui/Skeleton';

/** Every heartbeat of every service, expired ones first. */
export function HeartbeatsPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: HeartbeatsQuery });
  const { viewer } = useViewer();
  const now = useNow();
  const heartbeats = byUrgency(data?.heartbeats.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? []);
  const expired = heartbeats.filter((h) => h.enabled && h.expired).length;

  return (
    <>
      <PageHeader title="Heartbeats" count={data?.heartbeats.totalCount} />
      {data && heartbeats.length > 0 && (
        <p className={expired ? 'notice notice-error' : 'muted'} role="status">
          {expired ? `${expired} expired: their jobs stopped pinging in time.` : 'Every watched heartbeat pinged in time.'}
        </p>
      )}
      {error && !data && <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <SkeletonRows label="Loading heartbeats" />}
      {data && heartbeats.length === 0 && (
        <EmptyState title="No heartbeats yet.">
          <p>
            A heartbeat raises an alert when a job stops pinging Tocsin. Add one on a <Link to="/services">service’s page</Link>.
          </p>
        </EmptyState>
      )}
      {heartbeats.length > 0 && (
        <ul className="list" aria-label="Heartbeats, expired first">
          {heartbeats.map((h) => (
            <HeartbeatRow key={h.id} heartbeat={h} now={now} timeZone={viewer?.timeZone ?? 'UTC'} showService />
          ))}
        </ul>
      )}
    </>
  );
}
