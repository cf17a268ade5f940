import { useState } from 'react';
import { useQuery } from 'urql';
import { TeamsQuery } from './documents';
import { TeamForm } from './TeamForm';
import { TeamMembers } from './TeamMembers';
import { canManageDirectory } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { OnCallList } from '../schedules/OnCallList';
import { PageHeader } from '../shell/PageHeader';
import { useNow } from '../../time/useNow';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SkeletonRows } from '../../ui/Skeleton';

type Editing = { kind: 'create' } | { kind: 'edit'; teamID: string } | undefined;

export function TeamsPage() {
  const { viewer } = useViewer();
  const admin = canManageDirectory(viewer?.role);
  const now = useNow();
  const [{ data, fetching, error }, refetch] = useQuery({ query: TeamsQuery });
  const [editing, setEditing] = useState<Editing>();
  const teams = data?.teams.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  // Read the team being edited from the live list so member changes show at once.
  const editedTeam = editing?.kind === 'edit' ? teams.find((t) => t.id === editing.teamID) : undefined;

  return (
    <>
      <PageHeader
        title="Teams"
        count={data?.teams.totalCount}
        actions={
          admin && (
            <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'create' })}>
              Create team
            </button>
          )
        }
      />
      {error && !data && <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <SkeletonRows label="Loading teams" />}
      {data && teams.length === 0 && (
        <EmptyState title="No teams yet.">
          <p>
            {admin
              ? 'Create a team for each group that is paged together, then add its members and services.'
              : 'An administrator sets up teams; ask one to add you to yours.'}
          </p>
        </EmptyState>
      )}
      {teams.length > 0 && (
        <ul className="list" aria-label="Teams">
          {teams.map((t) => {
            const members = t.members.edges?.flatMap((e) => (e?.node ? [e.node.name] : [])) ?? [];
            return (
              <li key={t.id} className="row" data-list-item tabIndex={0} data-testid="team-row">
                <div className="row-main">
                  <p className="row-title">{t.name}</p>
                  <p className="row-meta">
                    <span>
                      {t.members.totalCount} {t.members.totalCount === 1 ? 'member' : 'members'}
                    </span>
                    <span>
                      {t.services.totalCount} {t.services.totalCount === 1 ? 'service' : 'services'}
                    </span>
                  </p>
                  {t.description && <p className="row-description">{t.description}</p>}
                  {t.onCall.length > 0 && <OnCallList items={t.onCall} now={now} timeZone={viewer?.timeZone ?? 'UTC'} label={`On call for ${t.name}`} />}
                  {members.length > 0 && (
                    <ul className="chips" aria-label={`Members of ${t.name}`}>
                      {members.map((m) => (
                        <li key={m} className="person">
                          {m}
                        </li>
                      ))}
                      {t.members.totalCount > members.length && (
                        <li className="person tag-muted">and {t.members.totalCount - members.length} more</li>
                      )}
                    </ul>
                  )}
                </div>
                {admin && (
                  <div className="row-trail">
                    <button type="button" className="button" onClick={() => setEditing({ kind: 'edit', teamID: t.id })} aria-label={`Edit ${t.name}`}>
                      Edit
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Dialog title={editedTeam ? `Edit ${editedTeam.name}` : 'Create team'} open={editing !== undefined} onClose={() => setEditing(undefined)}>
        {editing?.kind === 'create' && <TeamForm onDone={() => setEditing(undefined)} />}
        {editedTeam && (
          <div className="stack">
            <TeamForm team={editedTeam} onDone={() => setEditing(undefined)} />
            <TeamMembers team={editedTeam} />
          </div>
        )}
      </Dialog>
    </>
  );
}
