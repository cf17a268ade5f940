// How an alert's escalation progress reads on its page:
// "Step 2 of 3 · round 1 of 2", "Next: Bob Builder by SMS in 2 min",
// "Paging stopped: acknowledged by Ada Admin".

import type { EscalationState } from '../../gql/graphql';
import { formatDuration } from '../../time/format';
import { listWords } from '../policies/sentence';

export interface PageLike {
  at: string;
  user?: { name: string } | null;
  channel: string;
  contactMethodName: string;
}

export interface ProgressLike {
  state: EscalationState;
  round: number;
  rounds: number;
  step: number;
  steps: number;
  stoppedBy?: string | null;
  next?: { step: number; round: number; dueAt: string; pages: PageLike[]; unreachable: string[] } | null;
}

const channels: Record<string, string> = { push: 'push', sms: 'SMS', voice: 'voice call', email: 'email', webhook: 'webhook' };

/** "Bob Builder by SMS", or "the webhook Ops bot". */
export function pageWords(p: PageLike): string {
  if (!p.user) return `the webhook ${p.contactMethodName}`;
  return `${p.user.name} by ${channels[p.channel] ?? p.channel}`;
}

/**
 * A countdown to an RFC 3339 time: "in 1 min 30 s" in the last 10 minutes
 * (it ticks every second), "in 25 min" or "in 1 h 12 min" before, "now" once due.
 */
export function countdown(at: string, now: Date): string {
  const s = Math.ceil((Date.parse(at) - now.getTime()) / 1000);
  if (s <= 0) return 'now';
  if (s < 60) return `in ${s} s`;
  if (s < 600) return s % 60 ? `in ${Math.floor(s / 60)} min ${s % 60} s` : `in ${s / 60} min`;
  return `in ${formatDuration(s * 1000)}`;
}

/** Where the policy is: "Step 2 of 3 · round 1 of 2"; before the first step fires, "Starting step 1 of 3". */
export function positionWords(p: ProgressLike): string {
  const round = p.rounds > 1 ? ` · round ${p.round} of ${p.rounds}` : '';
  if (p.step === 0) return `Starting step 1 of ${p.steps}${round}`;
  return `Step ${p.step} of ${p.steps}${round}`;
}

/** Why paging stopped or waits, in words; undefined while it simply goes on. */
export function stateWords(p: ProgressLike): string | undefined {
  const by = p.stoppedBy ? ` by ${p.stoppedBy}` : '';
  switch (p.state) {
    case 'ACKNOWLEDGED':
      return `Paging stopped: acknowledged${by}`;
    case 'CLOSED':
      return `Paging stopped: closed${by}`;
    case 'KEEP_PAGING':
      return `Acknowledged${by}; this step keeps paging until the alert is closed`;
    case 'EXHAUSTED':
      return p.rounds > 1 ? `Policy exhausted: all ${p.rounds} rounds have fired; nobody more is paged` : 'Policy exhausted: every step has fired; nobody more is paged';
    case 'MAINTENANCE':
      return 'Not paged: opened during a maintenance window';
    case 'SNOOZED':
      return 'Snoozed';
    default:
      return undefined;
  }
}

/**
 * The next step in words (without the countdown): "Next: Bob Builder by SMS",
 * "Next: step 2 reaches nobody", "Next: step 1 (round 2) reaches nobody".
 */
export function nextWords(n: NonNullable<ProgressLike['next']>, round: number): string {
  if (n.pages.length > 0) return `Next: ${listWords(n.pages.map(pageWords))}`;
  return `Next: step ${n.step}${n.round !== round ? ` (round ${n.round})` : ''} reaches nobody`;
}

/** "Cy Newhire has no way to be paged", for the people a step reaches but cannot page. */
export function unreachableWords(names: string[]): string {
  if (names.length === 0) return '';
  return `${listWords(names)} ${names.length === 1 ? 'has' : 'have'} no notification rule and will not be paged`;
}

/** The earliest moment the progress will change by itself (a step or a planned page due), or undefined. */
export function nextChange(p: { next?: { dueAt: string } | null; planned: { at: string }[] }): number | undefined {
  const times = [p.next?.dueAt, p.planned[0]?.at].filter((t): t is string => !!t).map((t) => Date.parse(t));
  return times.length ? Math.min(...times) : undefined;
}
