import { useState } from 'react';
import { useQuery } from 'urql';
import { cadenceWords } from './cadence';
import { SeverityLevelsQuery } from './documents';
import { SeverityLevelForm } from './SeverityLevelForm';
import type { SeverityLevelsQuery as Levels } from '../../gql/graphql';
import { canManageStatusPages } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { PageHeader } from '../shell/PageHeader';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SkeletonRows } from '../../ui/Skeleton';

type Level = Levels['severityLevels'][number];

/**
 * The severity levels: what each means (shown wherever a severity is
 * chosen) and its stakeholder-update cadence. Everyone signed in reads
 * them; admins change them.
 */
export function SeverityLevelsPage() {
  const { viewer } = useViewer();
  const admin = canManageStatusPages(viewer?.role);
  const [{ data, fetching, error }, refetch] = useQuery({ query: SeverityLevelsQuery });
  const [editing, setEditing] = useState<Level>();
  const levels = [...(data?.severityLevels ?? [])].sort((a, b) => a.level.localeCompare(b.level));
  return (
    <>
      <PageHeader title="Severity levels" />
      <p className="muted">
        An incident of each severity owes stakeholders an update at its cadence: the incident page counts down to it, and the communications lead is reminded when it is late.
      </p>
      {error && !data && <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <SkeletonRows label="Loading severity levels" />}
      <div className="card-list">
        {levels.map((l) => (
          <article key={l.id} className="card stack" aria-labelledby={`severity-${l.id}`} data-testid="severity-level">
            <header className="row-main">
              <h2 id={`severity-${l.id}`} className="row-title">
                {l.level}
              </h2>
              <p className="row-meta">Stakeholder updates {cadenceWords(l.updateCadenceMinutes)}</p>
              <p className="row-description">{l.description || 'No description.'}</p>
            </header>
            {admin && (
              <div className="card-actions">
                <button type="button" className="button" onClick={() => setEditing(l)} aria-label={`Edit ${l.level}`}>
                  Edit
                </button>
              </div>
            )}
          </article>
        ))}
      </div>
      <Dialog title={editing ? `Edit ${editing.level}` : ''} open={editing !== undefined} onClose={() => setEditing(undefined)}>
        {editing && <SeverityLevelForm level={editing} onDone={() => setEditing(undefined)} />}
      </Dialog>
    </>
  );
}
