import { describe, expect, it } from 'vitest';
import { byUrgency, everyText, heartbeatState } from './heartbeatState';
import { groupWindows, phaseOf, windowProblem } from '../services/maintenance';

describe('heartbeat state', () => {
  it('is told as a tone and a word', () => {
    expect(heartbeatState({ enabled: true, expired: true, lastPingAt: 'x' })).toEqual({ tone: 'bad', label: 'Expired' });
    expect(heartbeatState({ enabled: true, expired: false, lastPingAt: 'x' })).toEqual({ tone: 'ok', label: 'OK' });
    expect(heartbeatState({ enabled: true, expired: false, lastPingAt: null }).label).toBe('Waiting for first ping');
    expect(heartbeatState({ enabled: false, expired: true }).label).toBe('Off');
  });

  it('puts expired ones first', () => {
    const list = [
      { name: 'b', enabled: true, expired: false },
      { name: 'z', enabled: true, expired: true },
      { name: 'a', enabled: false, expired: true },
    ];
    expect(byUrgency(list).map((h) => h.name)).toEqual(['z', 'b', 'a']);
    expect(everyText(3600)).toBe('every 1 h');
  });
});

describe('maintenance windows', () => {
  const now = new Date('2025-03-10T12:00:00Z');
  const w = (s: string, e: string) => ({ startsAt: `2025-03-10T${s}:00Z`, endsAt: `2025-03-10T${e}:00Z` });

  it('are active, upcoming or past', () => {
    expect(phaseOf(w('11:00', '13:00'), now)).toBe('active');
    expect(phaseOf(w('13:00', '14:00'), now)).toBe('upcoming');
    expect(phaseOf(w('10:00', '12:00'), now)).toBe('past');
    const g = groupWindows([w('15:00', '16:00'), w('13:00', '14:00'), w('08:00', '09:00'), w('10:00', '11:00')], now);
    expect(g.upcoming.map((x) => x.startsAt.slice(11, 16))).toEqual(['13:00', '15:00']);
    expect(g.past.map((x) => x.startsAt.slice(11, 16))).toEqual(['10:00', '08:00']);
  });

  it('explain a bad start or end in words', () => {
    expect(windowProblem(new Date('2025-03-10T13:00Z'), new Date('2025-03-10T12:30Z'), now)).toBe('The end must be after the start.');
    expect(windowProblem(new Date('2025-03-10T10:00Z'), new Date('2025-03-10T11:00Z'), now)).toMatch(/already be over/);
    expect(windowProblem(new Date('x'), new Date('2025-03-10T11:00Z'), now)).toMatch(/both/);
    expect(windowProblem(new Date('2025-03-10T12:00Z'), new Date('2025-03-10T13:00Z'), now)).toBeUndefined();
  });
});
