import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { IncidentPage } from './IncidentPage';
import { connection, renderAt, viewerOf, type Request } from '../../test/server';

const ago = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
const team = { __typename: 'Team', id: 't1', name: 'Platform' };
const catalogue = [
  { id: 's1', name: 'Checkout' },
  { id: 's2', name: 'PostgreSQL primary' },
  { id: 's3', name: 'Postfix relay' },
  { id: 's4', name: 'API Gateway' },
];

function incidentOf(services: { id: string; name: string }[], timeline: Record<string, unknown>[] = []) {
  return {
    __typename: 'Incident',
    id: 'i1',
    title: 'Checkout is failing',
    summary: '',
    severity: 'SEV2',
    status: 'INVESTIGATING',
    createdAt: ago(30),
    resolvedAt: null,
    nextUpdateDueAt: ago(-20),
    updateOverdue: false,
    services: connection('Service', services),
    commander: { __typename: 'User', id: 'u1', name: 'Rui Responder' },
    commsLead: null,
    responders: [],
    stakeholders: [],
    alerts: connection('Alert', []),
    timeline: connection('TimelineEvent', timeline),
  };
}

/** A fake server holding one incident whose services the mutation really adds to. */
function serve(role: 'ADMIN' | 'RESPONDER' | 'STAKEHOLDER', add?: (v: Record<string, unknown>) => { errors: { message: string; extensions: { code: string } }[] }) {
  let affected = [catalogue[0]];
  let incident = incidentOf(affected);
  const server = renderAt(
    <IncidentPage />,
    {
      Viewer: viewerOf(role),
      IncidentDetail: () => ({ data: { node: incident } }),
      IncidentPeople: () => ({ data: { users: connection('User', []) } }),
      ServiceChoices: (v) => {
        const search = String(v.search ?? '').toLowerCase();
        const exclude = (v.exclude as string[] | null) ?? [];
        const found = catalogue.filter((s) => !exclude.includes(s.id) && s.name.toLowerCase().includes(search));
        const shown = found.slice(0, Number(v.first)).map((s) => ({ ...s, team }));
        return { data: { services: connection('Service', shown, { totalCount: found.length }) } };
      },
      AddIncidentServices: (v) => {
        if (add) return add(v);
        const added = catalogue.filter((s) => (v.serviceIDs as string[]).includes(s.id));
        const event = { id: 'e9', kind: 'SERVICES_ADDED', actorName: 'Rui Responder', visibility: 'STAKEHOLDER', data: { services: added.map((s) => s.name) }, createdAt: ago(0) };
        affected = [...affected, ...added];
        incident = incidentOf(affected, [event]);
        return { data: { addIncidentServices: incident } };
      },
      RemoveIncidentServices: (v) => {
        const ids = v.serviceIDs as string[];
        const gone = affected.filter((s) => ids.includes(s.id));
        const event = { id: 'e10', kind: 'SERVICES_REMOVED', actorName: 'Rui Responder', visibility: 'STAKEHOLDER', data: { services: gone.map((s) => s.name) }, createdAt: ago(0) };
        affected = affected.filter((s) => !ids.includes(s.id));
        incident = incidentOf(affected, [event]);
        return { data: { removeIncidentServices: incident } };
      },
    },
    '/incidents/i1',
    '/incidents/:id',
  );
  return server;
}

const field = () => screen.getByRole('combobox', { name: 'Add an affected service' });
const sent = (requests: Request[], op: string) => requests.filter((r) => r.operationName === op);

describe('Affected services on the incident page', () => {
  it('lets a responder search, pick with the keyboard and add a service; the list and timeline show it', async () => {
    const { requests } = serve('RESPONDER');
    await screen.findByRole('heading', { level: 1, name: 'Checkout is failing' });
    const list = screen.getByTestId('affected-services');
    expect(within(list).getByRole('link', { name: 'Checkout' }).getAttribute('href')).toBe('/services/s1');

    fireEvent.change(field(), { target: { value: 'post' } });
    const listbox = await screen.findByRole('listbox', { name: 'Services' });
    await within(listbox).findByRole('option', { name: /PostgreSQL primary/ });
    // Already affected services are not offered: the search asked the server to leave Checkout out.
    await waitFor(() => expect(sent(requests, 'ServiceChoices').at(-1)?.variables).toEqual({ search: 'post', exclude: ['s1'], first: 8 }));
    expect(within(listbox).getAllByRole('option').map((o) => o.textContent)).toEqual(['PostgreSQL primary · Platform', 'Postfix relay · Platform']);

    // Typing highlights the first match; ↓ moves to the next; Enter picks it.
    const first = within(listbox).getAllByRole('option')[0];
    expect(field().getAttribute('aria-activedescendant')).toBe(first.id);
    fireEvent.keyDown(field(), { key: 'ArrowDown' });
    const second = within(listbox).getAllByRole('option')[1];
    await waitFor(() => expect(field().getAttribute('aria-activedescendant')).toBe(second.id));
    expect(second.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(field(), { key: 'ArrowUp' });
    await waitFor(() => expect(field().getAttribute('aria-activedescendant')).toBe(first.id));
    fireEvent.keyDown(field(), { key: 'Enter' });
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect((field() as HTMLInputElement).value).toBe('PostgreSQL primary');
    expect(field().getAttribute('aria-expanded')).toBe('false');
    expect(sent(requests, 'AddIncidentServices')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Add service' }));
    await waitFor(() => expect(sent(requests, 'AddIncidentServices').map((r) => r.variables)).toEqual([{ id: 'i1', serviceIDs: ['s2'] }]));
    await within(screen.getByTestId('affected-services')).findByRole('link', { name: 'PostgreSQL primary' });
    expect(within(screen.getByTestId('incident-timeline')).getByText('Rui Responder added the affected service PostgreSQL primary')).toBeTruthy();
    expect(screen.getByText('PostgreSQL primary is now an affected service.')).toBeTruthy();
    expect((field() as HTMLInputElement).value).toBe('');
  });

  it('picks with a click, and no longer offers a service once it is affected', async () => {
    const { requests } = serve('ADMIN');
    await screen.findByRole('heading', { level: 1, name: 'Checkout is failing' });
    fireEvent.click(field());
    const option = await screen.findByRole('option', { name: /API Gateway/ });
    fireEvent.click(option);
    expect((field() as HTMLInputElement).value).toBe('API Gateway');
    fireEvent.click(screen.getByRole('button', { name: 'Add service' }));
    await within(screen.getByTestId('affected-services')).findByRole('link', { name: 'API Gateway' });

    fireEvent.change(field(), { target: { value: 'gate' } });
    expect(await screen.findByText('No service matches “gate”.', { selector: '.combobox-note' })).toBeTruthy();
    expect(sent(requests, 'ServiceChoices').at(-1)?.variables).toEqual({ search: 'gate', exclude: ['s1', 's4'], first: 8 });
    fireEvent.keyDown(field(), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByText('No service matches “gate”.', { selector: '.combobox-note' })).toBeNull());
    fireEvent.keyDown(field(), { key: 'Escape' });
    expect((field() as HTMLInputElement).value).toBe('');
  });

  it('while the search is on its way, offers only earlier matches that still match what is typed', async () => {
    serve('RESPONDER');
    await screen.findByRole('heading', { level: 1, name: 'Checkout is failing' });
    fireEvent.click(field());
    await screen.findByRole('option', { name: /API Gateway/ });
    fireEvent.change(field(), { target: { value: 'postg' } });
    // At once, before the debounced search for "postg" has gone out: Enter here must not pick API Gateway.
    expect(within(screen.getByRole('listbox', { name: 'Services' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['PostgreSQL primary · Platform']);
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect((field() as HTMLInputElement).value).toBe('PostgreSQL primary');
  });

  it('says what to do when Add is pressed before a service is picked, and sends nothing', async () => {
    const { requests } = serve('RESPONDER');
    await screen.findByRole('heading', { level: 1, name: 'Checkout is failing' });
    fireEvent.click(screen.getByRole('button', { name: 'Add service' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Type a service’s name, then pick it from the list.');
    fireEvent.change(field(), { target: { value: 'postg' } });
    fireEvent.keyDown(field(), { key: 'Tab' });
    fireEvent.click(screen.getByRole('button', { name: 'Add service' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Pick “postg” (or another service) from the list before adding.');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(sent(requests, 'AddIncidentServices')).toHaveLength(0);
  });

  it('shows the server’s refusal in plain words', async () => {
    serve('RESPONDER', () => ({ errors: [{ message: 'serviceIDs: names a service that does not exist', extensions: { code: 'BAD_USER_INPUT' } }] }));
    await screen.findByRole('heading', { level: 1, name: 'Checkout is failing' });
    fireEvent.change(field(), { target: { value: 'api' } });
    await screen.findByRole('option', { name: /API Gateway/ });
    fireEvent.keyDown(field(), { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Add service' }));
    expect((await screen.findByRole('alert')).textContent).toBe('ServiceIDs: names a service that does not exist.');
    expect(within(screen.getByTestId('affected-services')).queryByRole('link', { name: 'API Gateway' })).toBeNull();
  });

  it('removes a mistaken service after asking; the list and timeline say so', async () => {
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    const { requests } = serve('RESPONDER');
    await screen.findByRole('heading', { level: 1, name: 'Checkout is failing' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Checkout from the affected services' }));
    expect(confirm).toHaveBeenCalledWith('Mark Checkout as not affected? Its subscribers stop following this incident.');
    await waitFor(() => expect(sent(requests, 'RemoveIncidentServices').map((r) => r.variables)).toEqual([{ id: 'i1', serviceIDs: ['s1'] }]));
    await screen.findByText('Checkout is no longer an affected service.');
    expect(screen.queryByTestId('affected-services')).toBeNull();
    expect(within(screen.getByTestId('incident-timeline')).getByText('Rui Responder marked Checkout as not affected')).toBeTruthy();
    vi.unstubAllGlobals();
  });

  it('does not remove when the question is declined', async () => {
    vi.stubGlobal('confirm', vi.fn(() => false));
    const { requests } = serve('RESPONDER');
    await screen.findByRole('heading', { level: 1, name: 'Checkout is failing' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Checkout from the affected services' }));
    expect(sent(requests, 'RemoveIncidentServices')).toHaveLength(0);
    vi.unstubAllGlobals();
  });

  it('shows a stakeholder the affected services and no picker', async () => {
    const { requests } = serve('STAKEHOLDER');
    await screen.findByRole('heading', { level: 1, name: 'Checkout is failing' });
    expect(within(screen.getByTestId('affected-services')).getByRole('link', { name: 'Checkout' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Remove Checkout/ })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add service' })).toBeNull();
    expect(sent(requests, 'ServiceChoices')).toHaveLength(0);
  });
});
