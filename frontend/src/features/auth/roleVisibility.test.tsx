import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ServicesPage } from '../services/ServicesPage';
import { TeamsPage } from '../teams/TeamsPage';
import { UsersPage } from '../users/UsersPage';
import { ProfilePage } from '../profile/ProfilePage';
import { connection, renderAt, viewerOf } from '../../test/server';
import { canManageDirectory, canUseAPITokens } from './permissions';

type Role = 'ADMIN' | 'RESPONDER' | 'STAKEHOLDER';

const data = {
  Services: () => ({
    data: { services: connection('Service', [{ id: 's1', name: 'Checkout', description: 'Takes payments', team: { __typename: 'Team', id: 't1', name: 'Payments' } }]) },
  }),
  Teams: () => ({
    data: {
      teams: connection('Team', [
        {
          id: 't1',
          name: 'Payments',
          description: '',
          members: connection('User', [{ id: 'u1', name: 'Ada' }]),
          services: { __typename: 'ServiceConnection', totalCount: 1 },
          onCall: [],
        },
      ]),
    },
  }),
  Users: () => ({
    data: { users: connection('User', [{ id: 'u1', name: 'Ada', email: 'ada@x.test', role: 'RESPONDER', timeZone: 'UTC', disabled: false }]) },
  }),
  APITokens: () => ({ data: { apiTokens: connection('APIToken', []) } }),
};

const handlers = (role: Role) => ({ Viewer: viewerOf(role), ...data });

describe('what each role is offered', () => {
  it.each<[Role, boolean]>([
    ['ADMIN', true],
    ['RESPONDER', false],
    ['STAKEHOLDER', false],
  ])('%s on services: create/edit shown = %s', async (role, shown) => {
    renderAt(<ServicesPage />, handlers(role));
    await screen.findByText('Checkout');
    expect(screen.queryByRole('button', { name: 'Create service' }) !== null).toBe(shown);
    expect(screen.queryByRole('button', { name: 'Edit Checkout' }) !== null).toBe(shown);
  });

  it.each<[Role, boolean]>([
    ['ADMIN', true],
    ['STAKEHOLDER', false],
  ])('%s on teams: create/edit shown = %s', async (role, shown) => {
    renderAt(<TeamsPage />, handlers(role));
    await screen.findByText('Payments');
    expect(screen.queryByRole('button', { name: 'Create team' }) !== null).toBe(shown);
    expect(screen.queryByRole('button', { name: 'Edit Payments' }) !== null).toBe(shown);
  });

  it.each<[Role, boolean]>([
    ['ADMIN', true],
    ['RESPONDER', false],
    ['STAKEHOLDER', false],
  ])('%s on users: invite and role change shown = %s', async (role, shown) => {
    renderAt(<UsersPage />, handlers(role));
    await screen.findByText('Ada');
    expect(screen.queryByRole('button', { name: 'Invite user' }) !== null).toBe(shown);
    expect(screen.queryByLabelText('Role of Ada') !== null).toBe(shown);
    if (!shown) expect(screen.getByText('Responder')).toBeTruthy();
  });

  it.each<[Role, boolean]>([
    ['RESPONDER', true],
    ['STAKEHOLDER', false],
  ])('%s on profile: API tokens shown = %s', async (role, shown) => {
    renderAt(<ProfilePage />, handlers(role));
    await screen.findByRole('heading', { name: 'Your details' });
    expect(screen.queryByRole('heading', { name: 'API tokens' }) !== null).toBe(shown);
  });

  it('matches the permission helpers', () => {
    expect(canManageDirectory('ADMIN')).toBe(true);
    expect(canManageDirectory('RESPONDER')).toBe(false);
    expect(canUseAPITokens('STAKEHOLDER')).toBe(false);
    expect(canUseAPITokens(undefined)).toBe(false);
  });
});
