import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PoliciesQuery } from './documents';
import { PolicySteps } from './PolicySteps';
import { canManagePolicies } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { PageHeader } from '../shell/PageHeader';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SkeletonRows } from '../../ui/Skeleton';

/** Every escalation policy, each as its sentence-like list and the services that use it. */
export function PoliciesPage() {
  const { viewer } = useViewer();
  const admin = canManagePolicies(viewer?.role);
  const [{ data, fetching, error }, refetch] = useQuery({ query: PoliciesQuery });
  const policies = data?.escalationPolicies.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];

  return (
    <>
      <PageHeader
        title="Escalation policies"
        count={data?.escalationPolicies.totalCount}
        actions={
          admin && (
            <Link className="button button-primary" to="/policies/new">
              Create policy
            </Link>
          )
        }
      />
      <p className="muted">Who is paged for a service’s alerts, step after step, until someone acknowledges.</p>
      {error && !data && <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <SkeletonRows label="Loading escalation policies" />}
      {data && policies.length === 0 && (
        <EmptyState title="No escalation policies yet.">
          <p>
            {admin
              ? 'Create one, then choose it on each service. Until then a service pages whoever is on call in its team’s schedules.'
              : 'An administrator sets them up. Until then a service pages whoever is on call in its team’s schedules.'}
          </p>
        </EmptyState>
      )}
      {policies.length > 0 && (
        <ul className="list" aria-label="Escalation policies">
          {policies.map((p) => (
            <li key={p.id} className="row" data-list-item tabIndex={0} data-testid="policy-row">
              <div className="row-main">
                <p className="row-title">
                  <Link to={`/policies/${p.id}`}>{p.name}</Link>
                </p>
                {p.description && <p className="row-description">{p.description}</p>}
                <PolicySteps steps={p.steps} repeat={p.repeat} />
                <p className="row-meta">
                  <span>{p.services?.length ? `Used by ${p.services.map((s) => s.name).join(', ')}` : 'No service uses it yet'}</span>
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
