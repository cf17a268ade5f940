import { describe, expect, it } from 'vitest';
import { countdown, nextChange, nextWords, pageWords, positionWords, stateWords, unreachableWords, type ProgressLike } from './escalation';

const now = new Date('2026-11-24T03:00:00Z');
const at = (s: number) => new Date(now.getTime() + s * 1000).toISOString();
const base: ProgressLike = { state: 'PAGING', round: 1, rounds: 1, step: 2, steps: 3 };

describe('escalation words', () => {
  it('counts down by the second in the last ten minutes', () => {
    const cases: [number, string][] = [
      [-5, 'now'],
      [0, 'now'],
      [0.2, 'in 1 s'],
      [45, 'in 45 s'],
      [60, 'in 1 min'],
      [90, 'in 1 min 30 s'],
      [599, 'in 9 min 59 s'],
      [600, 'in 10 min'],
      [4320, 'in 1 h 12 min'],
    ];
    for (const [s, want] of cases) expect(countdown(at(s), now), `${s} s`).toBe(want);
  });

  it('says where the policy is, with rounds only when it repeats', () => {
    expect(positionWords(base)).toBe('Step 2 of 3');
    expect(positionWords({ ...base, round: 2, rounds: 3 })).toBe('Step 2 of 3 · round 2 of 3');
    expect(positionWords({ ...base, step: 0 })).toBe('Starting step 1 of 3');
  });

  it('says why paging stopped', () => {
    expect(stateWords(base)).toBeUndefined();
    expect(stateWords({ ...base, state: 'ACKNOWLEDGED', stoppedBy: 'Ada Admin' })).toBe('Paging stopped: acknowledged by Ada Admin');
    expect(stateWords({ ...base, state: 'ACKNOWLEDGED' })).toBe('Paging stopped: acknowledged');
    expect(stateWords({ ...base, state: 'KEEP_PAGING', stoppedBy: 'Ada Admin' })).toBe('Acknowledged by Ada Admin; this step keeps paging until the alert is closed');
    expect(stateWords({ ...base, state: 'EXHAUSTED' })).toBe('Policy exhausted: every step has fired; nobody more is paged');
  });

  it('names people by channel and webhooks by name', () => {
    expect(pageWords({ at: at(0), user: { name: 'Bob Builder' }, channel: 'sms', contactMethodName: 'Mobile' })).toBe('Bob Builder by SMS');
    expect(pageWords({ at: at(0), user: null, channel: 'webhook', contactMethodName: 'Ops bot' })).toBe('the webhook Ops bot');
    expect(nextWords({ step: 2, round: 1, dueAt: at(60), unreachable: ['Cy'], pages: [] }, 1)).toBe('Next: step 2 reaches nobody');
    expect(nextWords({ step: 1, round: 2, dueAt: at(60), unreachable: [], pages: [] }, 1)).toBe('Next: step 1 (round 2) reaches nobody');
    expect(unreachableWords(['Cy', 'Dee'])).toBe('Cy and Dee have no notification rule and will not be paged');
  });

  it('knows the next moment the progress changes by itself', () => {
    expect(nextChange({ next: null, planned: [] })).toBeUndefined();
    expect(nextChange({ next: { dueAt: at(120) }, planned: [{ at: at(30) }] })).toBe(now.getTime() + 30_000);
  });
});
