import { describe, expect, it } from 'vitest';
import { urgencyWords } from './urgency';

describe('urgencyWords', () => {
  it('says which priorities page loudly', () => {
    expect(urgencyWords('P2')).toBe('P1 and P2 page at high urgency; P3–P5 at low urgency.');
    expect(urgencyWords('P1')).toBe('P1 pages at high urgency; P2–P5 at low urgency.');
    expect(urgencyWords('P4')).toBe('P1–P4 page at high urgency; P5 at low urgency.');
    expect(urgencyWords('P5')).toBe('Every priority (P1–P5) pages at high urgency.');
  });
});
