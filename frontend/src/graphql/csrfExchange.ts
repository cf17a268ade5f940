import { makeOperation, mapExchange, type Exchange } from '@urql/core';
import { readCookie } from './cookies';

/** The readable cookie the server sets beside the HttpOnly session cookie. */
export const CSRF_COOKIE = 'tocsin_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * Copies the CSRF cookie into the X-CSRF-Token header of every request, as
 * the server refuses cookie-authenticated mutations without it. Put it before
 * fetchExchange.
 */
export function csrfExchange(readToken: () => string | undefined = () => readCookie(CSRF_COOKIE)): Exchange {
  return mapExchange({
    onOperation(operation) {
      if (operation.kind === 'teardown') return operation;
      const token = readToken();
      if (!token) return operation;
      const current =
        typeof operation.context.fetchOptions === 'function'
          ? operation.context.fetchOptions()
          : (operation.context.fetchOptions ?? {});
      const headers = Object.fromEntries(new Headers(current.headers).entries());
      return makeOperation(operation.kind, operation, {
        ...operation.context,
        fetchOptions: { ...current, headers: { ...headers, [CSRF_HEADER]: token } },
      });
    },
  });
}
