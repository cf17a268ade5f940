import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ChangePasswordMutation } from './documents';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../auth/password';
import { errorCode } from '../../graphql/errors';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FormProblem } from '../../ui/Form';

export function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState(false);
  const [state, change] = useMutation(ChangePasswordMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const p = passwordProblem(next, confirm);
    setProblem(p);
    if (p) return;
    const result = await change({ currentPassword: current, newPassword: next });
    if (result.data?.changePassword) {
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    }
  }

  const wrongCurrent = state.error && errorCode(state.error) === 'UNAUTHENTICATED';

  return (
    <form onSubmit={submit} className="stack card" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <div className="field">
        <label htmlFor="pw-current">Current password</label>
        <input id="pw-current" type="password" required autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="pw-new">New password</label>
        <input id="pw-new" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        <small className="muted">At least {MIN_PASSWORD_LENGTH} characters. Your other sessions will be signed out.</small>
      </div>
      <div className="field">
        <label htmlFor="pw-confirm">Repeat the new password</label>
        <input id="pw-confirm" type="password" required autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </div>
      <FormProblem message={problem} />
      {wrongCurrent ? (
        <p className="notice notice-error" role="alert">
          Your current password is not right. Type it again.
        </p>
      ) : (
        state.error && <ErrorNotice error={state.error} />
      )}
      {done && (
        <p className="notice notice-success" role="status">
          Password changed.
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={state.fetching}>
          Change password
        </button>
      </div>
    </form>
  );
}
