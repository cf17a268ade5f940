import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreateAPITokenMutation } from './documents';
import { ErrorNotice } from '../../ui/ErrorNotice';

/** Names a new token and shows its secret exactly once. */
export function CreateAPITokenForm() {
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [state, create] = useMutation(CreateAPITokenMutation);
  const [secret, setSecret] = useState<{ name: string; value: string }>();
  const [copied, setCopied] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : null;
    const result = await create({ name: name.trim(), expiresAt });
    const payload = result.data?.createAPIToken;
    if (payload) {
      setSecret({ name: payload.apiToken.name, value: payload.secret });
      setCopied(false);
      setName('');
      setExpires('');
    }
  }

  async function copy() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret.value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="stack">
      <form onSubmit={submit} className="inline-form">
        <div className="field">
          <label htmlFor="token-name">Token name</label>
          <input id="token-name" required value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. deploy script" />
        </div>
        <div className="field">
          <label htmlFor="token-expires">Expires (optional)</label>
          <input id="token-expires" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
        </div>
        <button type="submit" className="button button-primary" disabled={state.fetching}>
          Create token
        </button>
      </form>
      {state.error && <ErrorNotice error={state.error} />}
      {secret && (
        <div className="notice notice-success secret" role="status">
          <p>
            <strong>Copy the secret of “{secret.name}” now.</strong> Tocsin keeps only its hash, so it will not be shown again.
          </p>
          <div className="secret-value">
            <code data-testid="token-secret">{secret.value}</code>
            <button type="button" className="button" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
          <button type="button" className="button button-ghost" onClick={() => setSecret(undefined)}>
            I have saved it
          </button>
        </div>
      )}
    </div>
  );
}
