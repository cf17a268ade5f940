import { orderedSteps } from './draft';
import { policyLines, repeatWords, type StepLike } from './sentence';

interface PolicyStepsProps {
  steps: (StepLike & { position: number })[] | null | undefined;
  repeat: number;
  /** Whom each step would page now, by position; absent in lists. */
  preview?: Map<number, { id: string; name: string }[]>;
}

/** The policy as a sentence-like list: "Immediately: notify … After 5 min: notify …", then how it repeats. */
export function PolicySteps({ steps, repeat, preview }: PolicyStepsProps) {
  const ordered = orderedSteps(steps);
  const lines = policyLines(ordered);
  return (
    <>
      <ol className="policy-steps" aria-label="Escalation steps">
        {lines.map((l, i) => (
          <li key={ordered[i].position} className="policy-step" data-testid="policy-step">
            <p>
              <strong>{l.when}:</strong> {l.what}
            </p>
            {preview && <PreviewLine users={preview.get(ordered[i].position) ?? []} />}
          </li>
        ))}
      </ol>
      <p className="policy-repeat" data-testid="policy-repeat">
        {repeatWords(repeat, ordered)}
      </p>
    </>
  );
}

/** Who that step would page if it fired now. */
function PreviewLine({ users }: { users: { id: string; name: string }[] }) {
  return (
    <p className="muted" data-testid="step-preview">
      {users.length ? `Would page now: ${users.map((u) => u.name).join(', ')}.` : 'Would page nobody now.'}
    </p>
  );
}
