import { useState } from 'react';
import type { EscalationTargetKind } from '../../gql/graphql';
import type { TargetLike } from './sentence';

export interface TargetChoices {
  users: { id: string; name: string }[];
  schedules: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  /** The viewer's own webhooks (WEBHOOK contact methods). */
  webhooks: { id: string; name: string }[];
}

const groups: { kind: EscalationTargetKind; label: string; from: keyof TargetChoices; word: (name: string) => string }[] = [
  { kind: 'SCHEDULE', label: 'Whoever is on call in a schedule', from: 'schedules', word: (n) => `On call in ${n}` },
  { kind: 'USER', label: 'A person', from: 'users', word: (n) => n },
  { kind: 'TEAM', label: 'Everyone in a team', from: 'teams', word: (n) => `Everyone in ${n}` },
  { kind: 'ROUND_ROBIN', label: 'One member of a team, in turn', from: 'teams', word: (n) => `One of ${n}, in turn` },
  { kind: 'WEBHOOK', label: 'One of your webhooks', from: 'webhooks', word: (n) => `Webhook ${n}` },
];

/** Picks one more target for a step: a person, a schedule's on-call, a team (all, or round robin), or one of the viewer's webhooks. */
export function TargetPicker({ id, choices, onPick, errorID }: { id: string; choices: TargetChoices; onPick: (t: TargetLike) => void; errorID?: string }) {
  const [value, setValue] = useState('');

  function add() {
    const [kind, targetID] = value.split(':') as [EscalationTargetKind, string];
    const group = groups.find((g) => g.kind === kind);
    const found = group && choices[group.from].find((c) => c.id === targetID);
    if (!found) return;
    onPick({ kind, id: found.id, name: found.name });
    setValue('');
  }

  // No webhook group for a viewer without webhooks: the other groups are never empty in practice.
  const shown = groups.filter((g) => g.kind !== 'WEBHOOK' || choices.webhooks.length > 0);

  return (
    <div className="inline-form target-picker">
      <div className="field">
        <label htmlFor={id}>Notify</label>
        <select id={id} value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={errorID ? true : undefined} aria-describedby={errorID}>
          <option value="">Choose whom…</option>
          {shown.map((g) => (
            <optgroup key={g.kind} label={g.label}>
              {choices[g.from].map((c) => (
                <option key={c.id} value={`${g.kind}:${c.id}`}>
                  {g.word(c.name)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="button" className="button" onClick={add} disabled={!value}>
        Add
      </button>
    </div>
  );
}
