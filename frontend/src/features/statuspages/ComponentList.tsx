import { useMutation } from 'urql';
import { RemoveStatusComponentMutation } from './documents';
import type { StatusPageFieldsFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';

type Component = NonNullable<StatusPageFieldsFragment['components']>[number];

/** Components in the order and groups the page shows them. */
export function orderedGroups(components: readonly Component[]): { name: string; components: Component[] }[] {
  const sorted = [...components].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const groups: { name: string; components: Component[] }[] = [];
  for (const c of sorted) {
    let g = groups.find((x) => x.name === c.groupName);
    if (!g) groups.push((g = { name: c.groupName, components: [] }));
    g.components.push(c);
  }
  return groups;
}

interface ComponentListProps {
  page: StatusPageFieldsFragment;
  admin: boolean;
  onEdit: (c: Component) => void;
  onChanged: () => void;
}

/** A page's components by group, with edit and remove for admins. */
export function ComponentList({ page, admin, onEdit, onChanged }: ComponentListProps) {
  const [removed, remove] = useMutation(RemoveStatusComponentMutation);
  const groups = orderedGroups(page.components ?? []);
  if (groups.length === 0) return <p className="row-meta">No components yet: the page shows only its headline.</p>;

  async function removeComponent(c: Component) {
    if (!window.confirm(`Remove “${c.name}” from ${page.title}?`)) return;
    if (!(await remove({ id: c.id })).error) onChanged();
  }

  return (
    <div className="stack-tight">
      {groups.map((g) => (
        <section key={g.name} aria-label={g.name || 'Without a group'}>
          {g.name && <h4>{g.name}</h4>}
          <ul className="list" aria-label={`Components of ${page.title}${g.name ? ` in ${g.name}` : ''}`}>
            {g.components.map((c) => (
              <li key={c.id} className="row" data-testid="status-component">
                <div className="row-main">
                  <p className="row-title">{c.name}</p>
                  <p className="row-meta">{c.service ? `Service: ${c.service.name}` : 'No service: always operational'}</p>
                </div>
                {admin && (
                  <div className="row-trail">
                    <button type="button" className="button" onClick={() => onEdit(c)} aria-label={`Edit ${c.name}`}>
                      Edit
                    </button>
                    <button type="button" className="button" onClick={() => removeComponent(c)} aria-label={`Remove ${c.name}`}>
                      Remove
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {removed.error && <ErrorNotice error={removed.error} />}
    </div>
  );
}
