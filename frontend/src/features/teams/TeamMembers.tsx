import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { TeamMembersQuery, UpdateTeamMutation, UserChoicesQuery } from './documents';
import type { TeamFieldsFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';

/** Who is in a team, with adding and removing for admins. */
export function TeamMembers({ team }: { team: TeamFieldsFragment }) {
  const [{ data }] = useQuery({ query: UserChoicesQuery });
  const [{ data: memberData }] = useQuery({ query: TeamMembersQuery, variables: { id: team.id } });
  const [state, update] = useMutation(UpdateTeamMutation);
  const node = memberData?.node;
  const list = node && 'allMembers' in node ? node.allMembers : team.members;
  const members = list.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const memberIDs = new Set(members.map((m) => m.id));
  const candidates = data?.users.edges?.flatMap((e) => (e?.node && !memberIDs.has(e.node.id) ? [e.node] : [])) ?? [];
  const [choice, setChoice] = useState('');
  const chosen = candidates.some((c) => c.id === choice) ? choice : (candidates[0]?.id ?? '');

  async function add(e: FormEvent) {
    e.preventDefault();
    if (chosen) await update({ id: team.id, input: { addMemberIDs: [chosen] } });
  }

  return (
    <section className="stack" aria-label={`Members of ${team.name}`}>
      <h3>Members</h3>
      {members.length === 0 ? (
        <p className="muted">Nobody is in this team yet. Add the people who fix its services.</p>
      ) : (
        <ul className="member-list">
          {members.map((m) => (
            <li key={m.id}>
              <span>{m.name}</span>
              <button
                type="button"
                className="button button-ghost"
                disabled={state.fetching}
                onClick={() => update({ id: team.id, input: { removeMemberIDs: [m.id] } })}
                aria-label={`Remove ${m.name} from ${team.name}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 && (
        <form onSubmit={add} className="inline-form">
          <div className="field">
            <label htmlFor="team-add-member">Add a member</label>
            <select id="team-add-member" value={chosen} onChange={(e) => setChoice(e.target.value)}>
              {candidates.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={state.fetching || !chosen}>
            Add member
          </button>
        </form>
      )}
      {state.error && <ErrorNotice error={state.error} />}
    </section>
  );
}
