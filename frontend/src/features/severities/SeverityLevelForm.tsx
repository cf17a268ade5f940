import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { cadenceProblem } from './cadence';
import { UpdateSeverityLevelMutation } from './documents';
import type { IncidentSeverity, SeverityLevelsQuery } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FormActions, FormProblem } from '../../ui/Form';

type Level = SeverityLevelsQuery['severityLevels'][number];

/** What one severity means and how often its incidents owe a stakeholder update. */
export function SeverityLevelForm({ level, onDone }: { level: Level; onDone: () => void }) {
  const id = useId();
  const [description, setDescription] = useState(level.description);
  const [cadence, setCadence] = useState(String(level.updateCadenceMinutes));
  const [state, update] = useMutation(UpdateSeverityLevelMutation);
  const problem = cadenceProblem(cadence);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (problem) return;
    const r = await update({ level: level.level as IncidentSeverity, description: description.trim(), updateCadenceMinutes: Number(cadence) });
    if (!r.error) onDone();
  }

  return (
    <form onSubmit={submit} className="stack" aria-label={`Edit ${level.level}`}>
      <Field id={`${id}-d`} label="What it means">
        <textarea id={`${id}-d`} rows={3} value={description} maxLength={1000} onChange={(e) => setDescription(e.target.value)} autoFocus />
      </Field>
      <Field id={`${id}-c`} label="Stakeholder update every (minutes; 0 for none)">
        <input
          id={`${id}-c`}
          inputMode="numeric"
          value={cadence}
          onChange={(e) => setCadence(e.target.value)}
          aria-invalid={Boolean(problem)}
          aria-describedby={`${id}-p`}
        />
      </Field>
      <div id={`${id}-p`}>
        <FormProblem message={problem} />
      </div>
      <p className="muted">Open incidents keep their next-update time until their next update or severity change.</p>
      {state.error && <ErrorNotice error={state.error} />}
      <FormActions onCancel={onDone} busy={state.fetching}>
        Save {level.level}
      </FormActions>
    </form>
  );
}
