import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PolicyQuery } from './documents';
import { draftOf, emptyDraft } from './draft';
import { PolicyForm } from './PolicyForm';
import { canManagePolicies } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { EmptyState } from '../../ui/EmptyState';
import { NodePageState } from '../../ui/NodePageState';

/** Creates a policy (/policies/new) or edits one (/policies/:id/edit); admins only. */
export function PolicyEditorPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const back = id ? `/policies/${id}` : '/policies';
  const [{ data, fetching, error }, refetch] = useQuery({ query: PolicyQuery, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'network-only' });
  const policy = data?.node?.__typename === 'EscalationPolicy' ? data.node : undefined;
  const backLink = (
    <Link to={back} className="back-link">
      ← {id ? 'The policy' : 'Escalation policies'}
    </Link>
  );

  if (!canManagePolicies(viewer?.role)) {
    return (
      <>
        {backLink}
        <EmptyState title="Only administrators change escalation policies.">
          <p>Ask one if this policy should page differently.</p>
        </EmptyState>
      </>
    );
  }
  if (id && !policy) {
    return (
      <NodePageState
        result={{ data, fetching, error }}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        back={backLink}
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

  return (
    <>
      {backLink}
      <div className="page-header">
        <h1>{policy ? `Edit ${policy.name}` : 'New escalation policy'}</h1>
      </div>
      <PolicyForm key={policy?.id ?? 'new'} policyID={policy?.id} initial={policy ? draftOf(policy) : emptyDraft()} onSaved={(saved) => navigate(`/policies/${saved}`)} onCancel={() => navigate(back)} />
    </>
  );
}
