import { describe, expect, it } from 'vitest';
import { describeEvent, type TimelineEventLike } from './timeline';

const now = new Date('2025-03-10T12:00:00Z');
const at = '2025-03-10T11:56:00Z';
const rui = { actorType: 'USER' as const, actorName: 'Rui R.', actor: { name: 'Rui Responder' }, createdAt: at };
const ev = (kind: string, data: Record<string, unknown> = {}, who: Partial<TimelineEventLike> = rui): TimelineEventLike => ({ ...rui, ...who, kind, data });
const say = (e: TimelineEventLike, extra = {}) => describeEvent(e, { now, timeZone: 'UTC', ...extra });

describe('timeline wording', () => {
  it('names the person by their current name and keeps the note', () => {
    expect(say(ev('ACKNOWLEDGED', { note: 'on it' }))).toEqual({ text: 'Rui Responder acknowledged', note: 'on it' });
    expect(say(ev('CLOSED'))).toEqual({ text: 'Rui Responder closed the alert', note: undefined });
    expect(say(ev('UNACKNOWLEDGED')).text).toBe('Rui Responder put it back to open; paging resumes');
    expect(say(ev('NOTE_ADDED', { note: 'rolled back' }))).toEqual({ text: 'Rui Responder added a note', note: 'rolled back' });
  });

  it('says where an alert came from', () => {
    const fromDoor = { actorType: 'INTEGRATION' as const, actorName: 'Prometheus', actor: null };
    expect(say(ev('CREATED', {}, fromDoor)).text).toBe('Received from Prometheus');
    expect(say(ev('CLOSED', {}, fromDoor)).text).toBe('Closed by Prometheus');
    expect(say(ev('CREATED')).text).toBe('Rui Responder raised the alert');
  });

  it('counts repeats and says when the last one came', () => {
    const e = ev('DEDUPLICATED', { count: 13, repeats: 12, last_message: 'Disk full' }, { actorType: 'INTEGRATION', actorName: 'Prometheus', actor: null });
    expect(say(e, { lastOccurredAt: '2025-03-10T11:58:00Z', latestRepeat: true })).toEqual({
      text: 'Repeated 12 times, last 2 min ago (13 in all)',
      note: 'Latest: Disk full',
    });
    expect(say(ev('DEDUPLICATED', { repeats: 1 })).text).toBe('Repeated once');
  });

  it('names the incident an alert joined', () => {
    expect(say(ev('ALERT_LINKED', { incident_id: 4, incident: 'Database degraded', message: 'Disk full' })).text).toBe(
      'Rui Responder added it to the incident “Database degraded”',
    );
    expect(say(ev('ALERT_LINKED', { incident_id: 4 })).text).toBe('Rui Responder added it to the incident “#4”');
  });

  it('words changes with their old and new values', () => {
    expect(say(ev('PRIORITY_CHANGED', { from: 'P3', to: 'P1' })).text).toBe('Rui Responder changed priority from P3 to P1');
    expect(say(ev('MESSAGE_CHANGED', { from: 'a', to: 'b' }))).toEqual({ text: 'Rui Responder changed the message', note: 'Now: b' });
    expect(say(ev('ASSIGNED', { owner: 'Ada Admin' })).text).toBe('Rui Responder assigned it to Ada Admin');
    expect(say(ev('ASSIGNED', { owner: 'Rui Responder' })).text).toBe('Rui Responder took ownership');
    expect(say(ev('SNOOZED', { until: '2025-03-10T13:00:00Z' })).text).toMatch(/^Rui Responder snoozed it until .*(13:00|01:00 PM)/);
  });

  it('words what Tocsin did itself, and unknown kinds without breaking', () => {
    const tocsin = { actorType: 'SYSTEM' as const, actorName: 'Tocsin', actor: null };
    expect(say(ev('IN_MAINTENANCE', {}, tocsin)).text).toBe('Not paged: it arrived during a maintenance window');
    expect(say(ev('ESCALATION_PENDING', { requested: true }, tocsin)).text).toBe('Next escalation step queued');
    expect(say(ev('SOMETHING_NEW', { note: 'x' })).text).toBe('Rui Responder: something new');
  });

  it('words the paging engine\'s steps and pages', () => {
    const tocsin = { actorType: 'SYSTEM' as const, actorName: 'Tocsin', actor: null };
    expect(say(ev('ESCALATION_STEP', { round: 0, step: 0, paged: ['Ana', 'Bob'], pages: 3 }, tocsin)).text).toBe('Escalation step 1: paging Ana, Bob');
    const lonely = say(ev('ESCALATION_STEP', { round: 1, step: 1, paged: ['Cy'], unreachable: ['Cy'] }, tocsin));
    expect(lonely.text).toBe('Escalation step 2 (repeat 1): paging Cy');
    expect(lonely.note).toBe('No notification rules for this urgency: Cy');
    expect(say(ev('PAGE_SENT', { summary: 'SMS to +49…: queued', channel: 'sms', user: 'Ana' }, tocsin)).text).toBe('SMS to +49…: queued');
    expect(say(ev('PAGE_FAILED', { channel: 'voice', user: 'Ana', reason: 'busy' }, tocsin)).text).toBe('Could not page Ana by voice: busy');
    expect(say(ev('PAGE_FAILED', { channel: 'voice', user: 'Ana', reason: 'busy', next_at: '2025-03-10T19:05:00Z' }, tocsin)).text).toMatch(
      /^Could not page Ana by voice: busy, next rule at .*(19:05|07:05 PM)/,
    );
    expect(say(ev('DELIVERY_STATUS', { summary: 'voice call to Desk: failed (busy)', status: 'FAILED', next_at: '2025-03-10T19:05:00Z' }, tocsin)).text).toMatch(
      /^voice call to Desk: failed \(busy\), next rule at .*(19:05|07:05 PM)/,
    );
    expect(say(ev('PAGE_SENT', { summary: 'SMS to Work: queued', found_after_restart: true }, tocsin)).text).toBe(
      'SMS to Work: queued (found at the provider after an interrupted attempt; not sent again)',
    );
    expect(say(ev('ESCALATION_STEP', { round: 0, step: 1, paged: ['Bob'], keep_paging: true }, tocsin)).text).toBe(
      'Escalation step 2: paging Bob (keeps paging until closed)',
    );
    expect(say(ev('ESCALATED', { reopened: true })).text).toBe('Rui Responder escalated it to the next step and put it back to open');
  });
});
