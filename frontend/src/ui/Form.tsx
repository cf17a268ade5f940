import type { ReactNode } from 'react';

/** One labelled form row: the label names the control whose id is `id`. */
export function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** Cancel and submit at the foot of a form; submit is disabled while `busy`. */
export function FormActions({ onCancel, busy, children }: { onCancel: () => void; busy: boolean; children: ReactNode }) {
  return (
    <div className="form-actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button-primary" disabled={busy}>
        {children}
      </button>
    </div>
  );
}

/** A problem with what was typed, read out as soon as it appears; nothing when there is none. */
export function FormProblem({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p className="notice notice-error" role="alert">
      {message}
    </p>
  );
}
