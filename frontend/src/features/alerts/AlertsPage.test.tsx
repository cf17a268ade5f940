import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { AlertsPage } from './AlertsPage';
import { connection, renderAt, viewerOf } from '../../test/server';

const alert = (id: string, status: string, message: string) => ({
  id,
  message,
  priority: 'P1',
  status,
  count: 3,
  firstOccurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  lastOccurredAt: new Date().toISOString(),
  service: { __typename: 'Service', id: 's1', name: 'Checkout' },
  acknowledgedBy: status === 'ACKED' ? { __typename: 'User', id: 'u1', name: 'Ada' } : null,
});

describe('AlertsPage', () => {
  it('lists alerts with status in words, priority, service, count and age', async () => {
    const server = renderAt(<AlertsPage />, {
      Viewer: viewerOf('RESPONDER'),
      Alerts: () => ({ data: { alerts: connection('Alert', [alert('a1', 'OPEN', 'Disk full'), alert('a2', 'ACKED', 'CPU hot')]) } }),
    }, '/alerts?status=all', '/alerts');
    const rows = await screen.findAllByTestId('alert-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]);
    expect(first.getByText('Disk full')).toBeTruthy();
    expect(first.getByText('Open')).toBeTruthy();
    expect(first.getByText('P1')).toBeTruthy();
    expect(first.getByText('Checkout')).toBeTruthy();
    expect(first.getByText('5 min ago')).toBeTruthy();
    expect(within(rows[1]).getByText('Acknowledged by Ada')).toBeTruthy();
    // The filter came from the URL: "all" sends no status filter.
    expect(server.requests.find((r) => r.operationName === 'Alerts')?.variables.where).toEqual({});
  });

  it('asks for active alerts by default and says what to do when there are none', async () => {
    const server = renderAt(<AlertsPage />, {
      Viewer: viewerOf('RESPONDER'),
      Alerts: () => ({ data: { alerts: connection('Alert', []) } }),
    }, '/alerts', '/alerts');
    expect(await screen.findByText(/All quiet/)).toBeTruthy();
    expect(server.requests.find((r) => r.operationName === 'Alerts')?.variables.where).toEqual({ statusIn: ['OPEN', 'ACKED'] });
  });
});
