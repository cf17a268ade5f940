import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AddToIncidentForm } from './AddToIncidentForm';
import { INCIDENT_MATCHES } from './IncidentPicker';
import { connection, renderAt } from '../../test/server';

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
const ongoing = [
  { id: 'i3', title: 'Payments failing', severity: 'SEV1', status: 'IDENTIFIED', createdAt: ago(5) },
  { id: 'i2', title: 'Slow search', severity: 'SEV3', status: 'INVESTIGATING', createdAt: ago(90) },
];

/** The server's answer: not resolved, title containing the text, newest first. */
const search = (v: Record<string, unknown>) => {
  const where = v.where as { statusNEQ?: string; titleContainsFold?: string };
  const q = (where.titleContainsFold ?? '').toLowerCase();
  return { data: { incidents: connection('Incident', ongoing.filter((i) => i.title.toLowerCase().includes(q))) } };
};

describe('AddToIncidentForm', () => {
  it('lists ongoing incidents newest first, searches by title, and links the alerts to the one picked', async () => {
    const onDone = vi.fn();
    const server = renderAt(<AddToIncidentForm alertIDs={['a1', 'a2']} onDone={onDone} onCancel={() => {}} />, {
      OngoingIncidents: search,
      LinkAlertsToIncident: () => ({ data: { linkAlertsToIncident: { __typename: 'Incident', id: 'i2', title: 'Slow search' } } }),
    });
    const form = await screen.findByRole('form', { name: 'Add to an incident' });
    const list = await within(form).findByRole('list', { name: 'Ongoing incidents, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('radio')).toHaveLength(2));
    expect(within(list).getAllByRole('listitem')[0].textContent).toMatch(/SEV1.*Payments failing.*Cause identified · started 5 min ago/);
    expect(server.requests[0].variables).toEqual({ first: INCIDENT_MATCHES, where: { statusNEQ: 'RESOLVED' } });
    expect((within(form).getByRole('button', { name: 'Add to incident' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(within(form).getByLabelText('Search ongoing incidents by title'), { target: { value: 'slow' } });
    await waitFor(() => expect(within(list).getAllByRole('radio')).toHaveLength(1));
    expect(server.requests.at(-1)?.variables.where).toEqual({ statusNEQ: 'RESOLVED', titleContainsFold: 'slow' });
    fireEvent.click(within(form).getByRole('radio', { name: /Slow search/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add to “Slow search”' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ id: 'i2', title: 'Slow search' }));
    expect(server.requests.find((r) => r.operationName === 'LinkAlertsToIncident')?.variables).toEqual({ incidentID: 'i2', alertIDs: ['a1', 'a2'] });
  });

  it('says when nothing is ongoing', async () => {
    renderAt(<AddToIncidentForm alertIDs={['a1']} onDone={() => {}} onCancel={() => {}} />, {
      OngoingIncidents: () => ({ data: { incidents: connection('Incident', []) } }),
    });
    expect(await screen.findByText('No incident is ongoing: declare one instead.')).toBeTruthy();
  });

  it('shows why the server refused the alerts and does not finish', async () => {
    const onDone = vi.fn();
    renderAt(<AddToIncidentForm alertIDs={['a1']} onDone={onDone} onCancel={() => {}} />, {
      OngoingIncidents: search,
      LinkAlertsToIncident: () => ({
        errors: [{ message: 'alertIDs: alert 1 already belongs to incident 7', extensions: { code: 'BAD_USER_INPUT', field: 'alertIDs' } }],
      }),
    });
    fireEvent.click(await screen.findByRole('radio', { name: /Payments failing/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Add to “Payments failing”' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not added: Alert 1 already belongs to incident 7.');
    expect(onDone).not.toHaveBeenCalled();
  });
});
