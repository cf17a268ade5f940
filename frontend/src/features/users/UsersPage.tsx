import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { UsersQuery } from './documents';
import { InviteUserForm } from './InviteUserForm';
import { RoleSelect } from './RoleSelect';
import { canManageDirectory, roleLabels } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { PageHeader } from '../shell/PageHeader';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SearchBox } from '../../ui/SearchBox';
import { SkeletonRows } from '../../ui/Skeleton';

export function UsersPage() {
  const { viewer } = useViewer();
  const admin = canManageDirectory(viewer?.role);
  const [params] = useSearchParams();
  const search = (params.get('q') ?? '').toLowerCase();
  const [{ data, fetching, error }, refetch] = useQuery({ query: UsersQuery });
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<string>();
  const all = data?.users.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const users = search ? all.filter((u) => u.name.toLowerCase().includes(search) || u.email.toLowerCase().includes(search)) : all;

  return (
    <>
      <PageHeader
        title="Users"
        count={data?.users.totalCount}
        actions={
          admin && (
            <button type="button" className="button button-primary" onClick={() => setInviting(true)}>
              Invite user
            </button>
          )
        }
      />
      <div className="toolbar">
        <SearchBox label="Filter users by name or email" placeholder="Filter by name or email  ( / )" />
      </div>
      {invited && (
        <p className="notice notice-success" role="status">
          Invitation sent to {invited}. They appear below and can sign in once they set a password.
        </p>
      )}
      {error && !data && <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <SkeletonRows label="Loading users" />}
      {data && users.length === 0 && (
        <EmptyState title={search ? 'Nobody matches that filter.' : 'No users yet.'}>
          <p>{search ? 'Check the spelling, or clear the filter.' : admin ? 'Invite the people who respond to alerts.' : ''}</p>
        </EmptyState>
      )}
      {users.length > 0 && (
        <ul className="list" aria-label="Users">
          {users.map((u) => (
            <li key={u.id} className="row user-row" data-list-item tabIndex={0} data-testid="user-row">
              <div className="row-main">
                <p className="row-title">
                  {u.name}
                  {u.id === viewer?.id && <span className="tag">you</span>}
                  {u.disabled && <span className="tag tag-muted">disabled</span>}
                </p>
                <p className="row-meta">
                  <span>{u.email}</span>
                  <span>{u.timeZone.replaceAll('_', ' ')}</span>
                </p>
              </div>
              <div className="row-trail">
                {admin && u.id !== viewer?.id ? <RoleSelect user={u} /> : <span className="tag">{roleLabels[u.role]}</span>}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Dialog title="Invite user" open={inviting} onClose={() => setInviting(false)}>
        <InviteUserForm
          defaultTimeZone={viewer?.timeZone ?? 'UTC'}
          onCancel={() => setInviting(false)}
          onInvited={(email) => {
            setInviting(false);
            setInvited(email);
          }}
        />
      </Dialog>
    </>
  );
}
