import { useMutation, useQuery } from 'urql';
import { APITokensQuery, RevokeAPITokenMutation } from './documents';
import { CreateAPITokenForm } from './CreateAPITokenForm';
import type { ApiTokenFieldsFragment } from '../../gql/graphql';
import type { Viewer } from '../auth/useViewer';
import { useNow } from '../../time/useNow';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { RelativeTime } from '../../ui/RelativeTime';
import { SkeletonRows } from '../../ui/Skeleton';

/** The viewer's API tokens: list, create (secret shown once), revoke. */
export function APITokens({ viewer }: { viewer: Viewer }) {
  const [{ data, fetching, error }] = useQuery({ query: APITokensQuery, variables: { userID: viewer.id } });
  const tokens = data?.apiTokens.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const now = useNow();

  return (
    <section className="stack card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted">Scripts and integrations use a token to act as you. Revoke a token as soon as it is no longer needed.</p>
      <CreateAPITokenForm />
      {error && !data && <ErrorNotice error={error} />}
      {!data && fetching && <SkeletonRows rows={2} label="Loading tokens" />}
      {data && tokens.length === 0 && <EmptyState title="You have no API tokens.">Create one above when a script needs to reach Tocsin.</EmptyState>}
      {tokens.length > 0 && (
        <ul className="list" aria-label="Your API tokens">
          {tokens.map((t) => (
            <TokenRow key={t.id} token={t} now={now} timeZone={viewer.timeZone} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TokenRow({ token, now, timeZone }: { token: ApiTokenFieldsFragment; now: Date; timeZone: string }) {
  const [state, revoke] = useMutation(RevokeAPITokenMutation);
  const expired = token.expiresAt && new Date(token.expiresAt) <= now;
  return (
    <li className="row" data-list-item tabIndex={0} data-testid="token-row">
      <div className="row-main">
        <p className="row-title">
          {token.name} <code>{token.prefix}…</code>
          {token.revokedAt && <span className="tag tag-muted">revoked</span>}
          {!token.revokedAt && expired && <span className="tag tag-muted">expired</span>}
        </p>
        <p className="row-meta">
          <RelativeTime value={token.createdAt} now={now} timeZone={timeZone} prefix="Created" />
          {token.lastUsedAt ? <RelativeTime value={token.lastUsedAt} now={now} timeZone={timeZone} prefix="Last used" /> : <span>Never used</span>}
          {token.expiresAt && <RelativeTime value={token.expiresAt} now={now} timeZone={timeZone} prefix={expired ? 'Expired' : 'Expires'} />}
        </p>
        {state.error && <ErrorNotice error={state.error} />}
      </div>
      {!token.revokedAt && (
        <div className="row-trail">
          <button
            type="button"
            className="button button-danger"
            disabled={state.fetching}
            aria-label={`Revoke ${token.name}`}
            onClick={() => {
              if (window.confirm(`Revoke “${token.name}”? Anything using it stops working at once.`)) revoke({ id: token.id });
            }}
          >
            Revoke
          </button>
        </div>
      )}
    </li>
  );
}
