import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AlertsPage } from './AlertsPage';
import { connection, renderAt, viewerOf } from '../../test/server';

const services = () => ({ data: { services: connection('Service', [{ id: 's1', name: 'Checkout' }]) } });

const alert = (id: string, status: string, message: string) => ({
  id,
  tinyID: Number(id.slice(1)),
  snoozedUntil: null,
  inMaintenance: false,
  owner: null,
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
      AlertServiceChoices: services,
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
      AlertServiceChoices: services,
      Alerts: () => ({ data: { alerts: connection('Alert', []) } }),
    }, '/alerts', '/alerts');
    expect(await screen.findByText(/All quiet/)).toBeTruthy();
    expect(server.requests.find((r) => r.operationName === 'Alerts')?.variables.where).toEqual({ statusIn: ['OPEN', 'ACKED'] });
  });

  it('reads service, priority, tag, search and range from the URL into the query', async () => {
    const server = renderAt(<AlertsPage />, {
      Viewer: viewerOf('RESPONDER'),
      AlertServiceChoices: services,
      Alerts: () => ({ data: { alerts: connection('Alert', []) } }),
    }, '/alerts?status=open&service=s1&priority=P1,P2&tag=db&q=disk&since=7d', '/alerts');
    expect(await screen.findByText('No alerts match these filters.')).toBeTruthy();
    const where = server.requests.find((r) => r.operationName === 'Alerts')?.variables.where as Record<string, unknown>;
    expect(where).toMatchObject({ statusIn: ['OPEN'], serviceID: 's1', priorityIn: ['P1', 'P2'], tag: 'db', search: 'disk' });
    expect(typeof where.createdAtGTE).toBe('string');
    expect(screen.getByRole('button', { name: 'P1' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'P3' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('lets a responder tick alerts and acknowledge them together with a note', async () => {
    const rows = [alert('a1', 'OPEN', 'Disk full'), alert('a2', 'OPEN', 'CPU hot'), alert('a3', 'CLOSED', 'Old one')];
    const server = renderAt(<AlertsPage />, {
      Viewer: viewerOf('RESPONDER'),
      AlertServiceChoices: services,
      Alerts: () => ({ data: { alerts: connection('Alert', rows) } }),
      AcknowledgeAlerts: (v) => ({
        data: { acknowledgeAlerts: (v.ids as string[]).map((id) => ({ __typename: 'Alert', ...rows.find((r) => r.id === id)!, status: 'ACKED' })) },
      }),
    }, '/alerts?status=all', '/alerts');
    await screen.findAllByTestId('alert-row');
    // Closed alerts cannot be acted on, so they have no tick box.
    expect(screen.queryByLabelText('Select “Old one”')).toBeNull();
    fireEvent.click(screen.getByLabelText('Select every open or acknowledged alert shown'));
    expect(screen.getByRole('region', { name: 'Act on selected alerts' }).textContent).toContain('2 selected');
    fireEvent.change(screen.getByPlaceholderText(/Note \(optional\)/), { target: { value: 'same root cause' } });
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge 2' }));
    await waitFor(() => expect(server.requests.some((r) => r.operationName === 'AcknowledgeAlerts')).toBe(true));
    expect(server.requests.find((r) => r.operationName === 'AcknowledgeAlerts')?.variables).toEqual({ ids: ['a1', 'a2'], note: 'same root cause' });
    expect(await screen.findAllByText('Acknowledged 2 alerts.')).toBeTruthy();
  });

  it('acts on the focused row with the r key', async () => {
    const rows = [alert('a1', 'ACKED', 'Disk full')];
    const server = renderAt(<AlertsPage />, {
      Viewer: viewerOf('ADMIN'),
      AlertServiceChoices: services,
      Alerts: () => ({ data: { alerts: connection('Alert', rows) } }),
      CloseAlerts: () => ({ data: { closeAlerts: [{ __typename: 'Alert', ...rows[0], status: 'CLOSED' }] } }),
    }, '/alerts', '/alerts');
    const [row] = await screen.findAllByTestId('alert-row');
    fireEvent.keyDown(row, { key: 'r' });
    await waitFor(() => expect(server.requests.find((r) => r.operationName === 'CloseAlerts')?.variables.ids).toEqual(['a1']));
  });

  it('declares an incident from the ticked alerts: the form starts from the first and links them all', async () => {
    const rows = [alert('a1', 'OPEN', 'Disk full'), { ...alert('a2', 'ACKED', 'CPU hot'), priority: 'P2', service: { __typename: 'Service', id: 's2', name: 'Gateway' } }];
    const server = renderAt(<AlertsPage />, {
      Viewer: viewerOf('RESPONDER'),
      AlertServiceChoices: services,
      Alerts: () => ({ data: { alerts: connection('Alert', rows) } }),
      SeverityLevels: () => ({ data: { severityLevels: [] } }),
      ServiceChoices: () => ({ data: { services: connection('Service', [{ id: 's3', name: 'Search' }]) } }),
      DeclareIncident: () => ({ data: { declareIncident: { __typename: 'Incident', id: 'i5', title: 'Disk full' } } }),
    }, '/alerts', '/alerts');
    await screen.findAllByTestId('alert-row');
    fireEvent.click(screen.getByLabelText('Select every open or acknowledged alert shown'));
    fireEvent.click(within(screen.getByRole('region', { name: 'Act on selected alerts' })).getByRole('button', { name: 'Declare incident' }));
    const form = await screen.findByRole('form', { name: 'Declare an incident' });
    expect((within(form).getByLabelText('Title') as HTMLInputElement).value).toBe('Disk full');
    expect((within(form).getByLabelText('Severity') as HTMLSelectElement).value).toBe('SEV1');
    expect(within(within(form).getByRole('list', { name: /Chosen/ })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Checkout', 'Gateway']);
    fireEvent.click(within(form).getByRole('button', { name: 'Declare incident' }));
    await waitFor(() => expect(server.requests.some((r) => r.operationName === 'DeclareIncident')).toBe(true));
    expect(server.requests.find((r) => r.operationName === 'DeclareIncident')?.variables.input).toMatchObject({ alertIDs: ['a1', 'a2'], serviceIDs: [], severity: 'SEV1' });
  });

  it('adds the ticked alerts to an ongoing incident and links to it', async () => {
    const rows = [alert('a1', 'OPEN', 'Disk full'), alert('a2', 'OPEN', 'CPU hot'), alert('a3', 'OPEN', 'Fan loud')];
    const server = renderAt(<AlertsPage />, {
      Viewer: viewerOf('ADMIN'),
      AlertServiceChoices: services,
      Alerts: () => ({ data: { alerts: connection('Alert', rows) } }),
      OngoingIncidents: () => ({
        data: { incidents: connection('Incident', [{ id: 'i8', title: 'Host db-1 degraded', severity: 'SEV2', status: 'INVESTIGATING', createdAt: new Date().toISOString() }]) },
      }),
      LinkAlertsToIncident: () => ({ data: { linkAlertsToIncident: { __typename: 'Incident', id: 'i8', title: 'Host db-1 degraded' } } }),
    }, '/alerts', '/alerts');
    await screen.findAllByTestId('alert-row');
    fireEvent.click(screen.getByLabelText('Select “Disk full”'));
    fireEvent.click(screen.getByLabelText('Select “Fan loud”'));
    fireEvent.click(within(screen.getByRole('region', { name: 'Act on selected alerts' })).getByRole('button', { name: 'Add to incident' }));
    const form = await screen.findByRole('form', { name: 'Add to an incident' });
    fireEvent.click(await within(form).findByRole('radio', { name: /Host db-1 degraded/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add to “Host db-1 degraded”' }));
    const link = await screen.findByRole('link', { name: 'Open the incident “Host db-1 degraded”' });
    expect(link.getAttribute('href')).toBe('/incidents/i8');
    expect(screen.getAllByText('Added 2 alerts to the incident “Host db-1 degraded”.').length).toBeGreaterThan(0);
    expect(server.requests.find((r) => r.operationName === 'LinkAlertsToIncident')?.variables).toEqual({ incidentID: 'i8', alertIDs: ['a1', 'a3'] });
    // The selection is done with: the bar is gone.
    expect(screen.queryByRole('region', { name: 'Act on selected alerts' })).toBeNull();
  });

  it('gives a stakeholder no tick boxes and no bulk actions', async () => {
    renderAt(<AlertsPage />, {
      Viewer: viewerOf('STAKEHOLDER'),
      AlertServiceChoices: services,
      Alerts: () => ({ data: { alerts: connection('Alert', [alert('a1', 'OPEN', 'Disk full')]) } }),
    }, '/alerts', '/alerts');
    await screen.findAllByTestId('alert-row');
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /Acknowledge|Close/ })).toBeNull();
  });
});
