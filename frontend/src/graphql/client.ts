import { Client, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWSClient } from 'graphql-ws';
import { tocsinCache } from './cache';
import { csrfExchange } from './csrfExchange';
import { isUnauthenticated } from './errors';

export interface ClientOptions {
  /** Called when the server says the session is missing or has expired. */
  onUnauthenticated: () => void;
  /** Replaces the browser's fetch; tests use it to answer requests. */
  fetch?: typeof fetch;
}

/** Where the websocket lives: same origin, ws or wss to match the page. */
function websocketURL(): string {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * The one urql client of the SPA. Queries and mutations go as POST to
 * /graphql with the session cookie and the CSRF header; subscriptions use the
 * graphql-transport-ws protocol on the same path (the cookie authenticates the
 * upgrade). The websocket opens only when the first subscription starts.
 */
export function createTocsinClient({ onUnauthenticated, fetch }: ClientOptions): Client {
  const ws = createWSClient({ url: websocketURL, lazy: true, retryAttempts: 10 });
  return new Client({
    url: new URL('/graphql', window.location.href).toString(),
    fetch,
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      tocsinCache(),
      csrfExchange(),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              return { unsubscribe: ws.subscribe(input, sink) };
            },
          };
        },
      }),
    ],
  });
}
