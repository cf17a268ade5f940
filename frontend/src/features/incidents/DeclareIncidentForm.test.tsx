import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { Provider } from 'urql';
import { DeclareIncidentForm, type SourceAlert } from './DeclareIncidentForm';
import { IncidentsPage } from './IncidentsPage';
import { connection, fakeServer, viewerOf, type Handlers } from '../../test/server';

const levels = () => ({
  data: {
    severityLevels: [
      { __typename: 'SeverityLevel', id: 'l1', level: 'SEV1', description: 'Critical: a core service is down.', updateCadenceMinutes: 30 },
      { __typename: 'SeverityLevel', id: 'l2', level: 'SEV2', description: 'Major: degraded for some customers.', updateCadenceMinutes: 60 },
      { __typename: 'SeverityLevel', id: 'l3', level: 'SEV3', description: 'Minor: a workaround exists.', updateCadenceMinutes: 120 },
      { __typename: 'SeverityLevel', id: 'l4', level: 'SEV4', description: 'Low: cosmetic.', updateCadenceMinutes: 0 },
    ],
  },
});

const team = { __typename: 'Team', id: 't1', name: 'Platform' };
const allServices = [
  { id: 's1', name: 'Checkout', team },
  { id: 's2', name: 'API Gateway', team },
  { id: 's3', name: 'PostgreSQL primary', team },
];

/** Answers a service search the way the server does: names containing the text, any case, minus those excluded. */
const serviceSearch = (v: Record<string, unknown>) => {
  const q = String(v.search ?? '').toLowerCase();
  const exclude = (v.exclude as string[] | null) ?? [];
  return { data: { services: connection('Service', allServices.filter((s) => s.name.toLowerCase().includes(q) && !exclude.includes(s.id))) } };
};

function IncidentShown() {
  const { id } = useParams();
  return <p>incident page {id}</p>;
}

/** Renders at `path` with the incident page as a route, so a declaration's navigation is seen. */
function renderWith(element: ReactNode, handlers: Handlers, path = '/incidents') {
  const server = fakeServer({ SeverityLevels: levels, ServiceChoices: serviceSearch, ...handlers });
  render(
    <Provider value={server.client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/incidents" element={element} />
          <Route path="/incidents/:id" element={<IncidentShown />} />
        </Routes>
      </MemoryRouter>
    </Provider>,
  );
  return server;
}

const declared = (id = 'i9') => () => ({ data: { declareIncident: { __typename: 'Incident', id, title: 'x' } } });

describe('Declare an incident from scratch (incidents page)', () => {
  const page = (role: 'ADMIN' | 'RESPONDER' | 'STAKEHOLDER', extra: Handlers = {}) =>
    renderWith(<IncidentsPage />, { Viewer: viewerOf(role), Incidents: () => ({ data: { incidents: connection('Incident', []) } }), ...extra });

  it('offers a stakeholder no Declare incident', async () => {
    page('STAKEHOLDER');
    await screen.findByText('No ongoing incidents.');
    expect(screen.queryByRole('button', { name: 'Declare incident' })).toBeNull();
  });

  it('declares with a title, a described severity, a summary and a searched service, then opens the incident', async () => {
    const server = page('RESPONDER', { DeclareIncident: declared('i9') });
    fireEvent.click(await screen.findByRole('button', { name: 'Declare incident' }));
    const form = await screen.findByRole('form', { name: 'Declare an incident' });
    const f = within(form);
    // Each level says what it means; SEV3 is the default, with its cadence under it.
    const severity = f.getByLabelText('Severity') as HTMLSelectElement;
    await f.findByRole('option', { name: 'SEV1 — Critical: a core service is down.' });
    expect(severity.value).toBe('SEV3');
    expect(f.getByText('Stakeholders are owed an update every 2 h.')).toBeTruthy();
    fireEvent.change(severity, { target: { value: 'SEV2' } });
    expect(f.getByText('Stakeholders are owed an update every 1 h.')).toBeTruthy();
    fireEvent.change(f.getByLabelText('Title'), { target: { value: '  Payments failing in EU  ' } });
    fireEvent.change(f.getByLabelText('Summary (optional)'), { target: { value: 'Card payments time out.' } });
    // The service list is searched on the server.
    await f.findByRole('checkbox', { name: 'API Gateway' });
    fireEvent.change(f.getByLabelText('Search services'), { target: { value: 'CHECK' } });
    await waitFor(() => expect(f.queryByRole('checkbox', { name: 'API Gateway' })).toBeNull());
    expect(server.requests.some((r) => r.operationName === 'ServiceChoices' && r.variables.search === 'CHECK')).toBe(true);
    fireEvent.click(f.getByRole('checkbox', { name: 'Checkout' }));
    fireEvent.click(f.getByRole('button', { name: 'Declare incident' }));
    expect(await screen.findByText('incident page i9')).toBeTruthy();
    expect(server.requests.find((r) => r.operationName === 'DeclareIncident')?.variables).toEqual({
      input: { title: 'Payments failing in EU', severity: 'SEV2', summary: 'Card payments time out.', serviceIDs: ['s1'], alertIDs: [] },
    });
  });

  it('shows a refusal at the field it names and stays on the form', async () => {
    const server = page('ADMIN', {
      DeclareIncident: () => ({ errors: [{ message: 'serviceIDs: names a service that does not exist', extensions: { code: 'BAD_USER_INPUT', field: 'serviceIDs' } }] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Declare incident' }));
    const form = await screen.findByRole('form', { name: 'Declare an incident' });
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'Something' } });
    fireEvent.click(await within(form).findByRole('checkbox', { name: 'Checkout' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Declare incident' }));
    const services = await within(form).findByRole('group', { name: /Affected services/ });
    await within(services).findByText('Names a service that does not exist.');
    expect(services.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByRole('alert').textContent).toContain('Names a service that does not exist.');
    expect(screen.queryByText(/incident page/)).toBeNull();
    expect(server.requests.filter((r) => r.operationName === 'DeclareIncident')).toHaveLength(1);
  });

  it('marks the title when the server names it', async () => {
    page('RESPONDER', {
      DeclareIncident: () => ({ errors: [{ message: 'title: is longer than 500 characters', extensions: { code: 'BAD_USER_INPUT', field: 'title' } }] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Declare incident' }));
    const form = await screen.findByRole('form', { name: 'Declare an incident' });
    const title = within(form).getByLabelText('Title');
    fireEvent.change(title, { target: { value: 'x'.repeat(501) } });
    fireEvent.click(within(form).getByRole('button', { name: 'Declare incident' }));
    await within(form).findByText('Is longer than 500 characters.');
    expect(title.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a refusal that names no field of the form as a notice', async () => {
    page('RESPONDER', { DeclareIncident: () => ({ errors: [{ message: 'your role does not allow this', extensions: { code: 'FORBIDDEN' } }] }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Declare incident' }));
    const form = await screen.findByRole('form', { name: 'Declare an incident' });
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'Something' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Declare incident' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/permission/);
  });
});

describe('Declare an incident from alerts', () => {
  const alerts: SourceAlert[] = [
    { id: 'a7', message: 'Checkout 5xx above 5%', priority: 'P3', service: { id: 's1', name: 'Checkout' } },
    { id: 'a3', message: 'Gateway latency high', priority: 'P2', service: { id: 's2', name: 'API Gateway' } },
    { id: 'a2', message: 'Checkout queue stuck', priority: 'P4', service: { id: 's1', name: 'Checkout' } },
  ];

  it('starts from the first alert’s message and the most urgent priority, links every alert, and adds only other services', async () => {
    const server = renderWith(<DeclareIncidentForm alerts={alerts} onCancel={() => {}} />, { DeclareIncident: declared('i4') });
    const form = await screen.findByRole('form', { name: 'Declare an incident' });
    const f = within(form);
    expect((f.getByLabelText('Title') as HTMLInputElement).value).toBe('Checkout 5xx above 5%');
    expect((f.getByLabelText('Severity') as HTMLSelectElement).value).toBe('SEV2');
    expect(f.getByText('You become its commander; these 3 alerts and their services are linked.')).toBeTruthy();
    expect(within(f.getByRole('list', { name: 'Alerts (3)' })).getAllByRole('listitem')).toHaveLength(3);
    // The alerts' services are affected in any case: chips without a remove button, not offered again.
    const chosen = f.getByRole('list', { name: /Chosen/ });
    expect(within(chosen).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Checkout', 'API Gateway']);
    expect(within(chosen).queryByRole('button')).toBeNull();
    const other = await f.findByRole('checkbox', { name: 'PostgreSQL primary' });
    expect(f.queryByRole('checkbox', { name: 'Checkout' })).toBeNull();
    fireEvent.click(other);
    // A chosen service stays as a chip when the search hides it, and can be removed.
    fireEvent.change(f.getByLabelText('Search services'), { target: { value: 'nothing like it' } });
    await f.findByText('No other service matches “nothing like it”.');
    expect(f.getByRole('button', { name: 'Remove PostgreSQL primary' })).toBeTruthy();
    fireEvent.click(f.getByRole('button', { name: 'Declare incident' }));
    expect(await screen.findByText('incident page i4')).toBeTruthy();
    expect(server.requests.find((r) => r.operationName === 'DeclareIncident')?.variables.input).toEqual({
      title: 'Checkout 5xx above 5%',
      severity: 'SEV2',
      summary: null,
      serviceIDs: ['s3'],
      alertIDs: ['a7', 'a3', 'a2'],
    });
  });

  it('says which alert already belongs to an incident', async () => {
    renderWith(<DeclareIncidentForm alerts={alerts} onCancel={() => {}} />, {
      DeclareIncident: () => ({ errors: [{ message: 'alertIDs: alert 3 already belongs to incident 1', extensions: { code: 'BAD_USER_INPUT', field: 'alertIDs' } }] }),
    });
    const form = await screen.findByRole('form', { name: 'Declare an incident' });
    fireEvent.click(within(form).getByRole('button', { name: 'Declare incident' }));
    expect(await within(form).findByText('Alerts: Alert 3 already belongs to incident 1.')).toBeTruthy();
  });
});
