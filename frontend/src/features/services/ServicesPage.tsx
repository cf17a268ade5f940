import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ServicesQuery } from './documents';
import { ServiceForm } from './ServiceForm';
import type { ServiceFieldsFragment } from '../../gql/graphql';
import { canManageDirectory } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { PageHeader } from '../shell/PageHeader';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SkeletonRows } from '../../ui/Skeleton';

type Editing = { kind: 'create' } | { kind: 'edit'; service: ServiceFieldsFragment } | undefined;

export function ServicesPage() {
  const { viewer } = useViewer();
  const admin = canManageDirectory(viewer?.role);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ServicesQuery });
  const [editing, setEditing] = useState<Editing>();
  const services = data?.services.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];

  return (
    <>
      <PageHeader
        title="Services"
        count={data?.services.totalCount}
        actions={
          admin && (
            <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'create' })}>
              Create service
            </button>
          )
        }
      />
      {error && !data && <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <SkeletonRows label="Loading services" />}
      {data && services.length === 0 && (
        <EmptyState title="No services yet.">
          <p>
            {admin
              ? 'Create a service for each system that sends alerts, and give it to the team that fixes it.'
              : 'An administrator adds services; ask one to set up the systems you care about.'}
          </p>
        </EmptyState>
      )}
      {services.length > 0 && (
        <ul className="list" aria-label="Services">
          {services.map((s) => (
            <li key={s.id} className="row" data-list-item tabIndex={0} data-testid="service-row">
              <div className="row-main">
                <p className="row-title">
                  <Link to={`/services/${s.id}`} className="row-link">
                    {s.name}
                  </Link>
                </p>
                <p className="row-meta">
                  <span>Team {s.team.name}</span>
                </p>
                {s.description && <p className="row-description">{s.description}</p>}
              </div>
              {admin && (
                <div className="row-trail">
                  <button type="button" className="button" onClick={() => setEditing({ kind: 'edit', service: s })} aria-label={`Edit ${s.name}`}>
                    Edit
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Dialog
        title={editing?.kind === 'edit' ? `Edit ${editing.service.name}` : 'Create service'}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
      >
        {editing && <ServiceForm service={editing.kind === 'edit' ? editing.service : undefined} onDone={() => setEditing(undefined)} />}
      </Dialog>
    </>
  );
}
