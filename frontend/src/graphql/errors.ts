import type { CombinedError } from '@urql/core';

export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'RATE_LIMITED';

/** The extensions.code of the first GraphQL error that has one. */
export function errorCode(error: CombinedError | undefined): ErrorCode | undefined {
  for (const e of error?.graphQLErrors ?? []) {
    const code = e.extensions?.code;
    if (typeof code === 'string') return code as ErrorCode;
  }
  return undefined;
}

export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;
}

/**
 * Says in plain words what went wrong and what to do about it. The server's
 * own message is kept where it explains the problem (invalid input); codes get
 * a sentence a person can act on.
 */
export function describeError(error: CombinedError): string {
  if (error.networkError && error.graphQLErrors.length === 0) {
    return 'Tocsin’s server could not be reached. Check your connection and try again.';
  }
  const first = error.graphQLErrors[0];
  const message = withoutLocation(first?.message?.trim() ?? '');
  switch (errorCode(error)) {
    case 'UNAUTHENTICATED':
      return message && !/^unauthenticated$/i.test(message)
        ? sentence(message)
        : 'Your session has ended. Sign in again to continue.';
    case 'FORBIDDEN':
      return 'You don’t have permission to do that. Ask an administrator if you need it.';
    case 'NOT_FOUND':
      return 'That item no longer exists. It may have been deleted; reload the page to see the current list.';
    case 'RATE_LIMITED':
      return 'Too many sign-in attempts. Wait a few minutes, then try again.';
    case 'BAD_USER_INPUT':
      return message ? sentence(message) : 'Some of what you entered is not valid. Check the form and try again.';
    default:
      return message
        ? sentence(message)
        : 'Tocsin could not complete that request. Try again in a moment.';
  }
}

/** Drops a parser position such as "input:2:3: login " that means nothing to a person. */
function withoutLocation(message: string): string {
  return message.replace(/^input:\d+:\d+:\s*([\w.[\]]+\s+)?/i, '');
}

/** Capitalises the first letter and ends with a full stop. */
function sentence(text: string): string {
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(t) ? t : t + '.';
}
