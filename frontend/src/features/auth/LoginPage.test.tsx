import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { LoginPage } from './LoginPage';
import { renderAt } from '../../test/server';

describe('LoginPage', () => {
  it('says plainly that the email and password do not match', async () => {
    const server = renderAt(<LoginPage />, {
      Viewer: () => ({ data: { viewer: null } }),
      Login: () => ({ data: null, errors: [{ message: 'invalid email or password', extensions: { code: 'UNAUTHENTICATED' } }] }),
    }, '/login', '/login');
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'a@x.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/don’t match an account/);
    expect(server.requests.find((r) => r.operationName === 'Login')?.variables).toEqual({ email: 'a@x.test', password: 'wrong' });
    // The client reports UNAUTHENTICATED; main.tsx ignores it on /login, so there is no redirect loop.
    expect(server.unauthenticatedCalls()).toBe(1);
  });
});
