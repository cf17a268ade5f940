export type TimelineFilter = 'all' | 'updates' | 'alerts' | 'notes';

export const timelineFilters: { value: TimelineFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'updates', label: 'Updates' },
  { value: 'alerts', label: 'Alerts & pages' },
  { value: 'notes', label: 'Notes' },
];

const kindsOf: Record<Exclude<TimelineFilter, 'all'>, string[]> = {
  updates: ['STATUS_UPDATE', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'SERVICES_ADDED', 'SERVICES_REMOVED', 'INCIDENT_DECLARED', 'UPDATE_OVERDUE'],
  alerts: ['ALERT_LINKED', 'ALERT_UNLINKED', 'RESPONDER_ADDED', 'ESCALATION_STEP', 'PAGE_SENT', 'PAGE_FAILED', 'DELIVERY_STATUS', 'ACKNOWLEDGED', 'CREATED', 'CLOSED'],
  notes: ['NOTE_ADDED'],
};

/** Whether an event of this kind is shown under the filter. */
export function shows(filter: TimelineFilter, kind: string): boolean {
  return filter === 'all' || kindsOf[filter].includes(kind);
}

export function parseTimelineFilter(v: string | null): TimelineFilter {
  return timelineFilters.some((f) => f.value === v) ? (v as TimelineFilter) : 'all';
}

interface Event {
  kind: string;
  actorName: string;
  data?: Record<string, unknown> | null;
}

const status: Record<string, string> = {
  INVESTIGATING: 'Investigating',
  IDENTIFIED: 'Cause identified',
  MONITORING: 'Fix deployed, monitoring',
  RESOLVED: 'Resolved',
};

const roles: Record<string, string> = { COMMANDER: 'commander', COMMS_LEAD: 'communications lead' };

const audiences: Record<string, string> = { INTERNAL: 'responders', STAKEHOLDER: 'stakeholders', PUBLIC: 'everyone (public)' };

/** One timeline event in a sentence, and the text quoted under it. */
export function describeIncidentEvent(e: Event): { text: string; quote?: string } {
  const d = (e.data ?? {}) as Record<string, string | number | undefined>;
  const who = e.actorName || 'Tocsin';
  switch (e.kind) {
    case 'INCIDENT_DECLARED':
      return { text: `${who} declared the incident (${d.severity})` };
    case 'STATUS_UPDATE':
      return { text: `${who} posted an update for ${audiences[String(d.audience)] ?? d.audience}: ${status[String(d.status)] ?? d.status}`, quote: String(d.message ?? '') };
    case 'STATUS_CHANGED':
      return { text: `${who} changed the status to ${status[String(d.to)] ?? d.to}` };
    case 'SEVERITY_CHANGED':
      return { text: `${who} changed the severity from ${d.from} to ${d.to}` };
    case 'ROLE_ASSIGNED':
      return { text: `${who} made ${d.user} ${roles[String(d.role)] ?? d.role}${d.replaced ? ` (was ${d.replaced})` : ''}` };
    case 'RESPONDER_ADDED':
      return { text: `${who} added ${d.user} as responder; paging them` };
    case 'STAKEHOLDER_ADDED':
      return { text: `${who} added ${d.user} as stakeholder` };
    case 'STAKEHOLDER_REMOVED':
      return { text: `${who} removed ${d.user ?? 'a stakeholder'} from the stakeholders` };
    case 'SERVICES_ADDED': {
      const names = Array.isArray(e.data?.services) ? (e.data.services as unknown[]).map(String) : [];
      if (names.length === 0) return { text: `${who} added affected services` };
      return { text: `${who} added the affected ${names.length === 1 ? 'service' : 'services'} ${listed(names)}` };
    }
    case 'SERVICES_REMOVED': {
      const names = Array.isArray(e.data?.services) ? (e.data.services as unknown[]).map(String) : [];
      if (names.length === 0) return { text: `${who} removed affected services` };
      return { text: `${who} marked ${listed(names)} as not affected` };
    }
    case 'ALERT_UNLINKED':
      return { text: `${who} took the alert “${d.message}” out of the incident` };
    case 'ALERT_LINKED':
      return { text: `${who} linked the alert “${d.message}”` };
    case 'NOTE_ADDED':
      return { text: `${who} added a note`, quote: String(d.note ?? '') };
    case 'UPDATE_OVERDUE':
      return { text: d.reminded ? `Stakeholder update overdue: reminded ${d.reminded}` : 'Stakeholder update overdue' };
    default:
      return { text: `${who}: ${e.kind.toLowerCase().replace(/_/g, ' ')}` };
  }
}

/** "A", "A and B", "A, B and C". */
function listed(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
