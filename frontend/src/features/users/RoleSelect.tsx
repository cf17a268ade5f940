import { useMutation } from 'urql';
import { UpdateUserRoleMutation } from './documents';
import type { UserFieldsFragment, UserRole } from '../../gql/graphql';
import { roleLabels } from '../auth/permissions';
import { ErrorNotice } from '../../ui/ErrorNotice';

const roles: UserRole[] = ['ADMIN', 'RESPONDER', 'STAKEHOLDER'];

/** Lets an admin change someone's role; saves on change. */
export function RoleSelect({ user }: { user: UserFieldsFragment }) {
  const [state, update] = useMutation(UpdateUserRoleMutation);
  return (
    <div className="role-select">
      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
        Role of {user.name}
      </label>
      <select
        id={`role-${user.id}`}
        value={user.role}
        disabled={state.fetching}
        onChange={(e) => update({ id: user.id, role: e.target.value as UserRole })}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
      {state.error && <ErrorNotice error={state.error} />}
    </div>
  );
}
