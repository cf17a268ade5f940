// How an escalation policy reads as a sentence-like list:
// "Immediately: notify whoever is on call in Platform primary.
//  After 5 min: notify Bob Builder. Repeat twice, 10 min after the last step."

import type { EscalationTargetKind } from '../../gql/graphql';

export interface TargetLike {
  kind: EscalationTargetKind;
  id: string;
  /** Empty when the user, schedule, team or webhook no longer exists (or, for a webhook, is not the viewer's to see). */
  name: string;
}

export interface StepLike {
  delayMinutes: number;
  keepPaging: boolean;
  targets: TargetLike[];
}

const missing: Record<EscalationTargetKind, string> = {
  USER: 'a deleted user',
  SCHEDULE: 'a deleted schedule',
  TEAM: 'a deleted team',
  ROUND_ROBIN: 'a deleted team',
  // Contact methods are their owner's (and admins'): others see no name.
  WEBHOOK: 'a webhook (deleted, or not yours to see)',
};

/** "45 min", "1 h", "1 h 12 min". */
export function durationWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** One target in words: "whoever is on call in Primary", "everyone in team Payments". */
export function targetWords(t: TargetLike): string {
  if (!t.name) return missing[t.kind];
  switch (t.kind) {
    case 'USER':
      return t.name;
    case 'SCHEDULE':
      return `whoever is on call in ${t.name}`;
    case 'TEAM':
      return `everyone in team ${t.name}`;
    case 'ROUND_ROBIN':
      return `one member of team ${t.name}, in turn`;
    case 'WEBHOOK':
      return `the webhook ${t.name}`;
  }
}

/** "A", "A and B", "A, B and C". */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * When each step fires, in minutes after the alert opened: step 0 at once,
 * step i+1 the delay of step i after step i.
 */
export function firesAfter(steps: Pick<StepLike, 'delayMinutes'>[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const s of steps) {
    out.push(at);
    at += s.delayMinutes;
  }
  return out;
}

/** "Immediately" or "After 15 min": when a step fires, counted from the alert opening. */
export function whenWords(minutesAfterOpen: number): string {
  return minutesAfterOpen <= 0 ? 'Immediately' : `After ${durationWords(minutesAfterOpen)}`;
}

/** What one step does: "notify Bob Builder and whoever is on call in Primary (keeps paging after acknowledge)". */
export function stepWords(s: StepLike): string {
  const whom = s.targets.length ? `notify ${listWords(s.targets.map(targetWords))}` : 'notify nobody';
  return s.keepPaging ? `${whom} (keeps paging after acknowledge, until closed)` : whom;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** The policy's last line: "Runs once." or "Repeat twice, 10 min after the last step." */
export function repeatWords(repeat: number, steps: Pick<StepLike, 'delayMinutes'>[]): string {
  if (repeat <= 0 || steps.length === 0) return 'Runs once: nobody more is paged after the last step.';
  const last = steps[steps.length - 1].delayMinutes;
  return `Repeat ${times(repeat)}, starting again ${durationWords(last)} after the last step.`;
}

/** Every line of the policy, step by step, then how it repeats. */
export function policyLines(steps: StepLike[]): { when: string; what: string }[] {
  const at = firesAfter(steps);
  return steps.map((s, i) => ({ when: whenWords(at[i]), what: stepWords(s) + '.' }));
}

/** The whole policy as one paragraph (for a list row or a screen reader summary). */
export function policySentence(steps: StepLike[], repeat: number): string {
  return [...policyLines(steps).map((l) => `${l.when}: ${l.what}`), repeatWords(repeat, steps)].join(' ');
}
