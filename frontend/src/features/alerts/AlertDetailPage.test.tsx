import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AlertDetailPage } from './AlertDetailPage';
import { availableActions } from './AlertActions';
import { connection, renderAt, viewerOf } from '../../test/server';

type Role = 'ADMIN' | 'RESPONDER' | 'STAKEHOLDER';
const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();

const person = (name: string) => ({ __typename: 'User', id: `u-${name}`, name });
const page = (at: string, user: string | null, channel: string, contactMethodName: string) => ({
  __typename: 'EscalationPage',
  at,
  user: user ? person(user) : null,
  channel,
  contactMethodName,
});

/** An escalation progress as the API answers it: step 1 of 3 fired, bob's SMS next. */
function progressOf(extra: Record<string, unknown> = {}) {
  return {
    __typename: 'EscalationProgress',
    state: 'PAGING',
    round: 1,
    rounds: 2,
    step: 1,
    steps: 3,
    snoozedUntil: null as string | null,
    stoppedBy: null as string | null,
    stoppedAt: null as string | null,
    planned: [page(ago(-1.5), 'Ana Admin', 'sms', 'Work phone')],
    next: {
      __typename: 'EscalationNextStep',
      round: 1,
      step: 2,
      dueAt: ago(-2),
      unreachable: [] as string[],
      pages: [page(ago(-2), 'Bob Builder', 'sms', 'Mobile'), page(ago(-2), null, 'webhook', 'Ops bot')],
    } as Record<string, unknown> | null,
    ...extra,
  };
}

function alertOf(status: 'OPEN' | 'ACKED' | 'CLOSED', events: Record<string, unknown>[] = []) {
  return {
    __typename: 'Alert',
    id: 'a1',
    tinyID: 42,
    message: 'Disk full on db-1',
    priority: 'P1',
    status,
    count: 3,
    firstOccurredAt: ago(12),
    lastOccurredAt: ago(2),
    snoozedUntil: null as string | null,
    inMaintenance: false,
    escalationDueAt: status === 'OPEN' ? ago(12) : null,
    service: { __typename: 'Service', id: 's1', name: 'PostgreSQL primary' },
    acknowledgedBy: status === 'ACKED' ? { __typename: 'User', id: 'u9', name: 'Rui Responder' } : null,
    owner: null,
    alias: 'disk-db-1',
    description: 'Volume /data is 97% full.',
    details: { host: 'db-1' },
    tags: ['database'],
    source: 'prometheus',
    entity: '',
    acknowledgedAt: status === 'ACKED' ? ago(4) : null,
    closedAt: null,
    closedBy: null,
    incident: null,
    escalation: null as ReturnType<typeof progressOf> | null,
    timeline: connection(
      'TimelineEvent',
      events.map((e, i) => ({ id: `e${i}`, actorType: 'USER', actorName: 'Rui Responder', actor: { __typename: 'User', id: 'u9', name: 'Rui Responder' }, data: {}, createdAt: ago(4), ...e })),
    ),
  };
}

const render = (role: Role, alert: ReturnType<typeof alertOf>, extra = {}) =>
  renderAt(<AlertDetailPage />, { Viewer: viewerOf(role), AlertDetail: () => ({ data: { node: alert } }), ...extra }, '/alerts/a1', '/alerts/:id');

describe('AlertDetailPage', () => {
  it('answers what, since when and who above the actions, and words the timeline', async () => {
    render('RESPONDER', alertOf('ACKED', [{ kind: 'ACKNOWLEDGED', data: { note: 'on it' } }, { kind: 'CREATED', actorType: 'INTEGRATION', actorName: 'Prometheus', actor: null }]));
    expect(await screen.findByRole('heading', { level: 1, name: 'Disk full on db-1' })).toBeTruthy();
    expect(screen.getByText('PostgreSQL primary')).toBeTruthy();
    expect(screen.getByText('#42')).toBeTruthy();
    expect(screen.getByText('12 min ago')).toBeTruthy();
    expect(screen.getByText(/Acknowledged by Rui Responder/)).toBeTruthy();
    expect(screen.getByText('×3')).toBeTruthy();
    const timeline = screen.getByTestId('timeline');
    expect(within(timeline).getByText('Rui Responder acknowledged')).toBeTruthy();
    expect(within(timeline).getByText('“on it”')).toBeTruthy();
    expect(within(timeline).getByText('Received from Prometheus')).toBeTruthy();
    expect(screen.getByRole('row', { name: /host db-1/ })).toBeTruthy();
  });

  it('says what happens next: escalation pending while open, when paging resumes while snoozed', async () => {
    const { unmount } = render('RESPONDER', alertOf('OPEN'));
    expect(await screen.findByText('Escalation pending since')).toBeTruthy();
    unmount();
    const snoozed = { ...alertOf('OPEN'), snoozedUntil: ago(-30), escalationDueAt: ago(-30) };
    render('RESPONDER', snoozed);
    expect(await screen.findByText('Paging resumes')).toBeTruthy();
    expect(screen.queryByText('Escalation pending since')).toBeNull();
  });

  it('shows escalation progress: where the policy is, who is next and when, what is planned', async () => {
    const unreachable = progressOf();
    (unreachable.next as { unreachable: string[] }).unreachable = ['Cy Newhire'];
    render('STAKEHOLDER', { ...alertOf('OPEN'), escalation: unreachable });
    const fact = await screen.findByTestId('escalation-progress');
    expect(within(fact).getByText('Step 1 of 3 · round 1 of 2')).toBeTruthy();
    expect(fact.textContent).toMatch(/Next: Bob Builder by SMS and the webhook Ops bot in (1 min 5\d s|2 min)/);
    expect(fact.textContent).toMatch(/Planned: Ana Admin by SMS \(Work phone\) in 1 min \d+ s/);
    expect(within(fact).getByText('Cy Newhire has no notification rule and will not be paged')).toBeTruthy();
    // The countdown shows the absolute time on hover and focus.
    expect(within(fact).getAllByText(/^in /)[0].getAttribute('title')).toMatch(/\d{2}:\d{2}/);
    expect(screen.queryByText('Escalation pending since')).toBeNull();
  });

  it('says why paging stopped, or waits', async () => {
    for (const [extra, text] of [
      [{ state: 'ACKNOWLEDGED', stoppedBy: 'Rui Responder', next: null, planned: [] }, 'Paging stopped: acknowledged by Rui Responder'],
      [{ state: 'CLOSED', stoppedBy: 'Prometheus', next: null, planned: [] }, 'Paging stopped: closed by Prometheus'],
      [{ state: 'EXHAUSTED', step: 3, round: 2, next: null, planned: [] }, 'Policy exhausted: all 2 rounds have fired; nobody more is paged'],
      [{ state: 'MAINTENANCE', step: 0, next: null, planned: [] }, 'Not paged: opened during a maintenance window'],
      [{ state: 'SNOOZED', snoozedUntil: ago(-30), planned: [] }, /^Snoozed until .+\(in 30 min\)$/],
    ] as const) {
      const { unmount } = render('RESPONDER', { ...alertOf('OPEN'), escalation: progressOf(extra) });
      const fact = await screen.findByTestId('escalation-progress');
      expect(fact.querySelector('dd > :first-child')?.textContent).toMatch(text);
      unmount();
    }
  });

  it('reads the progress again once the next step is due', async () => {
    let answers = 0;
    const soon = progressOf();
    soon.next = { ...(soon.next as Record<string, unknown>), dueAt: new Date(Date.now() + 300).toISOString() };
    renderAt(
      <AlertDetailPage />,
      {
        Viewer: viewerOf('RESPONDER'),
        AlertDetail: () => ({ data: { node: { ...alertOf('OPEN'), escalation: answers++ === 0 ? soon : progressOf({ step: 2 }) } } }),
      },
      '/alerts/a1',
      '/alerts/:id',
    );
    expect(await screen.findByText('Step 1 of 3 · round 1 of 2')).toBeTruthy();
    expect(await screen.findByText('Step 2 of 3 · round 1 of 2')).toBeTruthy();
  });

  it('offers Acknowledge first on an open alert and sends it', async () => {
    const { requests } = render('RESPONDER', alertOf('OPEN'), {
      AcknowledgeAlert: () => ({ data: { acknowledgeAlerts: [alertOf('ACKED', [{ kind: 'ACKNOWLEDGED' }])] } }),
    });
    const ack = await screen.findByRole('button', { name: /^Acknowledge/ });
    expect(ack.className).toContain('button-primary');
    expect(screen.queryByRole('button', { name: 'Unacknowledge' })).toBeNull();
    fireEvent.click(ack);
    await waitFor(() => expect(requests.some((r) => r.operationName === 'AcknowledgeAlert')).toBe(true));
    expect(requests.find((r) => r.operationName === 'AcknowledgeAlert')?.variables.ids).toEqual(['a1']);
    // The answer brings the new state: Close becomes the primary action.
    const close = await screen.findByRole('button', { name: /^Close/ });
    expect(close.className).toContain('button-primary');
    expect(await screen.findByText('Rui Responder acknowledged')).toBeTruthy();
  });

  it('shows paging stopped from the acknowledge answer', async () => {
    const acked = { ...alertOf('ACKED'), escalation: progressOf({ state: 'ACKNOWLEDGED', stoppedBy: 'Rui Responder', next: null, planned: [] }) };
    render('RESPONDER', { ...alertOf('OPEN'), escalation: progressOf() }, { AcknowledgeAlert: () => ({ data: { acknowledgeAlerts: [acked] } }) });
    await screen.findByText(/^Next: Bob Builder/);
    fireEvent.click(await screen.findByRole('button', { name: /^Acknowledge/ }));
    expect(await screen.findByText('Paging stopped: acknowledged by Rui Responder')).toBeTruthy();
    expect(screen.queryByText(/^Next: /)).toBeNull();
  });

  it('acknowledges with the a key', async () => {
    const { requests } = render('RESPONDER', alertOf('OPEN'), {
      AcknowledgeAlert: () => ({ data: { acknowledgeAlerts: [alertOf('ACKED')] } }),
    });
    await screen.findByRole('button', { name: /^Acknowledge/ });
    fireEvent.keyDown(document.body, { key: 'a' });
    await waitFor(() => expect(requests.some((r) => r.operationName === 'AcknowledgeAlert')).toBe(true));
  });

  it('offers Close first once acknowledged, with Unacknowledge beside it', async () => {
    render('ADMIN', alertOf('ACKED'));
    const close = await screen.findByRole('button', { name: /^Close/ });
    expect(close.className).toContain('button-primary');
    for (const name of ['Unacknowledge', 'Snooze', 'Add note', 'Assign', 'Escalate now', 'Change priority', 'Edit text']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.queryByRole('button', { name: /^Acknowledge/ })).toBeNull();
  });

  it('snoozes for an hour from the snooze panel', async () => {
    const { requests } = render('RESPONDER', alertOf('OPEN'), { SnoozeAlert: () => ({ data: { snoozeAlert: alertOf('OPEN') } }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Snooze' }));
    fireEvent.click(screen.getByRole('button', { name: '1 h' }));
    await waitFor(() => expect(requests.some((r) => r.operationName === 'SnoozeAlert')).toBe(true));
    const until = new Date(String(requests.find((r) => r.operationName === 'SnoozeAlert')?.variables.until)).getTime();
    expect(Math.abs(until - (Date.now() + 3_600_000))).toBeLessThan(10_000);
  });

  it('adds the alert to an ongoing incident, then links to it and offers neither Declare nor Add again', async () => {
    let linked = false;
    const { requests } = render('RESPONDER', alertOf('ACKED'), {
      // After the link the alert's incident is read again (the cache drops it).
      AlertDetail: () => ({ data: { node: { ...alertOf('ACKED'), incident: linked ? { __typename: 'Incident', id: 'i4', title: 'Database degraded' } : null } } }),
      OngoingIncidents: () => ({
        data: { incidents: connection('Incident', [{ id: 'i4', title: 'Database degraded', severity: 'SEV2', status: 'INVESTIGATING', createdAt: ago(3) }]) },
      }),
      LinkAlertsToIncident: () => {
        linked = true;
        return { data: { linkAlertsToIncident: { __typename: 'Incident', id: 'i4', title: 'Database degraded' } } };
      },
    });
    expect(await screen.findByRole('button', { name: 'Declare incident' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add to incident' }));
    const form = await screen.findByRole('form', { name: 'Add to an incident' });
    fireEvent.click(await within(form).findByRole('radio', { name: /Database degraded/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add to “Database degraded”' }));
    const link = await within(await screen.findByTestId('alert-incident')).findByRole('link', { name: 'Database degraded' });
    expect(link.getAttribute('href')).toBe('/incidents/i4');
    expect(requests.find((r) => r.operationName === 'LinkAlertsToIncident')?.variables).toEqual({ incidentID: 'i4', alertIDs: ['a1'] });
    expect(screen.getAllByText('Added to the incident “Database degraded”.').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Declare incident' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add to incident' })).toBeNull();
  });

  it('shows a stakeholder no action at all', async () => {
    render('STAKEHOLDER', alertOf('OPEN'));
    await screen.findByRole('heading', { level: 1, name: 'Disk full on db-1' });
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('says plainly when the alert does not exist', async () => {
    renderAt(<AlertDetailPage />, { Viewer: viewerOf('RESPONDER'), AlertDetail: () => ({ data: { node: null } }) }, '/alerts/nope', '/alerts/:id');
    expect(await screen.findByText('There is no alert with this address.')).toBeTruthy();
  });

  it('matches the action rules', () => {
    expect(availableActions('OPEN', false)).toEqual({ primary: undefined, secondary: [] });
    expect(availableActions('CLOSED', true)).toEqual({ primary: undefined, secondary: ['note'] });
    expect(availableActions('ACKED', true).primary).toBe('close');
  });
});
