import { Link } from 'react-router';
import { useQuery } from 'urql';
import { LiveIncidentsQuery } from './documents';
import { MySubscriptions } from './MySubscriptions';
import { IncidentRow } from '../incidents/IncidentRow';
import { useLiveIncidentList } from '../incidents/useLiveIncidentList';
import { useViewer } from '../auth/useViewer';
import { PageHeader } from '../shell/PageHeader';
import { useNow } from '../../time/useNow';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SkeletonRows } from '../../ui/Skeleton';

/**
 * Where stakeholders land: the incidents going on now, and what they follow.
 * Read-only apart from their own subscriptions; nothing here would fail.
 */
export function StakeholderHome() {
  const { viewer } = useViewer();
  const now = useNow();
  const [{ data, fetching, error }, refetch] = useQuery({ query: LiveIncidentsQuery, requestPolicy: 'cache-and-network' });
  const incidents = data?.incidents.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const live = useLiveIncidentList(
    incidents.map((i) => i.id),
    'active',
    true,
    () => refetch({ requestPolicy: 'network-only' }),
  );
  return (
    <>
      <PageHeader title="Home" />
      <div className="stack">
        <section className="card stack" aria-labelledby="live-heading" data-testid="live-incidents">
          <h2 id="live-heading">Incidents now</h2>
          <p className="visually-hidden" role="status" aria-live="polite" data-testid="incidents-live">
            {live}
          </p>
          {error && <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
          {fetching && !data && <SkeletonRows rows={2} label="Loading incidents" />}
          {data && incidents.length === 0 && (
            <EmptyState title="No incident is going on">
              <p>All services are working. Subscribe to a service to hear at once when that changes.</p>
            </EmptyState>
          )}
          {incidents.length > 0 && (
            <ul className="rows">
              {incidents.map((i) => (
                <IncidentRow key={i.id} incident={i} now={now} timeZone={viewer?.timeZone ?? 'UTC'} />
              ))}
            </ul>
          )}
        </section>
        <MySubscriptions />
        <p className="muted">
          Choose how you hear about incidents in your <Link to="/profile#notifications">profile</Link>.
        </p>
      </div>
    </>
  );
}
