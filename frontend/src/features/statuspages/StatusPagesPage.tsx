import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ComponentForm } from './ComponentForm';
import { ComponentList } from './ComponentList';
import { DeleteStatusPageMutation, StatusPagesQuery } from './documents';
import { StatusPageForm } from './StatusPageForm';
import type { StatusPageFieldsFragment } from '../../gql/graphql';
import { canManageStatusPages } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { PageHeader } from '../shell/PageHeader';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SkeletonRows } from '../../ui/Skeleton';

type Component = NonNullable<StatusPageFieldsFragment['components']>[number];
type Editing =
  | { kind: 'create' }
  | { kind: 'edit'; page: StatusPageFieldsFragment }
  | { kind: 'component'; page: StatusPageFieldsFragment; component?: Component }
  | undefined;

/** The status pages and their components; admins configure them. */
export function StatusPagesPage() {
  const { viewer } = useViewer();
  const admin = canManageStatusPages(viewer?.role);
  const [{ data, fetching, error }, refetch] = useQuery({ query: StatusPagesQuery });
  const [deleted, deletePage] = useMutation(DeleteStatusPageMutation);
  const [editing, setEditing] = useState<Editing>();
  const pages = [...(data?.statusPages ?? [])].sort((a, b) => a.slug.localeCompare(b.slug));
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const done = () => {
    setEditing(undefined);
    reload();
  };

  async function remove(p: StatusPageFieldsFragment) {
    if (!window.confirm(`Delete the status page “${p.title}”? Its address stops working and its email subscribers are removed.`)) return;
    if (!(await deletePage({ id: p.id })).error) reload();
  }

  return (
    <>
      <PageHeader
        title="Status pages"
        count={data?.statusPages.length}
        actions={
          admin && (
            <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'create' })}>
              Create status page
            </button>
          )
        }
      />
      {error && !data && <ErrorNotice error={error} onRetry={reload} />}
      {deleted.error && <ErrorNotice error={deleted.error} />}
      {!data && fetching && <SkeletonRows label="Loading status pages" />}
      {data && pages.length === 0 && (
        <EmptyState title="No status pages yet.">
          <p>{admin ? 'Create one to tell customers and colleagues how your services are doing.' : 'An administrator sets up status pages.'}</p>
        </EmptyState>
      )}
      <div className="card-list">
        {pages.map((p) => (
          <article key={p.id} className="card stack" aria-labelledby={`status-page-${p.id}`} data-testid="status-page-card">
            <header className="row-main">
              <h2 id={`status-page-${p.id}`} className="row-title">
                {p.title} <span className={p.public ? 'tag' : 'tag tag-muted'}>{p.public ? 'Public' : 'Internal'}</span>
              </h2>
              <p className="row-meta">
                <a href={p.url} target="_blank" rel="noreferrer">
                  {p.url}
                </a>
              </p>
              {p.description && <p className="row-description">{p.description}</p>}
            </header>
            <ComponentList page={p} admin={admin} onEdit={(component) => setEditing({ kind: 'component', page: p, component })} onChanged={reload} />
            {admin && (
              <div className="card-actions">
                <button type="button" className="button" onClick={() => setEditing({ kind: 'component', page: p })} aria-label={`Add a component to ${p.title}`}>
                  Add component
                </button>
                <button type="button" className="button" onClick={() => setEditing({ kind: 'edit', page: p })} aria-label={`Edit ${p.title}`}>
                  Edit
                </button>
                <button type="button" className="button" onClick={() => remove(p)} aria-label={`Delete ${p.title}`}>
                  Delete
                </button>
              </div>
            )}
          </article>
        ))}
      </div>
      <Dialog title={dialogTitle(editing)} open={editing !== undefined} onClose={() => setEditing(undefined)}>
        {editing?.kind === 'create' && <StatusPageForm onDone={done} />}
        {editing?.kind === 'edit' && <StatusPageForm page={editing.page} onDone={done} />}
        {editing?.kind === 'component' && <ComponentForm page={editing.page} component={editing.component} onDone={done} />}
      </Dialog>
    </>
  );
}

function dialogTitle(e: Editing): string {
  switch (e?.kind) {
    case 'edit':
      return `Edit ${e.page.title}`;
    case 'component':
      return e.component ? `Edit ${e.component.name}` : `Add a component to ${e.page.title}`;
    default:
      return 'Create status page';
  }
}
