import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AddIncidentResponderMutation, AddIncidentStakeholderMutation, IncidentPeopleQuery } from './documents';
import type { IncidentDetailFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';

interface Props {
  incident: IncidentDetailFragment;
  mayAct: boolean;
  onDone: (message: string) => void;
}

/** Responders (each paged when added) and stakeholders; responders add more. */
export function IncidentPeople({ incident, mayAct, onDone }: Props) {
  return (
    <section className="card stack" aria-labelledby="incident-people">
      <h2 id="incident-people">People</h2>
      <h3>Responders</h3>
      <Names names={incident.responders.map((u) => u.name)} empty="Nobody was asked to join yet." />
      {mayAct && <AddPerson incident={incident} kind="responder" onDone={onDone} />}
      <h3>Stakeholders</h3>
      <Names names={incident.stakeholders.map((u) => u.name)} empty="Nobody follows this incident yet." />
      {mayAct && <AddPerson incident={incident} kind="stakeholder" onDone={onDone} />}
    </section>
  );
}

function Names({ names, empty }: { names: string[]; empty: string }) {
  if (names.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="chips">
      {names.map((n) => (
        <li key={n} className="tag">
          {n}
        </li>
      ))}
    </ul>
  );
}

function AddPerson({ incident, kind, onDone }: { incident: IncidentDetailFragment; kind: 'responder' | 'stakeholder'; onDone: (m: string) => void }) {
  const id = useId();
  const [{ data }] = useQuery({ query: IncidentPeopleQuery });
  const [user, setUser] = useState('');
  const [addR, addResponder] = useMutation(AddIncidentResponderMutation);
  const [addS, addStakeholder] = useMutation(AddIncidentStakeholderMutation);
  const taken = new Set((kind === 'responder' ? incident.responders : incident.stakeholders).map((u) => u.id));
  const choices = (data?.users.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? []).filter(
    (u) => !taken.has(u.id) && (kind === 'stakeholder' || u.role !== 'STAKEHOLDER'),
  );
  const state = kind === 'responder' ? addR : addS;
  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!user) return;
        const r = kind === 'responder' ? await addResponder({ id: incident.id, userID: user }) : await addStakeholder({ id: incident.id, userID: user });
        if (r.data) {
          setUser('');
          onDone(kind === 'responder' ? 'Responder added: they are being paged.' : 'Stakeholder added.');
        }
      }}
    >
      <div className="choice-row">
        <label htmlFor={id} className="visually-hidden">
          Add {kind}
        </label>
        <select id={id} value={user} onChange={(e) => setUser(e.target.value)}>
          <option value="">Add a {kind}…</option>
          {choices.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button" disabled={!user || state.fetching}>
          {kind === 'responder' ? 'Add and page' : 'Add'}
        </button>
      </div>
      {state.error && <ErrorNotice error={state.error} />}
    </form>
  );
}
