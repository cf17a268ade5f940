import type { IncidentFilter } from './statusFilter';

/** Whether an incident in this status belongs in the list filtered so. */
export function incidentMatches(filter: IncidentFilter, status: string): boolean {
  switch (filter) {
    case 'active':
      return status !== 'RESOLVED';
    case 'resolved':
      return status === 'RESOLVED';
    default:
      return true;
  }
}

/**
 * What a list of incidents does when one changes live: a shown incident
 * that still belongs is updated in place by the cache (announce it); one
 * that joins or leaves the list makes the first page reload. Later pages
 * ("Show older") are not reloaded under the reader: they only announce.
 */
export function liveListAction(shown: boolean, belongs: boolean, firstPage: boolean): 'announce' | 'reload' {
  if (shown === belongs || !firstPage) return 'announce';
  return 'reload';
}

const statusWords: Record<string, string> = {
  INVESTIGATING: 'investigating',
  IDENTIFIED: 'identified',
  MONITORING: 'monitoring',
  RESOLVED: 'resolved',
};

/** The words a screen reader hears for a live change. */
export function liveWords(i: { title: string; status: string; severity: string }, shown: boolean): string {
  const status = statusWords[i.status] ?? i.status.toLowerCase();
  return shown ? `${i.title} (${i.severity}) is now ${status}` : `Incident ${i.title} (${i.severity}): ${status}`;
}
