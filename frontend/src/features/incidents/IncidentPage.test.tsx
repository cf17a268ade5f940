import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { IncidentPage } from './IncidentPage';
import { connection, renderAt, viewerOf } from '../../test/server';

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
const person = (id: string, name: string) => ({ __typename: 'User', id, name });

function incidentOf(extra: Record<string, unknown> = {}) {
  return {
    __typename: 'Incident',
    id: 'i1',
    title: 'Checkout is failing',
    summary: '',
    severity: 'SEV2',
    status: 'IDENTIFIED',
    createdAt: ago(40),
    resolvedAt: null,
    nextUpdateDueAt: ago(-20),
    updateOverdue: false,
    services: connection('Service', [{ id: 's1', name: 'Checkout' }]),
    commander: person('u1', 'Rui Responder'),
    commsLead: null,
    responders: [],
    stakeholders: [person('u3', 'Sam Stakeholder')],
    alerts: connection('Alert', [
      { id: 'a1', message: '5xx on /pay', status: 'ACKED', priority: 'P1', pageUserID: null },
      { id: 'a2', message: 'Responder requested: Checkout is failing', status: 'OPEN', priority: 'P2', pageUserID: 7 },
    ]),
    timeline: connection('TimelineEvent', [
      { id: 'e2', kind: 'STATUS_UPDATE', actorName: 'Rui Responder', visibility: 'STAKEHOLDER', data: { audience: 'STAKEHOLDER', status: 'IDENTIFIED', message: 'A bad deploy; rolling back.' }, createdAt: ago(10) },
      { id: 'e1', kind: 'NOTE_ADDED', actorName: 'Rui Responder', visibility: 'INTERNAL', data: { note: 'db ok' }, createdAt: ago(20) },
    ]),
    ...extra,
  };
}

const users = () => ({ data: { users: connection('User', [{ id: 'u1', name: 'Rui Responder', role: 'RESPONDER' }, { id: 'u2', name: 'Ana Admin', role: 'ADMIN' }]) } });

const render = (role: 'ADMIN' | 'RESPONDER' | 'STAKEHOLDER', incident = incidentOf(), extra = {}) =>
  renderAt(<IncidentPage />, { Viewer: viewerOf(role), IncidentDetail: () => ({ data: { node: incident } }), IncidentPeople: users, ...extra }, '/incidents/i1', '/incidents/:id');

describe('IncidentPage', () => {
  it('takes an alert linked by mistake out after asking, but never a responder\'s page', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    let sent: Record<string, unknown> = {};
    render('RESPONDER', incidentOf(), {
      UnlinkAlerts: (v: Record<string, unknown>) => {
        sent = v;
        const left = incidentOf({ alerts: connection('Alert', [{ id: 'a2', message: 'Responder requested: Checkout is failing', status: 'OPEN', priority: 'P2', pageUserID: 7 }]) });
        return { data: { unlinkAlertsFromIncident: left } };
      },
    });
    const linked = await screen.findByTestId('linked-alerts');
    expect(within(linked).queryByRole('button', { name: /Take Responder requested/ })).toBeNull();
    fireEvent.click(within(linked).getByRole('button', { name: 'Take 5xx on /pay out of this incident' }));
    expect(confirm).toHaveBeenCalled();
    await waitFor(() => expect(sent).toEqual({ id: 'i1', alertIDs: ['a1'] }));
    await screen.findByText('“5xx on /pay” is no longer part of this incident.');
    await waitFor(() => expect(within(screen.getByTestId('linked-alerts')).queryByText('5xx on /pay')).toBeNull());
    vi.unstubAllGlobals();
  });

  it('offers a stakeholder no way to take an alert out', async () => {
    render('STAKEHOLDER');
    const linked = await screen.findByTestId('linked-alerts');
    expect(within(linked).getByText('5xx on /pay')).toBeTruthy();
    expect(within(linked).queryByRole('button')).toBeNull();
  });

  it('answers what, since when, who leads and when the next update is due', async () => {
    render('RESPONDER');
    expect(await screen.findByRole('heading', { level: 1, name: 'Checkout is failing' })).toBeTruthy();
    expect(screen.getByText('40 min ago')).toBeTruthy();
    expect(screen.getAllByText('Rui Responder').length).toBeGreaterThan(0);
    expect(screen.getByTestId('next-update').textContent).toMatch(/Next update due in (19|20) min/);
    const timeline = screen.getByTestId('incident-timeline');
    expect(within(timeline).getByText('A bad deploy; rolling back.')).toBeTruthy();
  });

  it('shows an overdue update in red words', async () => {
    render('RESPONDER', incidentOf({ nextUpdateDueAt: ago(5), updateOverdue: true }));
    const due = await screen.findByTestId('next-update');
    expect(due.textContent).toMatch(/Update overdue by 5 min/);
    expect(due.querySelector('.overdue')).toBeTruthy();
  });

  it('filters the timeline to notes', async () => {
    render('RESPONDER');
    const timeline = await screen.findByTestId('incident-timeline');
    fireEvent.click(screen.getByRole('button', { name: 'Notes' }));
    await waitFor(() => expect(within(timeline).queryByText('A bad deploy; rolling back.')).toBeNull());
    expect(within(timeline).getByText('db ok')).toBeTruthy();
  });

  it('posts a stakeholder update with the chosen status', async () => {
    let posted: Record<string, unknown> = {};
    render('RESPONDER', incidentOf(), {
      PostStatusUpdate: (v: Record<string, unknown>) => {
        posted = v;
        return { data: { postStatusUpdate: { __typename: 'StatusUpdate', id: 'su1', incident: incidentOf() } } };
      },
    });
    const composer = await screen.findByTestId('update-composer');
    fireEvent.change(within(composer).getByLabelText('Message'), { target: { value: 'Rolled back; watching.' } });
    fireEvent.change(within(composer).getByLabelText('Status after this update'), { target: { value: 'MONITORING' } });
    fireEvent.click(within(composer).getByRole('button', { name: 'Post update' }));
    await waitFor(() => expect(posted).toEqual({ id: 'i1', message: 'Rolled back; watching.', status: 'MONITORING', audience: 'STAKEHOLDER' }));
  });

  it('gives a stakeholder no control that would fail', async () => {
    render('STAKEHOLDER');
    expect(await screen.findByRole('heading', { level: 1, name: 'Checkout is failing' })).toBeTruthy();
    expect(screen.queryByTestId('update-composer')).toBeNull();
    expect(screen.queryByLabelText('Severity')).toBeNull();
    expect(screen.queryByRole('button', { name: /Add/ })).toBeNull();
    expect(screen.queryByPlaceholderText('Add an internal note')).toBeNull();
    expect(screen.getByTestId('next-update')).toBeTruthy();
  });
});
