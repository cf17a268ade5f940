import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { AcceptInvitationPage } from './AcceptInvitationPage';
import { renderAt } from '../../test/server';

function fill(password: string, confirm: string) {
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: password } });
  fireEvent.change(screen.getByLabelText('Repeat the password'), { target: { value: confirm } });
  fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
}

describe('AcceptInvitationPage', () => {
  it('catches two different passwords before asking the server', async () => {
    const server = renderAt(<AcceptInvitationPage />, {}, '/invite/tok123', '/invite/:token');
    fill('long-enough-1', 'long-enough-2');
    expect((await screen.findByRole('alert')).textContent).toMatch(/differ/);
    expect(server.requests).toHaveLength(0);
  });

  it('sends the token from the link with the password, then opens the alerts', async () => {
    const server = renderAt(
      <AcceptInvitationPage />,
      {
        AcceptInvitation: () => ({ data: { acceptInvitation: { __typename: 'LoginPayload', user: { __typename: 'User', id: 'u9', name: 'Eve' } } } }),
      },
      '/invite/tok123',
      '/invite/:token',
    );
    fill('long-enough-1', 'long-enough-1');
    expect(await screen.findByText('alerts page')).toBeTruthy();
    expect(server.requests[0].variables).toEqual({ token: 'tok123', password: 'long-enough-1' });
  });

  it('says an expired link needs a new invitation', async () => {
    renderAt(
      <AcceptInvitationPage />,
      { AcceptInvitation: () => ({ data: null, errors: [{ message: 'invitation not found', extensions: { code: 'NOT_FOUND' } }] }) },
      '/invite/old',
      '/invite/:token',
    );
    fill('long-enough-1', 'long-enough-1');
    expect((await screen.findByRole('alert')).textContent).toMatch(/expired or was already used/);
  });
});
