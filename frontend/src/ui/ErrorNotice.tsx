import type { CombinedError } from '@urql/core';
import { describeError } from '../graphql/errors';

/** A plain-words error with an optional way to try again. */
export function ErrorNotice({ error, onRetry }: { error: CombinedError; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{describeError(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
