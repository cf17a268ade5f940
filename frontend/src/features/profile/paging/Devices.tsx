import { useQuery } from 'urql';
import { ContactMethodRow } from './ContactMethodRow';
import { DevicesQuery } from './documents';
import type { ContactMethodFieldsFragment } from '../../../gql/graphql';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { SkeletonRows } from '../../../ui/Skeleton';

/**
 * The viewer's phones that get push. A responder tests, turns off and removes them; a
 * stakeholder (paging false), whose devices only get quiet pushes about the incidents they
 * follow, removes them.
 */
export function Devices({ devices, paging }: { devices: ContactMethodFieldsFragment[]; paging: boolean }) {
  return (
    <section className="stack card" aria-labelledby="devices-heading">
      <h2 id="devices-heading">Devices</h2>
      {!paging && (
        <p className="muted">Phones with the Tocsin app get a quiet push when an incident you follow is declared or updated (turn push off under Incident notifications).</p>
      )}
      {devices.length === 0 ? (
        <EmptyState title="No devices yet.">Install the Tocsin app on your phone and sign in: it registers itself for push notifications.</EmptyState>
      ) : (
        <ul className="list" aria-label="Your devices">
          {devices.map((m) => (
            <ContactMethodRow key={m.id} method={m} removeOnly={!paging} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The devices of someone who is never paged (a stakeholder): the only contact methods they have. */
export function StakeholderDevices() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: DevicesQuery });
  const viewer = data?.viewer;
  if (error && !data) return <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!viewer) return fetching ? <SkeletonRows rows={1} label="Loading devices" /> : null;
  return <Devices devices={viewer.contactMethods.filter((m) => m.kind === 'PUSH')} paging={false} />;
}
