import { describe, expect, it } from 'vitest';
import { alertListWhere, alertWhere, hasNarrowing, parseAlertFilter, parseAlertFilters, withAlertFilters } from './statusFilter';

const now = new Date('2025-03-10T12:00:30Z');

describe('alert status filter', () => {
  it('defaults to active alerts for a missing or unknown value', () => {
    expect(parseAlertFilter(null)).toBe('active');
    expect(parseAlertFilter('nonsense')).toBe('active');
    expect(parseAlertFilter('closed')).toBe('closed');
  });

  it('turns the choice and the search into an API filter', () => {
    expect(alertWhere('active', '')).toEqual({ statusIn: ['OPEN', 'ACKED'] });
    expect(alertWhere('all', ' disk ')).toEqual({ search: 'disk' });
    expect(alertWhere('acked', '')).toEqual({ statusIn: ['ACKED'] });
  });
});

describe('alert list filters and the URL', () => {
  it('reads every filter from the query string and ignores junk', () => {
    const f = parseAlertFilters(new URLSearchParams('status=open&service=s1&priority=p1,P3,P9&tag=db&q=disk&since=24h'));
    expect(f).toEqual({ status: 'open', serviceID: 's1', priorities: ['P1', 'P3'], tag: 'db', search: 'disk', range: '24h', from: '', to: '' });
    const junk = parseAlertFilters(new URLSearchParams('since=forever&from=yesterday'));
    expect(junk.range).toBe('');
    expect(junk.from).toBe('');
    expect(hasNarrowing(junk)).toBe(false);
  });

  it('writes changes back, leaving defaults and empty values out', () => {
    let p = new URLSearchParams('q=disk');
    p = withAlertFilters(p, { status: 'closed', priorities: ['P3', 'P1'], serviceID: 's2', tag: '  db ' });
    expect(Object.fromEntries(p)).toEqual({ q: 'disk', status: 'closed', priority: 'P1,P3', service: 's2', tag: 'db' });
    p = withAlertFilters(p, { status: 'active', priorities: [], tag: '' });
    expect(p.toString()).toBe('q=disk&service=s2');
    // A round trip gives the same filters.
    const f = parseAlertFilters(withAlertFilters(new URLSearchParams(), { range: 'custom', from: '2025-03-01', to: '2025-03-05', priorities: ['P2'] }));
    expect(f.range).toBe('custom');
    expect(f.from).toBe('2025-03-01');
    expect(f.priorities).toEqual(['P2']);
  });

  it('drops custom dates when a preset range is picked', () => {
    const p = withAlertFilters(new URLSearchParams('since=custom&from=2025-03-01&to=2025-03-02'), { range: '1h' });
    expect(p.toString()).toBe('since=1h');
  });

  it('builds the API filter, counting ranges back from the minute', () => {
    const f = parseAlertFilters(new URLSearchParams('status=all&service=s1&priority=P1,P2&tag=db&q=lag&since=1h'));
    expect(alertListWhere(f, now)).toEqual({
      serviceID: 's1',
      priorityIn: ['P1', 'P2'],
      tag: 'db',
      search: 'lag',
      createdAtGTE: '2025-03-10T11:00:00.000Z',
    });
    // Thirty seconds later the query is the same: no refetch loop while the clock ticks.
    expect(alertListWhere(f, new Date(now.getTime() + 20_000))).toEqual(alertListWhere(f, now));
  });

  it('makes custom dates whole days', () => {
    const f = parseAlertFilters(new URLSearchParams('since=custom&from=2025-03-01&to=2025-03-02'));
    const where = alertListWhere(f, now);
    expect(new Date(where.createdAtGTE!).getTime()).toBe(new Date('2025-03-01T00:00:00').getTime());
    expect(new Date(where.createdAtLTE!).getTime()).toBe(new Date('2025-03-02T23:59:59.999').getTime());
  });
});
