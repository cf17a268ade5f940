import { Field } from '../../ui/Form';

interface PasswordFieldProps {
  id: string;
  label: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  minLength?: number;
  /** Shown under the input and tied to it with aria-describedby. */
  hint?: string;
}

/** A required password input with its label (and optional hint). */
export function PasswordField({ id, label, autoComplete, value, onChange, minLength, hint }: PasswordFieldProps) {
  const hintID = hint ? `${id}-hint` : undefined;
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        required
        minLength={minLength}
        aria-describedby={hintID}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <small id={hintID} className="muted">
          {hint}
        </small>
      )}
    </Field>
  );
}
