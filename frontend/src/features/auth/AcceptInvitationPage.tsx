import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { AcceptInvitationMutation } from './documents';
import { describeError, errorCode } from '../../graphql/errors';
import { AuthCard } from './AuthCard';
import { PasswordField } from './PasswordField';
import { FormProblem } from '../../ui/Form';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './password';

export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string>();
  const [{ fetching, error }, accept] = useMutation(AcceptInvitationMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = passwordProblem(password, confirm);
    setProblem(p);
    if (p) return;
    const result = await accept({ token, password });
    if (result.data?.acceptInvitation) navigate('/alerts', { replace: true });
  }

  const expired = error && (errorCode(error) === 'NOT_FOUND' || errorCode(error) === 'UNAUTHENTICATED');
  const message =
    problem ??
    (expired
      ? 'This invitation link has expired or was already used. Ask an administrator to send a new one.'
      : error && describeError(error));

  return (
    <AuthCard title="Set your password">
      <p className="muted">Welcome to Tocsin. Choose a password to finish setting up your account.</p>
      <form onSubmit={submit} className="stack">
        <PasswordField
          id="invite-password"
          label="New password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          value={password}
          onChange={setPassword}
        />
        <PasswordField id="invite-confirm" label="Repeat the password" autoComplete="new-password" value={confirm} onChange={setConfirm} />
        <FormProblem message={message} />
        <button type="submit" className="button button-primary" disabled={fetching}>
          {fetching ? 'Saving…' : 'Set password and sign in'}
        </button>
        <p className="muted">
          Already have a password? <Link to="/login">Sign in</Link>
        </p>
      </form>
    </AuthCard>
  );
}
