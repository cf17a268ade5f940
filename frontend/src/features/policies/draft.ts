// The policy editor's state and what it sends: a draft is edited as plain
// strings, checked with the server's own rules before saving (so most
// mistakes show at once, beside their field), and turned into the whole
// EscalationPolicyInput that updateEscalationPolicy replaces the policy with.

import type { CombinedError } from '@urql/core';
import type { EscalationPolicyInput } from '../../gql/graphql';
import type { TargetLike } from './sentence';

export interface DraftStep {
  /** Stable across moves, so React keeps each step's inputs with it. */
  key: string;
  delayMinutes: string;
  keepPaging: boolean;
  targets: TargetLike[];
}

export interface Draft {
  name: string;
  description: string;
  repeat: string;
  steps: DraftStep[];
}

/** Problems by field, named as the API names them: "name", "steps[1].delayMinutes". */
export type FieldErrors = Record<string, string>;

// Package escalation's limits.
export const MAX_STEPS = 20;
export const MAX_REPEAT = 9;
const MIN_DELAY = 1;
const MAX_DELAY = 1440;

let nextKey = 0;
const newKey = () => `step-${++nextKey}`;

export function newStep(): DraftStep {
  return { key: newKey(), delayMinutes: '5', keepPaging: false, targets: [] };
}

export function emptyDraft(): Draft {
  return { name: '', description: '', repeat: '0', steps: [newStep()] };
}

interface PolicyLike {
  name: string;
  description: string;
  repeat: number;
  steps?: { position: number; delayMinutes: number; keepPaging: boolean; targets: TargetLike[] }[] | null;
}

/** The steps in the order they fire (the API does not promise an order). */
export function orderedSteps<T extends { position: number }>(steps: T[] | null | undefined): T[] {
  return [...(steps ?? [])].sort((a, b) => a.position - b.position);
}

/** A draft of an existing policy, to edit. */
export function draftOf(p: PolicyLike): Draft {
  return {
    name: p.name,
    description: p.description,
    repeat: String(p.repeat),
    steps: orderedSteps(p.steps).map((s) => ({
      key: newKey(),
      delayMinutes: String(s.delayMinutes),
      keepPaging: s.keepPaging,
      targets: s.targets.map((t) => ({ kind: t.kind, id: t.id, name: t.name })),
    })),
  };
}

/** Moves step `i` one place up (-1) or down (+1); out of range leaves the list as it is. */
export function moveStep(steps: DraftStep[], i: number, by: -1 | 1): DraftStep[] {
  const j = i + by;
  if (i < 0 || i >= steps.length || j < 0 || j >= steps.length) return steps;
  const out = [...steps];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** Adds a target to a step unless it is already there. */
export function withTarget(step: DraftStep, t: TargetLike): DraftStep {
  if (step.targets.some((x) => x.kind === t.kind && x.id === t.id)) return step;
  return { ...step, targets: [...step.targets, t] };
}

/** Whether a step's delay matters: it leads to another step, or the policy starts again after it. */
export function delayMatters(d: Draft, i: number): boolean {
  return i < d.steps.length - 1 || Number(d.repeat) > 0;
}

/** Whether the editor has a place beside which a problem with `field` shows. */
export function fieldShown(d: Draft, field: string): boolean {
  if (field === 'name' || field === 'repeat' || field === 'steps') return true;
  const m = /^steps\[(\d+)\]\.(targets|delayMinutes)$/.exec(field);
  if (!m) return false;
  const i = Number(m[1]);
  return i < d.steps.length && (m[2] === 'targets' || delayMatters(d, i));
}

const whole = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN);

/** The same rules the server applies, so mistakes show before saving. Empty when the draft may be sent. */
export function checkDraft(d: Draft): FieldErrors {
  const errors: FieldErrors = {};
  if (!d.name.trim()) errors.name = 'Give the policy a name.';
  const repeat = whole(d.repeat);
  if (!(repeat >= 0 && repeat <= MAX_REPEAT)) errors.repeat = `Repeat between 0 and ${MAX_REPEAT} times.`;
  if (d.steps.length === 0) errors.steps = 'Add at least one step.';
  if (d.steps.length > MAX_STEPS) errors.steps = `At most ${MAX_STEPS} steps.`;
  d.steps.forEach((s, i) => {
    if (s.targets.length === 0) errors[`steps[${i}].targets`] = 'Pick at least one person, schedule or team to notify.';
    const delay = whole(s.delayMinutes);
    if (delayMatters(d, i) && !(delay >= MIN_DELAY && delay <= MAX_DELAY)) {
      errors[`steps[${i}].delayMinutes`] = 'Wait between 1 and 1440 minutes (24 hours).';
    }
  });
  return errors;
}

/** The whole policy as the API takes it; a last step's unused delay is kept (5 when blank). */
export function toInput(d: Draft): EscalationPolicyInput {
  return {
    name: d.name.trim(),
    description: d.description.trim(),
    repeat: whole(d.repeat) || 0,
    steps: d.steps.map((s) => ({
      delayMinutes: whole(s.delayMinutes) || 5,
      keepPaging: s.keepPaging,
      targets: s.targets.map((t) => ({ kind: t.kind, id: t.id })),
    })),
  };
}

/**
 * The server's refusals that name a field (extensions.field), without the
 * field's name in front of the reason: "steps[0].targets: no user with id 9"
 * becomes { "steps[0].targets": "No user with id 9." }.
 */
export function serverFieldErrors(error: CombinedError | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const e of error?.graphQLErrors ?? []) {
    const field = e.extensions?.field;
    if (typeof field !== 'string' || !field) continue;
    let reason = e.message.trim();
    if (reason.startsWith(`${field}:`)) reason = reason.slice(field.length + 1).trim();
    reason = reason.charAt(0).toUpperCase() + reason.slice(1);
    out[field] = /[.!?]$/.test(reason) ? reason : reason + '.';
  }
  return out;
}
