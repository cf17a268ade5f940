import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LayerForm } from './LayerForm';
import { renderAt } from '../../test/server';

const members = [
  { id: 'u1', name: 'Ada Admin' },
  { id: 'u2', name: 'Rui Responder' },
];

describe('LayerForm', () => {
  it('sends participants in the order ticked, the start in the schedule’s zone, and weekday windows', async () => {
    const done = vi.fn();
    const { requests } = renderAt(<LayerForm scheduleID="s1" timeZone="America/New_York" members={members} onDone={done} />, {
      CreateScheduleLayer: () => ({ data: { createScheduleLayer: { __typename: 'ScheduleLayer', id: 'l1' } } }),
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Rui Responder' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ada Admin' }));
    fireEvent.change(screen.getByLabelText(/First turn in effect from/), { target: { value: '2026-03-08T02:30' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Only at certain times/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Fri' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '22:00' } });
    fireEvent.change(screen.getByLabelText('To (next day if earlier)'), { target: { value: '06:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rotation' }));
    await waitFor(() => expect(done).toHaveBeenCalledWith(true));
    const input = requests.find((r) => r.operationName === 'CreateScheduleLayer')?.variables.input as Record<string, unknown>;
    expect(input.participantIDs).toEqual(['u2', 'u1']);
    // 02:30 does not exist in New York on 8 March 2026: it starts when the gap ends, 03:00 EDT.
    expect(input.startAt).toBe('2026-03-08T07:00:00.000Z');
    expect(input.restrictions).toEqual(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY'].map((day) => ({ day, start: '22:00', end: '06:00' })));
  });

  it('refuses a rotation without people before asking the server', async () => {
    const { requests } = renderAt(<LayerForm scheduleID="s1" timeZone="UTC" members={members} onDone={() => {}} />, {});
    fireEvent.click(screen.getByRole('button', { name: 'Add rotation' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/at least one person/);
    expect(requests).toHaveLength(0);
  });
});
