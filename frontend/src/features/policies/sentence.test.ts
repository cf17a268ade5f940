import { describe, expect, it } from 'vitest';
import { durationWords, firesAfter, listWords, policySentence, repeatWords, stepWords, targetWords } from './sentence';

const primary = { kind: 'SCHEDULE' as const, id: '1', name: 'Platform primary' };
const bob = { kind: 'USER' as const, id: '2', name: 'Bob Builder' };

describe('policy sentence', () => {
  it('reads like the UX brief: immediately the schedule, after 5 min a person, repeat twice', () => {
    const steps = [
      { delayMinutes: 5, keepPaging: false, targets: [primary] },
      { delayMinutes: 10, keepPaging: false, targets: [bob] },
    ];
    expect(policySentence(steps, 2)).toBe(
      'Immediately: notify whoever is on call in Platform primary. After 5 min: notify Bob Builder. Repeat twice, starting again 10 min after the last step.',
    );
  });

  it('counts each step from the alert opening, not from the step before', () => {
    expect(firesAfter([{ delayMinutes: 5 }, { delayMinutes: 10 }, { delayMinutes: 60 }])).toEqual([0, 5, 15]);
  });

  it('names every kind of target, and a deleted one as such', () => {
    expect(targetWords({ kind: 'TEAM', id: '3', name: 'Payments' })).toBe('everyone in team Payments');
    expect(targetWords({ kind: 'ROUND_ROBIN', id: '3', name: 'Payments' })).toBe('one member of team Payments, in turn');
    expect(targetWords({ kind: 'WEBHOOK', id: '4', name: 'Chat' })).toBe('the webhook Chat');
    expect(targetWords({ kind: 'USER', id: '9', name: '' })).toBe('a deleted user');
    expect(targetWords({ kind: 'WEBHOOK', id: '9', name: '' })).toBe('a webhook (deleted, or not yours to see)');
  });

  it('joins several targets and says when a step keeps paging', () => {
    expect(listWords(['A', 'B', 'C'])).toBe('A, B and C');
    expect(stepWords({ delayMinutes: 5, keepPaging: true, targets: [bob, primary] })).toBe(
      'notify Bob Builder and whoever is on call in Platform primary (keeps paging after acknowledge, until closed)',
    );
  });

  it('says a policy without repeats runs once, and durations as hours and minutes', () => {
    expect(repeatWords(0, [{ delayMinutes: 5 }])).toBe('Runs once: nobody more is paged after the last step.');
    expect(repeatWords(3, [{ delayMinutes: 90 }])).toBe('Repeat 3 times, starting again 1 h 30 min after the last step.');
    expect(durationWords(120)).toBe('2 h');
    expect(durationWords(72)).toBe('1 h 12 min');
  });
});
