import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { LoginMutation } from './documents';
import { useViewer } from './useViewer';
import { isServerPage, safeNext } from './safeNext';
import { describeError, errorCode } from '../../graphql/errors';
import { AuthCard } from './AuthCard';
import { PasswordField } from './PasswordField';
import { Field, FormProblem } from '../../ui/Form';

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [{ fetching, error }, login] = useMutation(LoginMutation);
  const serverPage = isServerPage(next);
  useEffect(() => {
    if (viewer && serverPage) window.location.replace(next);
  }, [viewer, serverPage, next]);

  if (viewer) return serverPage ? null : <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await login({ email: email.trim(), password });
    if (result.data?.login && serverPage) window.location.assign(next);
    else if (result.data?.login) navigate(next, { replace: true });
  }

  const message =
    error &&
    (errorCode(error) === 'UNAUTHENTICATED' || errorCode(error) === 'BAD_USER_INPUT'
      ? 'That email and password don’t match an account. Check both and try again.'
      : describeError(error));

  return (
    <AuthCard title="Sign in to Tocsin">
      <form onSubmit={submit} className="stack" noValidate={false}>
        <Field id="login-email" label="Email">
          <input
            id="login-email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <PasswordField id="login-password" label="Password" autoComplete="current-password" value={password} onChange={setPassword} />
        <FormProblem message={message} />
        <button type="submit" className="button button-primary" disabled={fetching}>
          {fetching ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthCard>
  );
}
