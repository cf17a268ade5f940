import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { Landing } from './Landing';
import { StakeholderHome } from './StakeholderHome';
import { SubscribeButton } from './SubscribeButton';
import { NotificationPreferences } from '../profile/NotificationPreferences';
import { connection, fakeServer, renderAt, viewerOf } from '../../test/server';

const incident = {
  id: 'inc1',
  title: 'Payments fail at checkout',
  nextUpdateDueAt: new Date(Date.now() + 10 * 60_000).toISOString(),
  updateOverdue: false,
  severity: 'SEV1',
  status: 'IDENTIFIED',
  createdAt: new Date(Date.now() - 20 * 60_000).toISOString(),
  resolvedAt: null,
  services: connection('Service', [{ id: 's1', name: 'Checkout' }]),
};

const subscriptions = (withCheckout: boolean) => ({
  data: {
    viewer: {
      __typename: 'User',
      id: 'u-STAKEHOLDER',
      subscriptions: withCheckout
        ? [{ __typename: 'StakeholderSubscription', id: 'sub1', createdAt: new Date().toISOString(), service: { __typename: 'Service', id: 's1', name: 'Checkout', description: '' }, incident: null }]
        : [],
    },
  },
});

describe('SubscribeButton', () => {
  it('subscribes to a service and then offers to unsubscribe', async () => {
    let subscribed = false;
    const { requests } = renderAt(<SubscribeButton kind="service" id="s1" name="Checkout" />, {
      ServiceSubscription: () => ({ data: { node: { __typename: 'Service', id: 's1', viewerSubscribed: subscribed } } }),
      SubscribeToService: () => {
        subscribed = true;
        return { data: { subscribeToService: { __typename: 'Service', id: 's1', viewerSubscribed: true } } };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Subscribe to Checkout' }));
    const again = await screen.findByRole('button', { name: 'Unsubscribe from Checkout' });
    expect(again.getAttribute('aria-pressed')).toBe('true');
    expect(requests.find((r) => r.operationName === 'SubscribeToService')?.variables).toEqual({ id: 's1' });
  });

  it('unsubscribes from an incident', async () => {
    const { requests } = renderAt(<SubscribeButton kind="incident" id="inc1" />, {
      IncidentSubscription: () => ({ data: { node: { __typename: 'Incident', id: 'inc1', viewerSubscribed: true } } }),
      UnsubscribeFromIncident: () => ({ data: { unsubscribeFromIncident: { __typename: 'Incident', id: 'inc1', viewerSubscribed: false } } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Unsubscribe' }));
    await screen.findByRole('button', { name: 'Subscribe' });
    expect(requests.some((r) => r.operationName === 'UnsubscribeFromIncident')).toBe(true);
  });
});

describe('StakeholderHome', () => {
  it('shows the incidents going on and what the stakeholder follows, with no control but Unsubscribe', async () => {
    renderAt(<StakeholderHome />, {
      Viewer: viewerOf('STAKEHOLDER'),
      LiveIncidents: () => ({ data: { incidents: connection('Incident', [incident]) } }),
      MySubscriptions: () => subscriptions(true),
    });
    const live = await screen.findByTestId('live-incidents');
    await within(live).findByText('Payments fail at checkout');
    const mine = screen.getByTestId('my-subscriptions');
    await within(mine).findByRole('link', { name: 'Checkout' });
    expect(screen.queryAllByRole('button').map((b) => b.textContent)).toEqual(['Unsubscribe']);
  });

  it('unsubscribing removes the service from the list', async () => {
    let following = true;
    renderAt(<StakeholderHome />, {
      Viewer: viewerOf('STAKEHOLDER'),
      LiveIncidents: () => ({ data: { incidents: connection('Incident', []) } }),
      MySubscriptions: () => subscriptions(following),
      UnsubscribeFromService: () => {
        following = false;
        return { data: { unsubscribeFromService: { __typename: 'Service', id: 's1', viewerSubscribed: false } } };
      },
    });
    await screen.findByText('No incident is going on');
    fireEvent.click(await screen.findByRole('button', { name: 'Unsubscribe' }));
    await screen.findByText('You follow nothing yet');
  });
});

describe('NotificationPreferences', () => {
  it('saves email, push and a daily digest', async () => {
    const { requests } = renderAt(<NotificationPreferences />, {
      StakeholderPreferences: () => ({
        data: { viewer: { __typename: 'User', id: 'u1', stakeholderPreferences: { __typename: 'StakeholderPreferences', email: true, push: true, digest: 'NONE' } } },
      }),
      SetStakeholderPreferences: (v) => ({ data: { setStakeholderPreferences: { __typename: 'StakeholderPreferences', ...(v.input as object) } } }),
    });
    fireEvent.click(await screen.findByLabelText(/Push to my devices/));
    fireEvent.click(screen.getByLabelText('One email per day'));
    fireEvent.click(screen.getByRole('button', { name: 'Save notifications' }));
    await screen.findByText('Saved.');
    expect(requests.find((r) => r.operationName === 'SetStakeholderPreferences')?.variables).toEqual({
      input: { email: true, push: false, digest: 'DAILY' },
    });
  });
});

describe('Landing', () => {
  const land = (role: 'RESPONDER' | 'STAKEHOLDER') => {
    const { client } = fakeServer({ Viewer: viewerOf(role) });
    render(
      <Provider value={client}>
        <MemoryRouter initialEntries={['/']}>
          <Routes>
            <Route path="/" element={<Landing />} />
            <Route path="/home" element={<p>stakeholder home</p>} />
            <Route path="/alerts" element={<p>alerts page</p>} />
          </Routes>
        </MemoryRouter>
      </Provider>,
    );
  };

  it('sends stakeholders to their home', async () => {
    land('STAKEHOLDER');
    await screen.findByText('stakeholder home');
  });

  it('sends responders to the alerts', async () => {
    land('RESPONDER');
    await screen.findByText('alerts page');
  });
});
