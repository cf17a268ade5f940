import { useQuery } from 'urql';
import { AddContactMethodForm } from './AddContactMethodForm';
import { ContactMethodRow } from './ContactMethodRow';
import { Devices } from './Devices';
import { PagingSettingsQuery } from './documents';
import { NotificationRules } from './NotificationRules';
import { QuietHours } from './QuietHours';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { SkeletonRows } from '../../../ui/Skeleton';

/** How Tocsin reaches the viewer: contact methods, devices, rules, quiet hours. */
export function PagingSettings({ timeZone }: { timeZone: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: PagingSettingsQuery });
  const viewer = data?.viewer;
  if (error && !data) return <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!viewer) return fetching ? <SkeletonRows rows={3} label="Loading contact methods" /> : null;
  const methods = viewer.contactMethods;
  const others = methods.filter((m) => m.kind !== 'PUSH');
  const devices = methods.filter((m) => m.kind === 'PUSH');
  return (
    <>
      <section className="stack card" aria-labelledby="methods-heading">
        <h2 id="methods-heading">Contact methods</h2>
        <p className="muted">Where pages reach you. Numbers and email addresses are verified with a code before use.</p>
        {others.length === 0 ? (
          <EmptyState title="No contact methods yet.">Add your phone number or email address below so Tocsin can page you.</EmptyState>
        ) : (
          <ul className="list" aria-label="Your contact methods">
            {others.map((m) => (
              <ContactMethodRow key={m.id} method={m} />
            ))}
          </ul>
        )}
        <AddContactMethodForm />
      </section>
      <Devices devices={devices} paging />
      <NotificationRules rules={viewer.notificationRules} methods={methods} />
      <QuietHours start={viewer.quietHoursStart} end={viewer.quietHoursEnd} timeZone={timeZone} />
    </>
  );
}
