import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { createTocsinClient } from '../graphql/client';

/** A GraphQL request as the fake server sees it. */
export interface Request {
  operationName: string;
  variables: Record<string, unknown>;
  headers: Headers;
  method: string;
}

type Answer = { data?: unknown; errors?: { message: string; extensions?: { code: string } }[] };
export type Handlers = Record<string, (variables: Record<string, unknown>) => Answer>;

/**
 * A fake /graphql that answers by operation name and records every request,
 * so a test exercises the real client, exchanges and cache.
 */
export function fakeServer(handlers: Handlers) {
  const requests: Request[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}'));
    const operationName = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '';
    requests.push({ operationName, variables: body.variables ?? {}, headers: new Headers(init?.headers), method: init?.method ?? 'GET' });
    const handler = handlers[operationName];
    const answer: Answer = handler ? handler(body.variables ?? {}) : { errors: [{ message: `no handler for ${operationName}` }] };
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  let unauthenticated = 0;
  const client = createTocsinClient({ onUnauthenticated: () => unauthenticated++, fetch: fetch as typeof globalThis.fetch });
  return { client, requests, unauthenticatedCalls: () => unauthenticated };
}

/** Renders `element` at `path` inside the router and urql provider. */
export function renderAt(element: ReactNode, handlers: Handlers, path = '/', routePath = '*') {
  const server = fakeServer(handlers);
  const result = render(
    <Provider value={server.client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={routePath} element={element} />
          <Route path="/login" element={<p>login page</p>} />
          <Route path="/alerts" element={<p>alerts page</p>} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
  return { ...server, ...result };
}

/** The Viewer query's answer for a user of role, member of the teams teamIDs (by default t1, the fixtures' team). */
export const viewerOf = (role: 'ADMIN' | 'RESPONDER' | 'STAKEHOLDER', teamIDs: string[] = ['t1']) => () => ({
  data: {
    viewer: {
      __typename: 'User',
      id: `u-${role}`,
      name: `${role} Person`,
      email: `${role.toLowerCase()}@x.test`,
      role,
      timeZone: 'Europe/Berlin',
      teams: connection('Team', teamIDs.map((id) => ({ id }))),
    },
  },
});

/** A Relay connection of the given nodes, the way entgql answers. */
export function connection(typename: string, nodes: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return {
    __typename: `${typename}Connection`,
    totalCount: nodes.length,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    edges: nodes.map((node) => ({ __typename: `${typename}Edge`, node: { __typename: typename, ...node } })),
    ...extra,
  };
}
