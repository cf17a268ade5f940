import { afterEach, describe, expect, it } from 'vitest';
import { gql } from '@urql/core';
import { readCookie } from './cookies';
import { fakeServer } from '../test/server';

const Touch = gql`
  mutation Touch {
    logout
  }
`;

function clearCookies() {
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0].trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

describe('csrfExchange', () => {
  afterEach(clearCookies);

  it('sends the tocsin_csrf cookie as X-CSRF-Token on a mutation POST', async () => {
    document.cookie = 'other=1; path=/';
    document.cookie = 'tocsin_csrf=abc%3D123; path=/';
    const server = fakeServer({ Touch: () => ({ data: { logout: true } }) });
    const result = await server.client.mutation(Touch, {}).toPromise();
    expect(result.error).toBeUndefined();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].method).toBe('POST');
    expect(server.requests[0].headers.get('X-CSRF-Token')).toBe('abc=123');
  });

  it('sends no header before the server has set the cookie', async () => {
    const server = fakeServer({ Touch: () => ({ data: { logout: true } }) });
    await server.client.mutation(Touch, {}).toPromise();
    expect(server.requests[0].headers.has('X-CSRF-Token')).toBe(false);
  });

  it('keeps the other request headers', async () => {
    document.cookie = 'tocsin_csrf=t1; path=/';
    const server = fakeServer({ Touch: () => ({ data: { logout: true } }) });
    await server.client.mutation(Touch, {}).toPromise();
    expect(server.requests[0].headers.get('content-type')).toContain('application/json');
  });
});

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('b', 'a=1; b=x%20y; c=3')).toBe('x y');
    expect(readCookie('missing', 'a=1')).toBeUndefined();
    expect(readCookie('a', 'aa=2; a=1')).toBe('1');
  });
});

describe('session expiry', () => {
  it('calls onUnauthenticated when the server answers UNAUTHENTICATED', async () => {
    const server = fakeServer({
      Touch: () => ({ data: null, errors: [{ message: 'not signed in', extensions: { code: 'UNAUTHENTICATED' } }] }),
    });
    await server.client.mutation(Touch, {}).toPromise();
    expect(server.unauthenticatedCalls()).toBe(1);
  });
});
