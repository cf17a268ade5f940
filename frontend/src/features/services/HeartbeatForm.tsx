import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreateHeartbeatMutation, UpdateHeartbeatMutation } from './documents';
import type { HeartbeatAlertPriority, HeartbeatFieldsFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FormActions } from '../../ui/Form';

const units = [
  { value: 60, label: 'minutes' },
  { value: 3600, label: 'hours' },
  { value: 86400, label: 'days' },
];

/** The largest unit that divides the interval evenly, for editing. */
export function splitInterval(seconds: number): { amount: number; unit: number } {
  for (const u of [...units].reverse()) if (seconds >= u.value && seconds % u.value === 0) return { amount: seconds / u.value, unit: u.value };
  return { amount: Math.max(1, Math.round(seconds / 60)), unit: 60 };
}

/** Creates a heartbeat of a service, or changes one (its name is fixed: jobs ping it by name). */
export function HeartbeatForm({ serviceID, heartbeat, onDone }: { serviceID: string; heartbeat?: HeartbeatFieldsFragment; onDone: () => void }) {
  const id = useId();
  const start = splitInterval(heartbeat?.intervalSeconds ?? 3600);
  const [name, setName] = useState(heartbeat?.name ?? '');
  const [description, setDescription] = useState(heartbeat?.description ?? '');
  const [amount, setAmount] = useState(String(start.amount));
  const [unit, setUnit] = useState(start.unit);
  const [enabled, setEnabled] = useState(heartbeat?.enabled ?? true);
  const [alertMessage, setAlertMessage] = useState(heartbeat?.alertMessage ?? '');
  const [alertPriority, setAlertPriority] = useState<HeartbeatAlertPriority>(heartbeat?.alertPriority ?? 'P3');
  const [created, create] = useMutation(CreateHeartbeatMutation);
  const [updated, update] = useMutation(UpdateHeartbeatMutation);
  const state = heartbeat ? updated : created;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const intervalSeconds = Math.round(Number(amount) * unit);
    const common = { description: description.trim(), intervalSeconds, alertMessage: alertMessage.trim() || undefined, alertPriority };
    const r = heartbeat
      ? await update({ id: heartbeat.id, input: { ...common, enabled } })
      : await create({ input: { ...common, serviceID, name: name.trim() } });
    if (!r.error) onDone();
  }

  return (
    <form className="stack" onSubmit={submit}>
      {!heartbeat && (
        <Field id={`${id}-name`} label="Name">
          <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. nightly-backup" pattern="[A-Za-z0-9._\-]+" title="Letters, digits, dots, dashes and underscores: jobs use it in the ping URL" />
        </Field>
      )}
      <Field id={`${id}-amount`} label="Expect a ping every">
        <div className="inline-pair">
          <input id={`${id}-amount`} type="number" min={1} required value={amount} onChange={(e) => setAmount(e.target.value)} />
          <select aria-label="Unit" value={unit} onChange={(e) => setUnit(Number(e.target.value))}>
            {units.map((u) => (
              <option key={u.value} value={u.value}>
                {u.label}
              </option>
            ))}
          </select>
        </div>
      </Field>
      <Field id={`${id}-desc`} label="Description (optional)">
        <input id={`${id}-desc`} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What stops pinging when it breaks" />
      </Field>
      <Field id={`${id}-msg`} label="Alert message when it expires (optional)">
        <input id={`${id}-msg`} value={alertMessage} onChange={(e) => setAlertMessage(e.target.value)} placeholder={`Heartbeat ${name || 'name'} expired`} />
      </Field>
      <Field id={`${id}-prio`} label="Alert priority">
        <select id={`${id}-prio`} value={alertPriority} onChange={(e) => setAlertPriority(e.target.value as HeartbeatAlertPriority)}>
          {(['P1', 'P2', 'P3', 'P4', 'P5'] as const).map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </Field>
      {heartbeat && (
        <label className="radio">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Watch this heartbeat (off: it never expires)
        </label>
      )}
      {state.error && <ErrorNotice error={state.error} />}
      <FormActions onCancel={onDone} busy={state.fetching}>
        {heartbeat ? 'Save heartbeat' : 'Create heartbeat'}
      </FormActions>
    </form>
  );
}
