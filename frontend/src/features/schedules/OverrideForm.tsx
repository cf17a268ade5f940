import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreateScheduleOverrideMutation } from './documents';
import { fromLocalInput, toLocalInput } from './timeline';
import type { ScheduleOverrideKind } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FormActions, FormProblem } from '../../ui/Form';

interface OverrideFormProps {
  scheduleID: string;
  timeZone: string;
  members: { id: string; name: string }[];
  /** The shift picked on the timeline: its range and who holds it. */
  start: Date;
  end: Date;
  off?: string;
  onDone: (saved: boolean) => void;
}

const kinds: { value: ScheduleOverrideKind; label: string }[] = [
  { value: 'REPLACE', label: 'Someone takes over from' },
  { value: 'ADD', label: 'Someone joins whoever is on call' },
  { value: 'REMOVE', label: 'Nobody replaces' },
];

/** An override: for a while, put someone in place of, beside, or instead of nobody for whoever is on call. */
export function OverrideForm({ scheduleID, timeZone, members, start, end, off, onDone }: OverrideFormProps) {
  const [kind, setKind] = useState<ScheduleOverrideKind>('REPLACE');
  const [from, setFrom] = useState(toLocalInput(start, timeZone));
  const [to, setTo] = useState(toLocalInput(end, timeZone));
  const [offID, setOffID] = useState(off ?? members[0]?.id ?? '');
  const [onID, setOnID] = useState(members.find((m) => m.id !== off)?.id ?? '');
  const [problem, setProblem] = useState<string>();
  const [state, create] = useMutation(CreateScheduleOverrideMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const startsAt = fromLocalInput(from, timeZone);
    const endsAt = fromLocalInput(to, timeZone);
    if (!startsAt || !endsAt) return setProblem('Pick when the override starts and ends.');
    setProblem(undefined);
    const result = await create({
      scheduleID,
      input: {
        kind,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        userOnID: kind === 'REMOVE' ? null : onID,
        userOffID: kind === 'ADD' ? null : offID,
      },
    });
    if (!result.error) onDone(true);
  }

  const person = (id: string, value: string, set: (v: string) => void, label: string) => (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <form onSubmit={submit} className="stack">
      <fieldset className="field">
        <legend>What changes</legend>
        {kinds.map((k) => (
          <label key={k.value} className="radio">
            <input type="radio" name="override-kind" value={k.value} checked={kind === k.value} onChange={() => setKind(k.value)} />
            {k.label}
          </label>
        ))}
      </fieldset>
      {kind !== 'REMOVE' && person('override-on', onID, setOnID, 'Who goes on call')}
      {kind !== 'ADD' && person('override-off', offID, setOffID, 'Instead of')}
      <div className="inline-form">
        <Field id="override-from" label={`From (${timeZone})`}>
          <input id="override-from" type="datetime-local" required value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field id="override-to" label="Until">
          <input id="override-to" type="datetime-local" required value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
      </div>
      <p className="muted">Overrides apply in the order they are made: a newer one wins where they overlap.</p>
      <FormProblem message={problem} />
      {state.error && <ErrorNotice error={state.error} />}
      <FormActions onCancel={() => onDone(false)} busy={state.fetching}>
        Add override
      </FormActions>
    </form>
  );
}
