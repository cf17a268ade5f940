import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PolicyChoicesQuery, UpdateServicePagingMutation } from './documents';
import type { ServiceHighUrgencyUpTo } from '../../gql/graphql';
import { priorities, urgencyWords } from '../policies/urgency';
import { ErrorNotice } from '../../ui/ErrorNotice';

interface ServicePagingProps {
  serviceID: string;
  teamName: string;
  policy?: { id: string; name: string } | null;
  highUrgencyUpTo: ServiceHighUrgencyUpTo;
  /** Admins choose; everyone else reads. */
  manage: boolean;
}

/** Who is paged for the service's alerts (its escalation policy) and which priorities page loudly. */
export function ServicePaging({ serviceID, teamName, policy, highUrgencyUpTo, manage }: ServicePagingProps) {
  return (
    <section className="stack" aria-labelledby="paging-heading">
      <h2 id="paging-heading">Paging</h2>
      <p data-testid="service-policy">
        {policy ? (
          <>
            Alerts follow the escalation policy <Link to={`/policies/${policy.id}`}>{policy.name}</Link>.
          </>
        ) : (
          `No escalation policy: alerts page whoever is on call in team ${teamName}’s schedules, every 5 min, three times.`
        )}{' '}
        {urgencyWords(highUrgencyUpTo)}
      </p>
      {manage && <ServicePagingForm key={`${policy?.id}-${highUrgencyUpTo}`} serviceID={serviceID} policyID={policy?.id ?? ''} highUrgencyUpTo={highUrgencyUpTo} />}
    </section>
  );
}

function ServicePagingForm({ serviceID, policyID, highUrgencyUpTo }: { serviceID: string; policyID: string; highUrgencyUpTo: ServiceHighUrgencyUpTo }) {
  const [{ data }] = useQuery({ query: PolicyChoicesQuery });
  const choices = data?.escalationPolicies.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const [chosen, setChosen] = useState(policyID);
  const [cut, setCut] = useState(highUrgencyUpTo);
  const [state, save] = useMutation(UpdateServicePagingMutation);
  const changed = chosen !== policyID || cut !== highUrgencyUpTo;

  function submit(e: FormEvent) {
    e.preventDefault();
    save({ id: serviceID, input: { highUrgencyUpTo: cut, ...(chosen ? { escalationPolicyID: chosen } : { clearEscalationPolicy: true }) } });
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label="Paging of this service">
      <div className="field">
        <label htmlFor="service-policy">Escalation policy</label>
        <select id="service-policy" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">None: the team’s schedules</option>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="service-high-urgency">High urgency up to</label>
        <select id="service-high-urgency" value={cut} onChange={(e) => setCut(e.target.value as ServiceHighUrgencyUpTo)}>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary" disabled={!changed || state.fetching}>
        Save paging
      </button>
      {choices.length === 0 && (
        <p className="muted">
          No policies yet: <Link to="/policies/new">create one</Link>.
        </p>
      )}
      {state.error && <ErrorNotice error={state.error} />}
    </form>
  );
}
