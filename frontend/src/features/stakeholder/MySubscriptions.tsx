import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { MySubscriptionsQuery, UnsubscribeFromIncidentMutation, UnsubscribeFromServiceMutation } from './documents';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SkeletonRows } from '../../ui/Skeleton';

/** What the viewer follows, each with a way to stop. */
export function MySubscriptions() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MySubscriptionsQuery, requestPolicy: 'cache-and-network' });
  const [unsubService, unsubscribeService] = useMutation(UnsubscribeFromServiceMutation);
  const [unsubIncident, unsubscribeIncident] = useMutation(UnsubscribeFromIncidentMutation);
  const subs = data?.viewer?.subscriptions ?? [];

  async function stop(kind: 'service' | 'incident', id: string) {
    const res = await (kind === 'service' ? unsubscribeService : unsubscribeIncident)({ id });
    if (!res.error) refetch({ requestPolicy: 'network-only' });
  }

  return (
    <section className="card stack" aria-labelledby="subscriptions-heading" data-testid="my-subscriptions">
      <h2 id="subscriptions-heading">My subscriptions</h2>
      {error && <ErrorNotice error={error} />}
      {(unsubService.error || unsubIncident.error) && <ErrorNotice error={(unsubService.error ?? unsubIncident.error)!} />}
      {fetching && !data && <SkeletonRows rows={2} label="Loading your subscriptions" />}
      {data && subs.length === 0 && (
        <EmptyState title="You follow nothing yet">
          <p>
            Open a <Link to="/services">service</Link> and choose Subscribe to hear of every incident that affects it.
          </p>
        </EmptyState>
      )}
      {subs.length > 0 && (
        <ul className="rows">
          {subs.map((s) => (
            <li key={s.id} className="row" data-testid="subscription">
              <div className="row-main">
                {s.service && (
                  <p className="row-title">
                    <Link to={`/services/${s.service.id}`}>{s.service.name}</Link>
                    <span className="muted"> · service: every incident that affects it</span>
                  </p>
                )}
                {s.incident && (
                  <p className="row-title">
                    <Link to={`/incidents/${s.incident.id}`}>{s.incident.title}</Link>
                    <span className="muted"> · incident</span>
                  </p>
                )}
              </div>
              <div className="row-trail">
                <button
                  type="button"
                  className="button"
                  disabled={unsubService.fetching || unsubIncident.fetching}
                  onClick={() => (s.service ? stop('service', s.service.id) : s.incident && stop('incident', s.incident.id))}
                >
                  Unsubscribe
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
