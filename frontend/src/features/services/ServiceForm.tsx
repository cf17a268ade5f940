import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CreateServiceMutation, TeamChoicesQuery, UpdateServiceMutation } from './documents';
import type { ServiceFieldsFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FormActions } from '../../ui/Form';

interface ServiceFormProps {
  /** The service to edit; none to create one. */
  service?: ServiceFieldsFragment;
  onDone: () => void;
}

export function ServiceForm({ service, onDone }: ServiceFormProps) {
  const [{ data: teamData, fetching: loadingTeams }] = useQuery({ query: TeamChoicesQuery });
  const teams = teamData?.teams.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const [name, setName] = useState(service?.name ?? '');
  const [description, setDescription] = useState(service?.description ?? '');
  const [teamID, setTeamID] = useState(service?.team.id ?? '');
  const [created, create] = useMutation(CreateServiceMutation);
  const [updated, update] = useMutation(UpdateServiceMutation);
  const state = service ? updated : created;
  const chosenTeam = teamID || teams[0]?.id || '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = { name: name.trim(), description: description.trim(), teamID: chosenTeam };
    const result = service ? await update({ id: service.id, input }) : await create({ input });
    if (!result.error) onDone();
  }

  if (!loadingTeams && teamData && teams.length === 0) {
    return (
      <p className="notice">
        Every service belongs to a team, and there are no teams yet. <Link to="/teams">Create a team</Link> first.
      </p>
    );
  }

  return (
    <form onSubmit={submit} className="stack">
      <Field id="service-name" label="Name">
        <input id="service-name" required value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </Field>
      <Field id="service-team" label="Owning team">
        <select id="service-team" required value={chosenTeam} onChange={(e) => setTeamID(e.target.value)}>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="service-description" label="Description">
        <textarea id="service-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What it does and who relies on it" />
      </Field>
      {state.error && <ErrorNotice error={state.error} />}
      <FormActions onCancel={onDone} busy={state.fetching || !chosenTeam}>
        {service ? 'Save changes' : 'Create service'}
      </FormActions>
    </form>
  );
}
