import type { TimelineEventActorType } from '../../gql/graphql';
import { formatAbsolute, formatRelative } from '../../time/format';

/** A timeline event as the API sends it (the fields the wording needs). */
export interface TimelineEventLike {
  kind: string;
  actorType: TimelineEventActorType;
  actorName: string;
  actor?: { name: string } | null;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface Wording {
  /** What happened, in a sentence that starts with who did it. */
  text: string;
  /** The note given with it, if any, or a quoted extra (a changed message). */
  note?: string;
}

interface Context {
  now: Date;
  timeZone?: string;
  /** The alert's lastOccurredAt: the newest repeat says when the last one came. */
  lastOccurredAt?: string;
  /** True for the newest DEDUPLICATED event, which the alert's lastOccurredAt belongs to. */
  latestRepeat?: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : Number.parseFloat(str(v)) || 0);
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** Who did it, as people call them: the user's current name, the integration, or Tocsin. */
export function actorLabel(e: TimelineEventLike): string {
  if (e.actorType === 'SYSTEM') return e.actorName || 'Tocsin';
  if (e.actorType === 'USER') return e.actor?.name || e.actorName || 'Someone';
  return e.actorName || 'An integration';
}

/** ", next rule at 19:05" when a failed page names the person's next one. */
function nextRule(e: TimelineEventLike, ctx: Context): string {
  const at = str(e.data.next_at);
  return at ? `, next rule at ${formatAbsolute(new Date(at), ctx.timeZone)}` : '';
}

/** Plain words for one timeline event: "Rui Responder acknowledged", "Repeated 12 times, last 2 min ago". */
export function describeEvent(e: TimelineEventLike, ctx: Context): Wording {
  const who = actorLabel(e);
  const note = str(e.data.note) || undefined;
  const byIntegration = e.actorType === 'INTEGRATION';
  switch (e.kind) {
    case 'CREATED':
      return { text: byIntegration ? `Received from ${who}` : `${who} raised the alert`, note };
    case 'DEDUPLICATED': {
      const repeats = num(e.data.repeats) || 1;
      let text = `Repeated ${times(repeats)}`;
      if (ctx.latestRepeat && ctx.lastOccurredAt) text += `, last ${formatRelative(new Date(ctx.lastOccurredAt), ctx.now)}`;
      const count = num(e.data.count);
      if (count > 1) text += ` (${count} in all)`;
      const last = str(e.data.last_message);
      return { text, note: last ? `Latest: ${last}` : undefined };
    }
    case 'ACKNOWLEDGED':
      return { text: `${who} acknowledged`, note };
    case 'UNACKNOWLEDGED':
      return { text: `${who} put it back to open; paging resumes`, note };
    case 'CLOSED':
      return { text: byIntegration ? `Closed by ${who}` : `${who} closed the alert`, note };
    case 'SNOOZED': {
      const until = str(e.data.until);
      const when = until ? formatAbsolute(new Date(until), ctx.timeZone) : 'later';
      return { text: `${who} snoozed it until ${when}`, note };
    }
    case 'NOTE_ADDED':
      return { text: `${who} added a note`, note };
    case 'ASSIGNED': {
      const owner = str(e.data.owner);
      if (!owner) return { text: `${who} changed the owner`, note };
      return { text: owner === who ? `${who} took ownership` : `${who} assigned it to ${owner}`, note };
    }
    case 'ESCALATED':
      return { text: e.data.reopened ? `${who} escalated it to the next step and put it back to open` : `${who} escalated it to the next step`, note };
    case 'ESCALATION_PENDING':
      return { text: e.data.requested ? 'Next escalation step queued' : 'Escalation started: on-call will be paged', note };
    case 'ESCALATION_STEP': {
      const paged = Array.isArray(e.data.paged) ? (e.data.paged as unknown[]).map(String) : [];
      const unreachable = Array.isArray(e.data.unreachable) ? (e.data.unreachable as unknown[]).map(String) : [];
      const step = typeof e.data.step === 'number' ? e.data.step + 1 : '?';
      const round = typeof e.data.round === 'number' && e.data.round > 0 ? ` (repeat ${e.data.round})` : '';
      const whom = paged.length ? `paging ${paged.join(', ')}` : 'nobody to page';
      const missing = unreachable.length ? `No notification rules for this urgency: ${unreachable.join(', ')}` : undefined;
      const keep = e.data.keep_paging ? ' (keeps paging until closed)' : '';
      return { text: `Escalation step ${step}${round}: ${whom}${keep}`, note: note ?? missing };
    }
    case 'PAGE_SENT': {
      const found = e.data.found_after_restart ? ' (found at the provider after an interrupted attempt; not sent again)' : '';
      return { text: (str(e.data.summary) || `Paged ${str(e.data.user)} by ${str(e.data.channel)}`) + found, note };
    }
    case 'PAGE_FAILED':
      return {
        text: `Could not page ${str(e.data.user) || 'someone'} by ${str(e.data.channel) || '?'}: ${str(e.data.reason) || 'failed'}${nextRule(e, ctx)}`,
        note,
      };
    case 'DELIVERY_STATUS':
      return { text: (str(e.data.summary) || `Page ${str(e.data.status).toLowerCase() || 'updated'}`) + nextRule(e, ctx), note };
    case 'PRIORITY_CHANGED':
      return { text: `${who} changed priority from ${str(e.data.from) || '?'} to ${str(e.data.to) || '?'}`, note };
    case 'MESSAGE_CHANGED':
      return { text: `${who} changed the message`, note: note ?? (str(e.data.to) ? `Now: ${str(e.data.to)}` : undefined) };
    case 'DESCRIPTION_CHANGED':
      return { text: `${who} changed the description`, note };
    case 'ALERT_LINKED':
      return { text: `${who} added it to the incident “${str(e.data.incident) || `#${str(e.data.incident_id)}`}”`, note };
    case 'ALERT_UNLINKED':
      return { text: `${who} took it out of the incident “${str(e.data.incident) || `#${str(e.data.incident_id)}`}”`, note };
    case 'IN_MAINTENANCE':
      return { text: 'Not paged: it arrived during a maintenance window', note };
    default: {
      const words = e.kind.toLowerCase().replaceAll('_', ' ');
      return { text: `${who}: ${words}`, note: note ?? (str(e.data.text) || undefined) };
    }
  }
}
