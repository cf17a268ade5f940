import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PolicyForm } from './PolicyForm';
import { PolicyPage } from './PolicyPage';
import { emptyDraft } from './draft';
import { connection, renderAt, viewerOf } from '../../test/server';

type Role = 'ADMIN' | 'RESPONDER' | 'STAKEHOLDER';
const target = (kind: string, id: string, name: string) => ({ __typename: 'EscalationTarget', kind, id, name });
const step = (id: string, position: number, delayMinutes: number, targets: unknown[]) => ({ __typename: 'EscalationStep', id, position, delayMinutes, keepPaging: false, targets });
const user = (id: string, name: string) => ({ __typename: 'User', id, name });

const policy = {
  __typename: 'EscalationPolicy',
  id: 'p1',
  name: 'Checkout on call',
  description: 'Pages payments first',
  repeat: 2,
  // Out of order on purpose: the page orders by position.
  steps: [
    step('s2', 1, 10, [target('USER', 'u2', 'Rui Responder'), target('WEBHOOK', 'cm2', 'Ops bot'), target('WEBHOOK', 'cm7', '')]),
    step('s1', 0, 5, [target('SCHEDULE', 'sc1', 'Platform primary')]),
  ],
  services: [{ __typename: 'Service', id: 'svc1', name: 'Checkout' }],
  preview: [
    { __typename: 'EscalationStepPreview', position: 0, users: [user('u1', 'Ada Admin')] },
    { __typename: 'EscalationStepPreview', position: 1, users: [user('u2', 'Rui Responder')] },
  ],
};

const renderPage = (role: Role, extra = {}) =>
  renderAt(<PolicyPage />, { Viewer: viewerOf(role), EscalationPolicy: () => ({ data: { node: policy } }), ...extra }, '/policies/p1', '/policies/:id');

describe('PolicyPage', () => {
  it('reads as a sentence-like list with whom each step would page now, and the services using it', async () => {
    renderPage('STAKEHOLDER');
    await screen.findByRole('heading', { level: 1, name: 'Checkout on call' });
    const steps = screen.getAllByTestId('policy-step').map((li) => li.textContent);
    expect(steps).toEqual([
      'Immediately: notify whoever is on call in Platform primary.Would page now: Ada Admin.',
      'After 5 min: notify Rui Responder, the webhook Ops bot and a webhook (deleted, or not yours to see).Would page now: Rui Responder.',
    ]);
    expect(screen.getByTestId('policy-repeat').textContent).toBe('Repeat twice, starting again 10 min after the last step.');
    expect(within(screen.getByRole('list', { name: 'Services using this policy' })).getByRole('link', { name: 'Checkout' })).toBeTruthy();
    // Read-only means no dead controls.
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByRole('link', { name: 'Edit policy' })).toBeNull();
  });

  it('shows the server’s refusal to delete a policy that services use', async () => {
    vi.stubGlobal('confirm', () => true);
    renderPage('ADMIN', {
      DeleteEscalationPolicy: () => ({
        errors: [{ message: 'id: 1 service(s) still use this escalation policy; give them another one first', extensions: { code: 'BAD_USER_INPUT', field: 'id' } as { code: string } }],
      }),
    });
    expect(await screen.findByRole('link', { name: 'Edit policy' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not deleted: 1 service(s) still use this escalation policy; give them another one first.');
    vi.unstubAllGlobals();
  });
});

const choices = () => ({
  data: {
    users: connection('User', [
      { id: 'u1', name: 'Ada Admin', disabled: false },
      { id: 'u2', name: 'Rui Responder', disabled: false },
      { id: 'u9', name: 'Gone Person', disabled: true },
    ]),
    schedules: connection('Schedule', [{ id: 'sc1', name: 'Platform primary' }]),
    teams: connection('Team', [{ id: 't1', name: 'Payments' }]),
    viewer: {
      __typename: 'User',
      id: 'u1',
      contactMethods: [
        { __typename: 'ContactMethod', id: 'cm1', kind: 'EMAIL', name: 'Work mail', disabled: false },
        { __typename: 'ContactMethod', id: 'cm2', kind: 'WEBHOOK', name: 'Ops bot', disabled: false },
        { __typename: 'ContactMethod', id: 'cm3', kind: 'WEBHOOK', name: 'Old bot', disabled: true },
      ],
    },
  },
});

describe('PolicyForm', () => {
  it('builds ordered steps from picked targets and sends the whole policy', async () => {
    const saved = vi.fn();
    const { requests } = renderAt(<PolicyForm initial={emptyDraft()} onSaved={saved} onCancel={() => {}} />, {
      EscalationTargetChoices: choices,
      CreateEscalationPolicy: () => ({ data: { createEscalationPolicy: { __typename: 'EscalationPolicy', id: 'p9', name: 'Checkout' } } }),
    });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Checkout' } });
    await screen.findByRole('option', { name: 'Rui Responder' });
    expect(screen.queryByRole('option', { name: 'Gone Person' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Notify'), { target: { value: 'USER:u2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add step' }));
    const second = screen.getByRole('listitem', { name: 'Step 2' });
    fireEvent.change(within(second).getByLabelText('Notify'), { target: { value: 'SCHEDULE:sc1' } });
    fireEvent.click(within(second).getByRole('button', { name: 'Add' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move step 2 up' }));
    fireEvent.change(within(screen.getByRole('listitem', { name: 'Step 1' })).getByLabelText('Minutes until the next step'), { target: { value: '3' } });
    expect(screen.getByTestId('policy-draft-sentence').textContent).toBe(
      'Immediately: notify whoever is on call in Platform primary. After 3 min: notify Rui Responder. Runs once: nobody more is paged after the last step.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create policy' }));
    await waitFor(() => expect(saved).toHaveBeenCalledWith('p9'));
    expect(requests.find((r) => r.operationName === 'CreateEscalationPolicy')?.variables.input).toEqual({
      name: 'Checkout',
      description: '',
      repeat: 0,
      steps: [
        { delayMinutes: 3, keepPaging: false, targets: [{ kind: 'SCHEDULE', id: 'sc1' }] },
        { delayMinutes: 5, keepPaging: false, targets: [{ kind: 'USER', id: 'u2' }] },
      ],
    });
  });

  it('offers the viewer’s own enabled webhooks and sends a picked one as a WEBHOOK target', async () => {
    const { requests } = renderAt(<PolicyForm initial={emptyDraft()} onSaved={() => {}} onCancel={() => {}} />, {
      EscalationTargetChoices: choices,
      CreateEscalationPolicy: () => ({ data: { createEscalationPolicy: { __typename: 'EscalationPolicy', id: 'p9', name: 'Bots' } } }),
    });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Bots' } });
    const hook = await screen.findByRole('option', { name: 'Webhook Ops bot' });
    expect(hook.closest('optgroup')?.getAttribute('label')).toBe('One of your webhooks');
    expect(screen.queryByRole('option', { name: 'Webhook Old bot' })).toBeNull();
    expect(screen.queryByRole('option', { name: /Work mail/ })).toBeNull();
    fireEvent.change(screen.getByLabelText('Notify'), { target: { value: 'USER:u2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    fireEvent.change(screen.getByLabelText('Notify'), { target: { value: 'WEBHOOK:cm2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('button', { name: 'Stop notifying the webhook Ops bot in step 1' })).toBeTruthy();
    expect(screen.getByTestId('policy-draft-sentence').textContent).toMatch(/^Immediately: notify Rui Responder and the webhook Ops bot\./);
    fireEvent.click(screen.getByRole('button', { name: 'Create policy' }));
    await waitFor(() => expect(requests.some((r) => r.operationName === 'CreateEscalationPolicy')).toBe(true));
    expect((requests.find((r) => r.operationName === 'CreateEscalationPolicy')?.variables.input as { steps: unknown[] }).steps).toEqual([
      { delayMinutes: 5, keepPaging: false, targets: [{ kind: 'USER', id: 'u2' }, { kind: 'WEBHOOK', id: 'cm2' }] },
    ]);
  });

  it('offers no webhook group to a viewer without webhooks', async () => {
    const none = () => {
      const c = choices();
      return { data: { ...c.data, viewer: { ...c.data.viewer, contactMethods: [] } } };
    };
    renderAt(<PolicyForm initial={emptyDraft()} onSaved={() => {}} onCancel={() => {}} />, { EscalationTargetChoices: none });
    await screen.findByRole('option', { name: 'Rui Responder' });
    expect(document.querySelector('optgroup[label="One of your webhooks"]')).toBeNull();
  });

  it('checks before asking the server, and shows the server’s refusal beside the field it names', async () => {
    const { requests } = renderAt(<PolicyForm initial={emptyDraft()} onSaved={() => {}} onCancel={() => {}} />, {
      EscalationTargetChoices: choices,
      CreateEscalationPolicy: () => ({
        errors: [{ message: 'steps[0].targets: no user with id 2', extensions: { code: 'BAD_USER_INPUT', field: 'steps[0].targets' } as { code: string } }],
      }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create policy' }));
    expect(await screen.findByText('Give the policy a name.')).toBeTruthy();
    expect(screen.getByText('Pick at least one person, schedule or team to notify.')).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'CreateEscalationPolicy')).toBe(false);

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Checkout' } });
    await screen.findByRole('option', { name: 'Rui Responder' });
    fireEvent.change(screen.getByLabelText('Notify'), { target: { value: 'USER:u2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create policy' }));
    const problem = await screen.findByText('No user with id 2.');
    expect(problem.id).toBe(screen.getByLabelText('Notify').getAttribute('aria-describedby'));
  });
});
