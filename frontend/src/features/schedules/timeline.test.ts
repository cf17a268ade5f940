import { describe, expect, it } from 'vitest';
import { civil, colourSlot, coverBars, fromLocalInput, layoutBars, shiftView, ticks, toLocalInput, viewSpan, zoned } from './timeline';

const iso = (d: Date) => d.toISOString();

describe('zoned wall-clock times', () => {
  it('reads a plain time in its zone', () => {
    expect(iso(zoned(2026, 3, 20, 9, 0, 'Europe/Berlin'))).toBe('2026-03-20T08:00:00.000Z');
    expect(iso(zoned(2026, 3, 20, 9, 0, 'Asia/Kolkata'))).toBe('2026-03-20T03:30:00.000Z');
  });
  it('moves a time in the spring-forward gap to the gap’s end', () => {
    // New York skips 02:00–03:00 on 8 March 2026.
    expect(iso(zoned(2026, 3, 8, 2, 30, 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
  });
  it('takes the first occurrence of an ambiguous time', () => {
    // New York repeats 01:00–02:00 on 1 November 2026; 01:30 EDT is 05:30Z.
    expect(iso(zoned(2026, 11, 1, 1, 30, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });
  it('normalizes day overflow like Date.UTC', () => {
    expect(iso(zoned(2026, 1, 32, 0, 0, 'UTC'))).toBe('2026-02-01T00:00:00.000Z');
  });
});

describe('view spans', () => {
  it('a day on the spring-forward day lasts 23 hours', () => {
    const s = viewSpan('day', new Date('2026-03-29T10:00:00Z'), 'Europe/Berlin');
    expect(iso(s.start)).toBe('2026-03-28T23:00:00.000Z');
    expect((s.end.getTime() - s.start.getTime()) / 3600_000).toBe(23);
  });
  it('a week runs Monday to Monday in the zone', () => {
    const s = viewSpan('week', new Date('2026-03-20T12:00:00Z'), 'Australia/Sydney');
    expect(civil(s.start, 'Australia/Sydney')).toMatchObject({ weekday: 1, hour: 0, day: 16 });
    expect((s.end.getTime() - s.start.getTime()) / 3600_000).toBe(7 * 24);
  });
  it('a month runs from the 1st to the 1st', () => {
    const s = viewSpan('month', new Date('2026-02-15T12:00:00Z'), 'UTC');
    expect([iso(s.start), iso(s.end)]).toEqual(['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
  });
  it('steps by whole views', () => {
    const next = shiftView('month', new Date('2026-01-31T12:00:00Z'), 'UTC', 1);
    expect(civil(next, 'UTC')).toMatchObject({ month: 2, day: 1 });
    expect(civil(shiftView('week', new Date('2026-03-20T12:00:00Z'), 'UTC', -1), 'UTC').day).toBe(13);
  });
});

describe('ticks', () => {
  it('a DST day has its 3-hourly ticks at the wall-clock hours, unevenly spaced', () => {
    const span = viewSpan('day', new Date('2026-03-29T10:00:00Z'), 'Europe/Berlin');
    const t = ticks('day', span, 'Europe/Berlin');
    expect(t.map((x) => x.label)).toEqual(['00:00', '03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00']);
    // 03:00 CEST is 2 real hours after midnight CET: 2/23 of the day.
    expect(t[1].left).toBeCloseTo((2 / 23) * 100, 5);
    expect(t[0].major).toBe(true);
  });
  it('a week has one labelled tick per day', () => {
    const span = viewSpan('week', new Date('2026-03-20T12:00:00Z'), 'UTC');
    const t = ticks('week', span, 'UTC');
    expect(t).toHaveLength(7);
    expect(t[0].label).toBe('Mon 16');
    expect(t.every((x) => x.major)).toBe(true);
  });
});

describe('bars', () => {
  const day = { start: new Date('2026-03-20T00:00:00Z'), end: new Date('2026-03-21T00:00:00Z') };
  it('clips shifts to the view and places them in percent', () => {
    const { bars, lanes } = layoutBars(
      [
        { start: '2026-03-19T09:00:00Z', end: '2026-03-20T06:00:00Z', who: 'a' },
        { start: '2026-03-20T06:00:00Z', end: '2026-03-22T00:00:00Z', who: 'b' },
        { start: '2026-03-22T00:00:00Z', end: '2026-03-23T00:00:00Z', who: 'out of view' },
      ],
      day,
    );
    expect(lanes).toBe(1);
    expect(bars.map((b) => [b.item.who, b.left, b.width, b.clippedStart, b.clippedEnd])).toEqual([
      ['a', 0, 25, true, false],
      ['b', 25, 75, false, true],
    ]);
  });
  it('stacks overlapping items in lanes, reusing a lane once it is free', () => {
    const { bars, lanes } = layoutBars(
      [
        { start: '2026-03-20T01:00:00Z', end: '2026-03-20T05:00:00Z', n: 1 },
        { start: '2026-03-20T02:00:00Z', end: '2026-03-20T03:00:00Z', n: 2 },
        { start: '2026-03-20T05:00:00Z', end: '2026-03-20T07:00:00Z', n: 3 },
      ],
      day,
    );
    expect(lanes).toBe(2);
    expect(bars.map((b) => [b.item.n, b.lane])).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
    ]);
  });
});

describe('form values', () => {
  it('round-trips datetime-local values in the chosen zone', () => {
    const d = new Date('2026-10-25T00:30:00Z');
    expect(toLocalInput(d, 'Europe/Berlin')).toBe('2026-10-25T02:30');
    expect(iso(fromLocalInput('2026-10-25T02:30', 'Europe/Berlin')!)).toBe(iso(d));
    expect(fromLocalInput('not a time', 'UTC')).toBeUndefined();
  });
  it('gives a person the same colour everywhere', () => {
    expect(colourSlot('34359738368')).toBe(colourSlot('34359738368'));
    expect(colourSlot('x')).toBeGreaterThanOrEqual(0);
  });
});

describe('coverBars', () => {
  const ada = { id: 'u1', name: 'Ada' };
  it('draws open cover requests only, with who asks', () => {
    const bars = coverBars([
      { startsAt: '2026-11-24T09:00:00Z', endsAt: '2026-11-24T17:00:00Z', status: 'OPEN', requester: ada },
      { startsAt: '2026-11-25T09:00:00Z', endsAt: '2026-11-25T17:00:00Z', status: 'ACCEPTED', requester: ada },
    ]);
    expect(bars).toEqual([{ start: '2026-11-24T09:00:00Z', end: '2026-11-24T17:00:00Z', users: [ada], note: 'needs cover' }]);
  });
  it('gives no row when nothing is open', () => {
    expect(coverBars([{ startsAt: 'a', endsAt: 'b', status: 'CANCELLED', requester: ada }])).toBeUndefined();
  });
});
