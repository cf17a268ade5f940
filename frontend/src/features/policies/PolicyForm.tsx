import { useState, type FormEvent } from 'react';
import type { CombinedError } from '@urql/core';
import { useMutation, useQuery } from 'urql';
import { CreatePolicyMutation, TargetChoicesQuery, UpdatePolicyMutation } from './documents';
import { checkDraft, delayMatters, fieldShown, MAX_REPEAT, MAX_STEPS, moveStep, newStep, serverFieldErrors, toInput, type Draft, type FieldErrors } from './draft';
import { firesAfter, policySentence } from './sentence';
import { FieldError, StepEditor } from './StepEditor';
import type { TargetChoices } from './TargetPicker';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FormActions } from '../../ui/Form';

const nodes = <T,>(c: { edges?: ({ node?: T | null } | null)[] | null } | undefined) => c?.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];

interface PolicyFormProps {
  /** The policy being edited; absent to create one. */
  policyID?: string;
  initial: Draft;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

/**
 * The editor of a whole policy: name, description, repeat and the ordered
 * steps. Saving sends the whole policy; problems show beside their field,
 * found here first and otherwise named by the server (extensions.field).
 */
export function PolicyForm({ policyID, initial, onSaved, onCancel }: PolicyFormProps) {
  const [draft, setDraft] = useState(initial);
  const [shown, setShown] = useState<FieldErrors>({});
  const [{ data: choiceData }] = useQuery({ query: TargetChoicesQuery });
  const [created, create] = useMutation(CreatePolicyMutation);
  const [updated, update] = useMutation(UpdatePolicyMutation);
  const saving = created.fetching || updated.fetching;
  const choices: TargetChoices = {
    users: nodes(choiceData?.users).filter((u) => !u.disabled),
    schedules: nodes(choiceData?.schedules),
    teams: nodes(choiceData?.teams),
    webhooks: (choiceData?.viewer?.contactMethods ?? []).filter((c) => c.kind === 'WEBHOOK' && !c.disabled),
  };
  const firesAt = firesAfter(draft.steps.map((s) => ({ delayMinutes: Number(s.delayMinutes) })));
  const setSteps = (steps: Draft['steps']) => setDraft((d) => ({ ...d, steps }));
  // A server refusal that names no field of this form still needs saying.
  const [unplaced, setUnplaced] = useState<CombinedError>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = checkDraft(draft);
    setShown(problems);
    setUnplaced(undefined);
    if (Object.keys(problems).length > 0) return;
    const input = toInput(draft);
    const result = policyID ? await update({ id: policyID, input }) : await create({ input });
    if (result.error) {
      const byField = serverFieldErrors(result.error);
      setShown(byField);
      if (!Object.keys(byField).some((f) => fieldShown(draft, f))) setUnplaced(result.error);
      return;
    }
    const saved = result.data && ('updateEscalationPolicy' in result.data ? result.data.updateEscalationPolicy : result.data.createEscalationPolicy);
    if (saved) onSaved(saved.id);
  }

  const count = Object.keys(shown).length;
  return (
    <form onSubmit={submit} className="stack policy-form" aria-label={policyID ? 'Edit escalation policy' : 'New escalation policy'} noValidate>
      <div className="field">
        <label htmlFor="policy-name">Name</label>
        <input
          id="policy-name"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          placeholder="Checkout on call"
          aria-invalid={shown.name ? true : undefined}
          aria-describedby={shown.name ? 'policy-name-error' : undefined}
        />
        <FieldError id="policy-name-error" message={shown.name} />
      </div>
      <div className="field">
        <label htmlFor="policy-description">Description (optional)</label>
        <input id="policy-description" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
      </div>

      <section className="stack" aria-labelledby="policy-steps-heading">
        <h2 id="policy-steps-heading">Steps</h2>
        <ol className="step-editors">
          {draft.steps.map((s, i) => (
            <StepEditor
              key={s.key}
              step={s}
              index={i}
              count={draft.steps.length}
              firesAt={firesAt[i]}
              showDelay={delayMatters(draft, i)}
              choices={choices}
              errors={shown}
              onChange={(next) => setSteps(draft.steps.map((x) => (x.key === s.key ? next : x)))}
              onMove={(by) => setSteps(moveStep(draft.steps, i, by))}
              onRemove={() => setSteps(draft.steps.filter((x) => x.key !== s.key))}
            />
          ))}
        </ol>
        <FieldError id="policy-steps-error" message={shown.steps} />
        {draft.steps.length < MAX_STEPS && (
          <p>
            <button type="button" className="button" onClick={() => setSteps([...draft.steps, newStep()])}>
              Add step
            </button>
          </p>
        )}
      </section>

      <div className="field">
        <label htmlFor="policy-repeat">After the last step, start again (times, 0–{MAX_REPEAT})</label>
        <input
          id="policy-repeat"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_REPEAT}
          value={draft.repeat}
          onChange={(e) => setDraft({ ...draft, repeat: e.target.value })}
          aria-invalid={shown.repeat ? true : undefined}
          aria-describedby={shown.repeat ? 'policy-repeat-error' : undefined}
        />
        <FieldError id="policy-repeat-error" message={shown.repeat} />
      </div>

      <div className="notice" aria-live="polite">
        <p className="muted">Reads as:</p>
        <p data-testid="policy-draft-sentence">
          {policySentence(
            draft.steps.map((s) => ({ delayMinutes: Number(s.delayMinutes) || 0, keepPaging: s.keepPaging, targets: s.targets })),
            Number(draft.repeat) || 0,
          )}
        </p>
      </div>

      {count > 0 && (
        <p className="notice notice-error" role="status">
          {count === 1 ? 'One thing needs fixing' : `${count} things need fixing`} before saving; see the marked fields.
        </p>
      )}
      {unplaced && <ErrorNotice error={unplaced} />}
      <FormActions onCancel={onCancel} busy={saving}>
        {policyID ? 'Save policy' : 'Create policy'}
      </FormActions>
    </form>
  );
}
