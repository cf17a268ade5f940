import { describe, expect, it } from 'vitest';
import { bulkOutcome } from './bulkOutcome';
import { coverage, keepVisible, toggle, toggleAll } from './selection';

const set = (...ids: string[]) => new Set(ids);

describe('bulk selection', () => {
  it('ticks and unticks one alert', () => {
    expect([...toggle(set(), 'a')]).toEqual(['a']);
    expect([...toggle(set('a', 'b'), 'a')]).toEqual(['b']);
  });

  it('ticks every visible alert, and clears them when all were ticked', () => {
    expect([...toggleAll(set('a'), ['a', 'b', 'c'])]).toEqual(['a', 'b', 'c']);
    expect(toggleAll(set('a', 'b', 'c'), ['a', 'b', 'c']).size).toBe(0);
    expect(toggleAll(set(), []).size).toBe(0);
  });

  it('forgets alerts that left the screen, keeping the same set when nothing changed', () => {
    const s = set('a', 'b');
    expect([...keepVisible(s, ['b', 'c'])]).toEqual(['b']);
    expect(keepVisible(s, ['a', 'b', 'c'])).toBe(s);
  });

  it('says whether all, some or none are ticked', () => {
    expect(coverage(set(), ['a'])).toBe('none');
    expect(coverage(set('a'), ['a', 'b'])).toBe('some');
    expect(coverage(set('a', 'b'), ['a', 'b'])).toBe('all');
  });
});

describe('bulk outcome wording', () => {
  it('counts what changed and what was already done', () => {
    expect(
      bulkOutcome('acknowledge', [
        { id: '1', before: 'OPEN', after: 'ACKED', message: 'Disk full' },
        { id: '2', before: 'OPEN', after: 'ACKED', message: 'CPU hot' },
        { id: '3', before: 'ACKED', after: 'ACKED', message: 'Lag' },
      ]),
    ).toBe('Acknowledged 2 alerts. 1 alert was already acknowledged or closed.');
    expect(bulkOutcome('close', [{ id: '1', before: 'ACKED', after: 'CLOSED', message: 'Disk full' }])).toBe('Closed “Disk full”.');
    expect(bulkOutcome('close', [{ id: '1', before: 'CLOSED', after: 'CLOSED', message: 'x' }])).toBe('Nothing to close: it was already closed.');
  });
});
