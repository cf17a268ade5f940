import { describe, expect, it } from 'vitest';
import { formatAbsolute, formatDuration, formatRelative, timeZones } from './format';

const now = new Date('2025-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;

describe('formatRelative', () => {
  it.each([
    [10_000, 'just now'],
    [44_000, 'just now'],
    [50_000, '1 min ago'],
    [4 * MIN, '4 min ago'],
    [59 * MIN, '59 min ago'],
    [60 * MIN, '1 h ago'],
    [150 * MIN, '2 h ago'],
    [24 * 60 * MIN, '1 d ago'],
    [3 * 24 * 60 * MIN, '3 d ago'],
    [90 * 24 * 60 * MIN, '3 mo ago'],
    [400 * 24 * 60 * MIN, '1 y ago'],
    [-5 * MIN, 'in 5 min'],
  ])('%i ms before now reads "%s"', (ms, want) => {
    expect(formatRelative(ago(ms), now)).toBe(want);
  });
});

describe('formatDuration', () => {
  it.each([
    [30_000, '30 s'],
    [5 * MIN, '5 min'],
    [72 * MIN, '1 h 12 min'],
    [120 * MIN, '2 h'],
    [(24 * 60 + 4 * 60) * MIN, '1 d 4 h'],
  ])('%i ms is "%s"', (ms, want) => {
    expect(formatDuration(ms)).toBe(want);
  });
});

describe('formatAbsolute', () => {
  it('shows the time in the viewer’s zone with the zone named', () => {
    const text = formatAbsolute(now, 'Asia/Tokyo', 'en-GB');
    expect(text).toContain('21:00');
    expect(text).toMatch(/GMT\+9|JST/);
  });

  it('falls back to the browser’s zone for an unknown zone instead of throwing', () => {
    expect(() => formatAbsolute(now, 'Not/AZone', 'en-GB')).not.toThrow();
  });
});

describe('timeZones', () => {
  it('lists UTC first and keeps a zone the browser does not know', () => {
    const zones = timeZones('Mars/Olympus');
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Berlin');
    expect(zones).toContain('Mars/Olympus');
  });
});
