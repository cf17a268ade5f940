import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreateTeamMutation, UpdateTeamMutation } from './documents';
import type { TeamFieldsFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FormActions } from '../../ui/Form';

interface TeamFormProps {
  team?: TeamFieldsFragment;
  onDone: () => void;
}

/** Name and description of a team, new or existing. */
export function TeamForm({ team, onDone }: TeamFormProps) {
  const [name, setName] = useState(team?.name ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const [created, create] = useMutation(CreateTeamMutation);
  const [updated, update] = useMutation(UpdateTeamMutation);
  const state = team ? updated : created;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = { name: name.trim(), description: description.trim() };
    const result = team ? await update({ id: team.id, input }) : await create({ input });
    if (!result.error) onDone();
  }

  return (
    <form onSubmit={submit} className="stack">
      <Field id="team-name" label="Team name">
        <input id="team-name" required value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </Field>
      <Field id="team-description" label="Description">
        <textarea id="team-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What the team looks after" />
      </Field>
      {state.error && <ErrorNotice error={state.error} />}
      <FormActions onCancel={onDone} busy={state.fetching}>
        {team ? 'Save changes' : 'Create team'}
      </FormActions>
    </form>
  );
}
