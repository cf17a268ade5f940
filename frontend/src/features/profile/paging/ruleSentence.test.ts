import { describe, expect, it } from 'vitest';
import { delayWords, minutesToTime, quietHoursSentence, ruleSentence, timeToMinutes, type RuleLike } from './ruleSentence';

const rules: RuleLike[] = [
  { urgency: 'HIGH', delayMinutes: 2, contactMethod: { kind: 'SMS', name: 'Work phone' } },
  { urgency: 'LOW', delayMinutes: 0, contactMethod: { kind: 'EMAIL', name: 'Work mail' } },
  { urgency: 'HIGH', delayMinutes: 0, contactMethod: { kind: 'PUSH', name: 'Pixel' } },
  { urgency: 'HIGH', delayMinutes: 60, contactMethod: { kind: 'VOICE', name: 'Desk' } },
];

describe('ruleSentence', () => {
  it('says the rules of one urgency earliest first', () => {
    expect(ruleSentence('HIGH', rules)).toBe('High urgency: push to Pixel at once, SMS to Work phone after 2 min, call to Desk after 1 h');
    expect(ruleSentence('LOW', rules)).toBe('Low urgency: email to Work mail at once');
  });

  it('says plainly when nothing will reach the person', () => {
    expect(ruleSentence('LOW', rules.slice(0, 1))).toBe('Low urgency: you will not be notified. Add a rule below.');
  });

  it('words delays', () => {
    expect([0, 1, 15, 60].map(delayWords)).toEqual(['at once', 'after 1 min', 'after 15 min', 'after 1 h']);
  });
});

describe('quiet hours', () => {
  it('converts between minutes and times of day', () => {
    expect(minutesToTime(1320)).toBe('22:00');
    expect(minutesToTime(425)).toBe('07:05');
    expect(timeToMinutes('07:05')).toBe(425);
    expect(timeToMinutes('24:00')).toBeUndefined();
    expect(timeToMinutes('seven')).toBeUndefined();
  });

  it('says a window across midnight ends the next day', () => {
    expect(quietHoursSentence(1320, 420)).toBe('Low-urgency pages wait between 22:00 and 07:00 the next day; high urgency always comes through.');
    expect(quietHoursSentence(720, 780)).toBe('Low-urgency pages wait between 12:00 and 13:00; high urgency always comes through.');
    expect(quietHoursSentence(null, null)).toBe('No quiet hours: low-urgency pages reach you at any time.');
  });
});
