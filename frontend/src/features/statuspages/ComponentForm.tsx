import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { AddStatusComponentMutation, StatusServiceChoicesQuery, UpdateStatusComponentMutation } from './documents';
import type { StatusPageFieldsFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FormActions } from '../../ui/Form';

type Component = NonNullable<StatusPageFieldsFragment['components']>[number];

interface ComponentFormProps {
  page: StatusPageFieldsFragment;
  component?: Component;
  onDone: () => void;
}

/** A component of a status page: its name for readers, its group, its place and the service whose incidents set its status. */
export function ComponentForm({ page, component, onDone }: ComponentFormProps) {
  const others = page.components ?? [];
  const [name, setName] = useState(component?.name ?? '');
  const [group, setGroup] = useState(component?.groupName ?? '');
  const [serviceID, setServiceID] = useState(component?.service?.id ?? '');
  const [position, setPosition] = useState(String(component?.position ?? Math.max(-1, ...others.map((c) => c.position)) + 1));
  const [{ data: services }] = useQuery({ query: StatusServiceChoicesQuery });
  const [added, add] = useMutation(AddStatusComponentMutation);
  const [updated, update] = useMutation(UpdateStatusComponentMutation);
  const state = component ? updated : added;
  const groups = [...new Set(others.map((c) => c.groupName).filter(Boolean))];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const common = { name: name.trim(), groupName: group.trim(), position: Number(position) || 0 };
    const result = component
      ? await update({ id: component.id, input: { ...common, ...(serviceID ? { serviceID } : { clearService: true }) } })
      : await add({ input: { ...common, pageID: page.id, ...(serviceID ? { serviceID } : {}) } });
    if (!result.error) onDone();
  }

  return (
    <form onSubmit={submit} className="stack">
      <Field id="component-name" label="Name readers see">
        <input id="component-name" required value={name} onChange={(e) => setName(e.target.value)} placeholder="Website and API" autoFocus />
      </Field>
      <Field id="component-service" label="Service">
        <select id="component-service" value={serviceID} onChange={(e) => setServiceID(e.target.value)}>
          <option value="">None (always operational)</option>
          {services?.services.edges?.map((e) => e?.node && (
            <option key={e.node.id} value={e.node.id}>
              {e.node.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="component-group" label="Group">
        <input id="component-group" list="component-groups" value={group} onChange={(e) => setGroup(e.target.value)} placeholder="None" />
      </Field>
      <datalist id="component-groups">
        {groups.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
      <Field id="component-position" label="Position (lower first)">
        <input id="component-position" type="number" value={position} onChange={(e) => setPosition(e.target.value)} />
      </Field>
      {state.error && <ErrorNotice error={state.error} />}
      <FormActions onCancel={onDone} busy={state.fetching}>
        {component ? 'Save component' : 'Add component'}
      </FormActions>
    </form>
  );
}
