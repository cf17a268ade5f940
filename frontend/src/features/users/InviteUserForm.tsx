import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { InviteUserMutation } from './documents';
import type { UserRole } from '../../gql/graphql';
import { roleDescriptions, roleLabels } from '../auth/permissions';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FormActions } from '../../ui/Form';
import { TimeZoneSelect } from '../../ui/TimeZoneSelect';

interface InviteUserFormProps {
  defaultTimeZone: string;
  onInvited: (email: string) => void;
  onCancel: () => void;
}

export function InviteUserForm({ defaultTimeZone, onInvited, onCancel }: InviteUserFormProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<UserRole>('RESPONDER');
  const [timeZone, setTimeZone] = useState(defaultTimeZone);
  const [state, invite] = useMutation(InviteUserMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await invite({ input: { name: name.trim(), email: email.trim(), role, timeZone } });
    if (result.data?.inviteUser) onInvited(result.data.inviteUser.email);
  }

  return (
    <form onSubmit={submit} className="stack">
      <p className="muted">They get an email with a link to set their password.</p>
      <Field id="invite-name" label="Name">
        <input id="invite-name" required autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </Field>
      <Field id="invite-email" label="Email">
        <input id="invite-email" type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <fieldset className="field">
        <legend>Role</legend>
        {(Object.keys(roleLabels) as UserRole[]).map((r) => (
          <label key={r} className="radio">
            <input type="radio" name="invite-role" value={r} checked={role === r} onChange={() => setRole(r)} />
            <span>
              <strong>{roleLabels[r]}</strong> — {roleDescriptions[r]}
            </span>
          </label>
        ))}
      </fieldset>
      <Field id="invite-tz" label="Time zone">
        <TimeZoneSelect id="invite-tz" value={timeZone} onChange={setTimeZone} />
      </Field>
      {state.error && <ErrorNotice error={state.error} />}
      <FormActions onCancel={onCancel} busy={state.fetching}>
        {state.fetching ? 'Sending…' : 'Send invitation'}
      </FormActions>
    </form>
  );
}
