import { TargetPicker, type TargetChoices } from './TargetPicker';
import { withTarget, type DraftStep } from './draft';
import { targetWords, whenWords } from './sentence';

interface StepEditorProps {
  step: DraftStep;
  index: number;
  count: number;
  /** Minutes after the alert opens that this step fires (NaN while a delay above is not a number). */
  firesAt: number;
  /** Whether the wait after this step matters (another step follows, or the policy repeats). */
  showDelay: boolean;
  choices: TargetChoices;
  errors: Record<string, string>;
  onChange: (s: DraftStep) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One step of the editor: whom it notifies, whether it keeps paging, and the wait before the next step. */
export function StepEditor({ step, index, count, firesAt, showDelay, choices, errors, onChange, onMove, onRemove }: StepEditorProps) {
  const base = `steps[${index}]`;
  const targetsError = errors[`${base}.targets`];
  const delayError = errors[`${base}.delayMinutes`];
  const id = (what: string) => `${step.key}-${what}`;
  const title = `Step ${index + 1}`;

  return (
    <li className="card step-editor" data-testid="step-editor" aria-label={title}>
      <div className="section-head">
        <h3>
          {title}
          <span className="muted"> · {Number.isFinite(firesAt) ? whenWords(firesAt).toLowerCase() : 'when the wait above is set'}</span>
        </h3>
        <div className="card-actions">
          {index > 0 && (
            <button type="button" className="button" onClick={() => onMove(-1)} aria-label={`Move step ${index + 1} up`}>
              ↑ Up
            </button>
          )}
          {index < count - 1 && (
            <button type="button" className="button" onClick={() => onMove(1)} aria-label={`Move step ${index + 1} down`}>
              ↓ Down
            </button>
          )}
          {count > 1 && (
            <button type="button" className="button" onClick={onRemove} aria-label={`Remove step ${index + 1}`}>
              Remove
            </button>
          )}
        </div>
      </div>

      {step.targets.length > 0 && (
        <ul className="chips" aria-label={`Notified in step ${index + 1}`}>
          {step.targets.map((t) => (
            <li key={`${t.kind}:${t.id}`} className="chip target-chip">
              <span>{targetWords(t)}</span>
              <button
                type="button"
                className="button button-ghost icon-button"
                aria-label={`Stop notifying ${targetWords(t)} in step ${index + 1}`}
                onClick={() => onChange({ ...step, targets: step.targets.filter((x) => x !== t) })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <TargetPicker id={id('target')} choices={choices} onPick={(t) => onChange(withTarget(step, t))} errorID={targetsError ? id('targets-error') : undefined} />
      <FieldError id={id('targets-error')} message={targetsError} />

      <label className="radio">
        <input type="checkbox" checked={step.keepPaging} onChange={(e) => onChange({ ...step, keepPaging: e.target.checked })} />
        Keep paging after acknowledge, until the alert is closed
      </label>

      {showDelay && (
        <div className="field">
          <label htmlFor={id('delay')}>{index < count - 1 ? 'Minutes until the next step' : 'Minutes until starting again'}</label>
          <input
            id={id('delay')}
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            value={step.delayMinutes}
            onChange={(e) => onChange({ ...step, delayMinutes: e.target.value })}
            aria-invalid={delayError ? true : undefined}
            aria-describedby={delayError ? id('delay-error') : undefined}
          />
          <FieldError id={id('delay-error')} message={delayError} />
        </div>
      )}
    </li>
  );
}

/** A problem with one field, beside it. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}
