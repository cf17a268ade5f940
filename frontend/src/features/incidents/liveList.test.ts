import { describe, expect, it } from 'vitest';
import { incidentMatches, liveListAction, liveWords } from './liveList';

describe('live incident lists', () => {
  it('knows which incidents belong under each filter', () => {
    expect(incidentMatches('active', 'MONITORING')).toBe(true);
    expect(incidentMatches('active', 'RESOLVED')).toBe(false);
    expect(incidentMatches('resolved', 'RESOLVED')).toBe(true);
    expect(incidentMatches('resolved', 'IDENTIFIED')).toBe(false);
    expect(incidentMatches('all', 'RESOLVED')).toBe(true);
  });

  it('reloads the first page when an incident joins or leaves it, else only announces', () => {
    expect(liveListAction(false, true, true)).toBe('reload'); // declared
    expect(liveListAction(true, false, true)).toBe('reload'); // resolved under "Ongoing"
    expect(liveListAction(true, true, true)).toBe('announce'); // updated in place
    expect(liveListAction(false, false, true)).toBe('announce'); // not ours
    expect(liveListAction(false, true, false)).toBe('announce'); // reader is on an older page
  });

  it('says what changed', () => {
    const i = { title: 'Checkout down', status: 'IDENTIFIED', severity: 'SEV1' };
    expect(liveWords(i, true)).toBe('Checkout down (SEV1) is now identified');
    expect(liveWords(i, false)).toBe('Incident Checkout down (SEV1): identified');
  });
});
