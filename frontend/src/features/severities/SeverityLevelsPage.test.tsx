import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { cadenceProblem, cadenceWords } from './cadence';
import { SeverityLevelsPage } from './SeverityLevelsPage';
import { navSections } from '../shell/AppShell';
import { renderAt, viewerOf } from '../../test/server';

type Role = 'ADMIN' | 'RESPONDER' | 'STAKEHOLDER';

const level = (n: number, description: string, updateCadenceMinutes: number) => ({
  __typename: 'SeverityLevel',
  id: `sev${n}`,
  level: `SEV${n}`,
  description,
  updateCadenceMinutes,
});

const levels = [level(3, 'Minor: some customers, a workaround exists.', 120), level(1, 'Critical: customers cannot use the product.', 30), level(4, '', 0)];

const render = (role: Role, extra = {}) =>
  renderAt(<SeverityLevelsPage />, { Viewer: viewerOf(role), SeverityLevels: () => ({ data: { severityLevels: levels } }), ...extra }, '/severities');

describe('SeverityLevelsPage', () => {
  it('lists the levels in order with what they mean and their cadence', async () => {
    render('ADMIN');
    await screen.findByRole('heading', { name: 'SEV1' });
    const cards = screen.getAllByTestId('severity-level');
    expect(cards.map((c) => within(c).getByRole('heading').textContent)).toEqual(['SEV1', 'SEV3', 'SEV4']);
    expect(within(cards[0]).getByText('Stakeholder updates every 30 min')).toBeTruthy();
    expect(within(cards[1]).getByText('Stakeholder updates every 2 h')).toBeTruthy();
    expect(within(cards[2]).getByText('Stakeholder updates no cadence')).toBeTruthy();
    expect(within(cards[2]).getByText('No description.')).toBeTruthy();
  });

  it.each<[Role, boolean]>([
    ['ADMIN', true],
    ['RESPONDER', false],
    ['STAKEHOLDER', false],
  ])('%s is offered Edit: %s', async (role, shown) => {
    render(role);
    await screen.findByRole('heading', { name: 'SEV1' });
    expect(Boolean(screen.queryByRole('button', { name: 'Edit SEV1' }))).toBe(shown);
  });

  it('saves a description and a cadence, refusing a bad cadence before asking the server', async () => {
    const { requests } = render('ADMIN', {
      UpdateSeverityLevel: () => ({ data: { updateSeverityLevel: level(1, 'Critical: checkout or login down.', 15) } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit SEV1' }));
    fireEvent.change(screen.getByLabelText('What it means'), { target: { value: 'Critical: checkout or login down.' } });
    const cadence = screen.getByLabelText('Stakeholder update every (minutes; 0 for none)');
    fireEvent.change(cadence, { target: { value: 'soon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save SEV1' }));
    expect(await screen.findByText('Type a whole number of minutes; 0 means no cadence.')).toBeTruthy();
    expect(requests.some((r) => r.operationName === 'UpdateSeverityLevel')).toBe(false);
    fireEvent.change(cadence, { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save SEV1' }));
    await waitFor(() =>
      expect(requests.find((r) => r.operationName === 'UpdateSeverityLevel')?.variables).toEqual({
        level: 'SEV1',
        description: 'Critical: checkout or login down.',
        updateCadenceMinutes: 15,
      }),
    );
  });

  it('shows the server error naming the field', async () => {
    render('ADMIN', {
      UpdateSeverityLevel: () => ({ errors: [{ message: 'description: at most 1000 characters', extensions: { code: 'BAD_USER_INPUT', field: 'description' } as never }] }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit SEV3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save SEV3' }));
    expect(await screen.findByText(/at most 1000 characters/)).toBeTruthy();
  });
});

describe('cadence rules', () => {
  it.each([
    [30, 'every 30 min'],
    [60, 'every 1 h'],
    [90, 'every 1 h 30 min'],
    [0, 'no cadence'],
  ])('%d minutes is %s', (m, words) => expect(cadenceWords(m)).toBe(words));

  it.each([
    ['0', false],
    ['45', false],
    ['10080', false],
    ['10081', true],
    ['-5', true],
    ['1.5', true],
    ['', true],
  ])('%j is refused: %s', (typed, refused) => expect(Boolean(cadenceProblem(typed))).toBe(refused));

  it.each<[Role, boolean]>([
    ['ADMIN', true],
    ['RESPONDER', false],
  ])('%s sees the Severities entry: %s', (role, shown) => expect(navSections(role).some((s) => s.to === '/severities')).toBe(shown));
});
