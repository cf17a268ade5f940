import { describe, expect, it } from 'vitest';
import { alertWhere, parseAlertFilter } from './statusFilter';

describe('alert status filter', () => {
  it('defaults to active alerts for a missing or unknown value', () => {
    expect(parseAlertFilter(null)).toBe('active');
    expect(parseAlertFilter('nonsense')).toBe('active');
    expect(parseAlertFilter('closed')).toBe('closed');
  });

  it('turns the choice and the search into an API filter', () => {
    expect(alertWhere('active', '')).toEqual({ statusIn: ['OPEN', 'ACKED'] });
    expect(alertWhere('all', ' disk ')).toEqual({ messageContainsFold: 'disk' });
    expect(alertWhere('acked', '')).toEqual({ statusIn: ['ACKED'] });
  });
});
