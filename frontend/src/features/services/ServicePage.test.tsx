import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ServicePage } from './ServicePage';
import { connection, renderAt, viewerOf } from '../../test/server';

type Role = 'ADMIN' | 'RESPONDER' | 'STAKEHOLDER';
const soon = (min: number) => new Date(Date.now() + min * 60_000).toISOString();

const snippets = { __typename: 'IntegrationSnippets', curl: "curl -X POST http://x/v2/alerts -H 'Authorization: GenieKey <YOUR_INTEGRATION_KEY>'", alertmanager: 'receivers: []', grafana: 'Contact point type: Opsgenie' };
const integration = {
  id: 'i1',
  name: 'Prometheus prod',
  kind: 'OPSGENIE',
  keyPrefix: 'ab12cd34',
  enabled: true,
  url: 'http://127.0.0.1/v2/alerts',
  mapping: {},
  rateLimitPerMinute: 600,
  rateLimitBurst: 100,
  lastReceivedAt: soon(-3),
  lastResult: 'accepted',
  createdAt: soon(-60),
};

const service = (withSnippets: boolean) => ({
  __typename: 'Service',
  id: 's1',
  name: 'Checkout',
  description: 'Takes payments',
  team: { __typename: 'Team', id: 't1', name: 'Payments' },
  highUrgencyUpTo: 'P2',
  escalationPolicy: null,
  onCall: [
    {
      __typename: 'OnCall',
      schedule: { __typename: 'Schedule', id: 'sc1', name: 'Payments primary', timeZone: 'UTC' },
      users: [{ __typename: 'User', id: 'u2', name: 'Rui Responder' }],
      until: soon(120),
      next: [{ __typename: 'User', id: 'u3', name: 'Ada Admin' }],
    },
  ],
  integrations: connection('Integration', [withSnippets ? { ...integration, snippets } : integration]),
  heartbeats: connection('Heartbeat', [
    { id: 'h1', name: 'nightly-backup', description: '', intervalSeconds: 86400, enabled: true, alertMessage: '', alertPriority: 'P3', alertTags: [], lastPingAt: soon(-1500), expired: true, expiresAt: soon(-60), service: { __typename: 'Service', id: 's1', name: 'Checkout' } },
  ]),
  maintenanceWindows: connection('MaintenanceWindow', [{ id: 'm1', startsAt: soon(-10), endsAt: soon(50), reason: 'DB upgrade', createdBy: null }]),
});

const render = (role: Role, extra = {}) =>
  renderAt(
    <ServicePage />,
    {
      Viewer: viewerOf(role),
      ServiceDetail: (v) => ({ data: { node: service(Boolean(v.withSnippets)) } }),
      PolicyChoices: () => ({ data: { escalationPolicies: connection('EscalationPolicy', [{ id: 'p1', name: 'Checkout on call' }]) } }),
      ServiceSubscription: () => ({ data: { node: { __typename: 'Service', id: 's1', viewerSubscribed: false } } }),
      ...extra,
    },
    '/services/s1',
    '/services/:id',
  );

describe('ServicePage', () => {
  it('shows integrations, heartbeats and windows with their state in words', async () => {
    render('ADMIN');
    expect(await screen.findByRole('heading', { level: 1, name: 'Checkout' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Prometheus prod' })).toBeTruthy();
    expect(screen.getByText('ab12cd34…')).toBeTruthy();
    expect(screen.getByText('3 min ago')).toBeTruthy();
    expect(screen.getByText('Expired')).toBeTruthy();
    expect(screen.getByText('Active')).toBeTruthy();
    expect(screen.getByText('DB upgrade')).toBeTruthy();
  });

  it.each<[Role, string[], string[]]>([
    ['ADMIN', ['Add integration', 'Rotate key of Prometheus prod', 'Disable Prometheus prod', 'Delete Prometheus prod', 'Add heartbeat', 'Edit nightly-backup', 'Schedule maintenance', 'End now', 'Raise a test alert'], []],
    ['RESPONDER', ['Schedule maintenance', 'End now', 'Raise a test alert', 'Copy the URL of Prometheus prod'], ['Add integration', 'Rotate key of Prometheus prod', 'Add heartbeat', 'Edit nightly-backup']],
  ])('%s is offered exactly what they may do', async (role, shown, hidden) => {
    render(role);
    await screen.findByRole('heading', { name: 'Prometheus prod' });
    for (const name of shown) expect(screen.getByRole('button', { name })).toBeTruthy();
    for (const name of hidden) expect(screen.queryByRole('button', { name })).toBeNull();
  });

  it('offers maintenance only to responders of the service\'s team (a window silences its paging)', async () => {
    render('RESPONDER', { Viewer: viewerOf('RESPONDER', ['t9']) });
    await screen.findByRole('heading', { name: 'Prometheus prod' });
    expect(screen.getByRole('button', { name: 'Raise a test alert' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Schedule maintenance' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'End now' })).toBeNull();
  });

  it('gives a stakeholder a read-only page: only Subscribe, no snippets', async () => {
    const { requests } = render('STAKEHOLDER');
    await screen.findByRole('heading', { name: 'Prometheus prod' });
    await screen.findByRole('button', { name: 'Subscribe to Checkout' });
    expect(screen.queryAllByRole('button').map((b) => b.textContent)).toEqual(['Subscribe']);
    expect(requests.find((r) => r.operationName === 'ServiceDetail')?.variables.withSnippets).toBe(false);
    expect(screen.getByText('http://127.0.0.1/v2/alerts')).toBeTruthy();
  });

  it('says who is on call for the service now and who is next', async () => {
    render('STAKEHOLDER');
    const list = await screen.findByRole('list', { name: 'Who is paged for Checkout' });
    expect(list.textContent).toContain('Payments primary');
    expect(list.textContent).toContain('Rui Responder');
    expect(list.textContent).toMatch(/next in 2 h.*Ada Admin/);
  });

  it('shows snippets per sender in tabs', async () => {
    render('ADMIN');
    fireEvent.click(await screen.findByRole('button', { name: /Configuration for senders/ }));
    expect(screen.getByRole('tab', { name: 'curl' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText(/GenieKey <YOUR_INTEGRATION_KEY>/)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Grafana' }));
    expect(screen.getByText('Contact point type: Opsgenie')).toBeTruthy();
  });

  it('creates an integration and shows its key once, with a warning', async () => {
    const { requests } = render('ADMIN', {
      CreateIntegration: () => ({
        data: { createIntegration: { __typename: 'IntegrationKeyPayload', key: 'secret-key-123', integration: { __typename: 'Integration', ...integration, id: 'i2', name: 'New door' }, snippets } },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Add integration' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'New door' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create integration' }));
    expect(await screen.findByTestId('integration-key')).toBeTruthy();
    expect(screen.getByTestId('integration-key').textContent).toBe('secret-key-123');
    expect(screen.getByText(/shown only once/)).toBeTruthy();
    expect(within(screen.getByRole('dialog', { name: 'Add integration' })).getByRole('button', { name: 'Send test alert' })).toBeTruthy();
    expect(requests.find((r) => r.operationName === 'CreateIntegration')?.variables.input).toEqual({ serviceID: 's1', kind: 'OPSGENIE', name: 'New door' });
  });

  it('tests a generic mapping on a pasted sample', async () => {
    const { requests } = render('ADMIN', {
      TestGenericMapping: () => ({
        data: { testGenericMapping: { __typename: 'MappingResult', message: 'Queue depth above 10k on orders', alias: '', priority: 'P1', description: '', details: {}, tags: ['queue'], close: false, errors: [] } },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Add integration' }));
    fireEvent.click(screen.getByLabelText(/Generic JSON webhook/));
    fireEvent.click(screen.getByRole('button', { name: 'Test this mapping' }));
    expect(await screen.findByText('Queue depth above 10k on orders')).toBeTruthy();
    const sent = requests.find((r) => r.operationName === 'TestGenericMapping')?.variables;
    expect((sent?.mapping as Record<string, string>).message).toBe('body.title');
    expect((sent?.sample as Record<string, string>).level).toBe('critical');
    fireEvent.change(screen.getByLabelText('Sample body (JSON)'), { target: { value: '{ nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test this mapping' }));
    await waitFor(() => expect(screen.getByText(/not valid JSON/)).toBeTruthy());
  });

  it('lets an admin choose the escalation policy and the high-urgency cut', async () => {
    const { requests } = render('ADMIN', {
      UpdateServicePaging: () => ({
        data: { updateService: { __typename: 'Service', id: 's1', highUrgencyUpTo: 'P3', escalationPolicy: { __typename: 'EscalationPolicy', id: 'p1', name: 'Checkout on call' } } },
      }),
    });
    expect((await screen.findByTestId('service-policy')).textContent).toMatch(/No escalation policy: alerts page whoever is on call in team Payments.*P1 and P2 page at high urgency/);
    await screen.findByRole('option', { name: 'Checkout on call' });
    fireEvent.change(screen.getByLabelText('Escalation policy'), { target: { value: 'p1' } });
    fireEvent.change(screen.getByLabelText('High urgency up to'), { target: { value: 'P3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save paging' }));
    await waitFor(() => expect(screen.getByTestId('service-policy').textContent).toMatch(/follow the escalation policy Checkout on call.*P1–P3 page at high urgency/));
    expect(requests.find((r) => r.operationName === 'UpdateServicePaging')?.variables).toEqual({ id: 's1', input: { highUrgencyUpTo: 'P3', escalationPolicyID: 'p1' } });
  });

  it('shows a responder the service’s policy without a way to change it', async () => {
    render('RESPONDER');
    await screen.findByTestId('service-policy');
    expect(screen.queryByLabelText('Escalation policy')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save paging' })).toBeNull();
  });
});
