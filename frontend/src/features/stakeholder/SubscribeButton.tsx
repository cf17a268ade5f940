import { useMutation, useQuery } from 'urql';
import {
  SubscribeToIncidentMutation,
  SubscribeToServiceMutation,
  IncidentSubscriptionQuery,
  ServiceSubscriptionQuery,
  UnsubscribeFromIncidentMutation,
  UnsubscribeFromServiceMutation,
} from './documents';
import { ErrorNotice } from '../../ui/ErrorNotice';

interface SubscribeButtonProps {
  /** What to follow: a service (every incident affecting it) or one incident. */
  kind: 'service' | 'incident';
  id: string;
  /** The name shown to screen readers: "Follow Checkout". */
  name?: string;
}

/**
 * Follow or stop following a service or an incident. Everyone signed in may,
 * stakeholders included: the server lets each person change only their own
 * subscriptions, so this button never fails for lack of a role.
 */
export function SubscribeButton({ kind, id, name }: SubscribeButtonProps) {
  const [{ data }] = useQuery({ query: kind === 'service' ? ServiceSubscriptionQuery : IncidentSubscriptionQuery, variables: { id } });
  const [subService, subscribeService] = useMutation(SubscribeToServiceMutation);
  const [unsubService, unsubscribeService] = useMutation(UnsubscribeFromServiceMutation);
  const [subIncident, subscribeIncident] = useMutation(SubscribeToIncidentMutation);
  const [unsubIncident, unsubscribeIncident] = useMutation(UnsubscribeFromIncidentMutation);
  const node = data?.node;
  if (!node || (node.__typename !== 'Service' && node.__typename !== 'Incident')) return null;
  const subscribed = 'viewerSubscribed' in node && node.viewerSubscribed;
  const states = [subService, unsubService, subIncident, unsubIncident];
  const busy = states.some((s) => s.fetching);
  const error = states.find((s) => s.error)?.error;

  function toggle() {
    if (kind === 'service') (subscribed ? unsubscribeService : subscribeService)({ id });
    else (subscribed ? unsubscribeIncident : subscribeIncident)({ id });
  }

  const what = kind === 'service' ? 'incidents affecting this service' : 'updates on this incident';
  return (
    <>
      <button
        type="button"
        className={subscribed ? 'button' : 'button button-primary'}
        onClick={toggle}
        disabled={busy}
        aria-pressed={subscribed}
        aria-label={name ? `${subscribed ? 'Unsubscribe from' : 'Subscribe to'} ${name}` : undefined}
        title={subscribed ? `You hear of ${what}; click to stop` : `Hear of ${what} by email and push`}
        data-testid="subscribe-button"
      >
        {subscribed ? 'Unsubscribe' : 'Subscribe'}
      </button>
      {error && <ErrorNotice error={error} />}
    </>
  );
}
