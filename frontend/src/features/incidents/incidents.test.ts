import { describe, expect, it } from 'vitest';
import { nextUpdate } from './cadence';
import { describeIncidentEvent, parseTimelineFilter, shows } from './timeline';

describe('nextUpdate', () => {
  const now = new Date('2026-11-24T03:00:00Z');
  it('counts down to the due time', () => {
    expect(nextUpdate('2026-11-24T03:12:00Z', now)).toEqual({ text: 'Next update due in 12 min', overdue: false });
  });
  it('says how late an overdue update is', () => {
    const due = nextUpdate('2026-11-24T02:55:00Z', now);
    expect(due.overdue).toBe(true);
    expect(due.text).toBe('Update overdue by 5 min');
  });
  it('says when nothing is due', () => {
    expect(nextUpdate(null, now)).toEqual({ text: 'No update due', overdue: false });
  });
});

describe('timeline filters', () => {
  it('puts updates, alerts and notes under their own filters', () => {
    expect(shows('updates', 'STATUS_UPDATE')).toBe(true);
    expect(shows('updates', 'NOTE_ADDED')).toBe(false);
    expect(shows('alerts', 'ALERT_LINKED')).toBe(true);
    expect(shows('notes', 'NOTE_ADDED')).toBe(true);
    expect(shows('all', 'ANYTHING')).toBe(true);
  });
  it('falls back to all for an unknown filter in the URL', () => {
    expect(parseTimelineFilter('bogus')).toBe('all');
    expect(parseTimelineFilter('notes')).toBe('notes');
  });
});

describe('describeIncidentEvent', () => {
  it('words a stakeholder update with its audience and quotes the message', () => {
    const d = describeIncidentEvent({
      kind: 'STATUS_UPDATE',
      actorName: 'Rui',
      data: { audience: 'STAKEHOLDER', status: 'MONITORING', message: 'Fix deployed' },
    });
    expect(d.text).toBe('Rui posted an update for stakeholders: Fix deployed, monitoring');
    expect(d.quote).toBe('Fix deployed');
  });
  it('names who held a role before', () => {
    expect(describeIncidentEvent({ kind: 'ROLE_ASSIGNED', actorName: 'Rui', data: { user: 'Ana', role: 'COMMANDER', replaced: 'Rui' } }).text).toBe(
      'Rui made Ana commander (was Rui)',
    );
  });
});

describe('SERVICES_ADDED on the timeline', () => {
  it('names the services in a sentence', () => {
    expect(describeIncidentEvent({ kind: 'SERVICES_ADDED', actorName: 'Rui', data: { service_ids: [3], services: ['Checkout'] } }).text).toBe(
      'Rui added the affected service Checkout',
    );
    expect(describeIncidentEvent({ kind: 'SERVICES_ADDED', actorName: 'Rui', data: { services: ['A', 'B', 'C'] } }).text).toBe(
      'Rui added the affected services A, B and C',
    );
  });
  it('counts as an update under the filters', () => {
    expect(shows('updates', 'SERVICES_ADDED')).toBe(true);
    expect(shows('notes', 'SERVICES_ADDED')).toBe(false);
  });
});
