import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DeletePolicyMutation, PolicyQuery } from './documents';
import { serverFieldErrors } from './draft';
import { PolicySteps } from './PolicySteps';
import type { EscalationPolicyQuery } from '../../gql/graphql';
import { canManagePolicies } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { NodePageState } from '../../ui/NodePageState';

type PolicyNode = Extract<NonNullable<EscalationPolicyQuery['node']>, { __typename: 'EscalationPolicy' }>;

/** One policy: its steps in words with whom each would page now, and the services that use it. */
export function PolicyPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const admin = canManagePolicies(viewer?.role);
  // The preview (who is on call) changes without any mutation of ours: always ask.
  const [{ data, fetching, error }, refetch] = useQuery({ query: PolicyQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [removal, remove] = useMutation(DeletePolicyMutation);
  const policy = data?.node?.__typename === 'EscalationPolicy' ? (data.node as PolicyNode) : undefined;

  if (!policy) {
    return (
      <NodePageState
        result={{ data, fetching, error }}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        back={<BackLink />}
        loadingLabel="Loading the escalation policy"
        loadingRows={3}
        notFoundHeading="Escalation policy not found"
        notFoundTitle="There is no escalation policy with this address."
      >
        <p>
          It may have been deleted. Pick one from the <Link to="/policies">escalation policies</Link>.
        </p>
      </NodePageState>
    );
  }

  const services = policy.services ?? [];
  const preview = new Map(policy.preview.map((p) => [p.position, p.users]));

  async function deletePolicy() {
    if (!window.confirm(`Delete the escalation policy “${policy!.name}”?`)) return;
    const result = await remove({ id: policy!.id });
    if (!result.error) navigate('/policies');
  }

  return (
    <>
      <BackLink />
      <div className="page-header">
        <div className="stack-tight">
          <h1>{policy.name}</h1>
          {policy.description && <p className="muted">{policy.description}</p>}
        </div>
        {admin && (
          <div className="page-actions">
            <Link className="button button-primary" to={`/policies/${policy.id}/edit`}>
              Edit policy
            </Link>
            <button type="button" className="button button-danger" onClick={deletePolicy} disabled={removal.fetching}>
              Delete
            </button>
          </div>
        )}
      </div>
      {removal.error &&
        (serverFieldErrors(removal.error).id ? (
          <p className="notice notice-error" role="alert">
            Not deleted: {serverFieldErrors(removal.error).id}
          </p>
        ) : (
          <ErrorNotice error={removal.error} />
        ))}

      <section className="stack" aria-labelledby="steps-heading">
        <h2 id="steps-heading">Steps, and who would be paged now</h2>
        <PolicySteps steps={policy.steps} repeat={policy.repeat} preview={preview} />
        <p className="muted">Paging stops when someone acknowledges, except on steps that keep paging; it always stops when the alert closes.</p>
      </section>

      <section className="stack" aria-labelledby="services-heading">
        <h2 id="services-heading">
          Services using it <span className="count">{services.length}</span>
        </h2>
        {services.length === 0 ? (
          <p className="muted">{admin ? 'None yet: choose this policy on a service’s page.' : 'None yet.'}</p>
        ) : (
          <ul className="plain-list" aria-label="Services using this policy">
            {services.map((s) => (
              <li key={s.id}>
                <Link to={`/services/${s.id}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function BackLink() {
  return (
    <Link to="/policies" className="back-link">
      ← Escalation policies
    </Link>
  );
}
