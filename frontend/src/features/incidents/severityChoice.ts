import type { AlertPriority, IncidentSeverity } from '../../gql/graphql';
import { formatDuration } from '../../time/format';

// Which severity a new incident starts at, and how a severity reads in a
// select. Pure, so the rules are tested without a browser.

/** The API's default, and Opsgenie's default priority (P3): a deliberate choice is needed to wake people. */
export const DEFAULT_SEVERITY: IncidentSeverity = 'SEV3';

// The reverse of the incident → responder-request mapping (SEV1 → P1 … SEV4 → P4).
const fromPriority: Record<AlertPriority, IncidentSeverity> = { P1: 'SEV1', P2: 'SEV2', P3: 'SEV3', P4: 'SEV4', P5: 'SEV4' };

/**
 * An incident declared from alerts starts at the severity of the most urgent
 * one (as Opsgenie carries an alert's priority over to the incident); from
 * scratch at the default.
 */
export function initialSeverity(priorities: readonly AlertPriority[]): IncidentSeverity {
  if (priorities.length === 0) return DEFAULT_SEVERITY;
  const best = [...priorities].sort()[0];
  return fromPriority[best];
}

export interface SeverityLevelInfo {
  level: string;
  description: string;
  updateCadenceMinutes: number;
}

/** "SEV1 — Critical: a core service is down …", or the bare level when it has no description. */
export function severityOption(level: string, info?: SeverityLevelInfo): string {
  const d = info?.description.trim();
  return d ? `${level} — ${d}` : level;
}

/** What the chosen severity asks of the incident's leads, in words. */
export function cadenceWords(info?: SeverityLevelInfo): string {
  if (!info) return '';
  if (info.updateCadenceMinutes <= 0) return 'No stakeholder updates are due on a schedule at this severity.';
  return `Stakeholders are owed an update every ${formatDuration(info.updateCadenceMinutes * 60_000)}.`;
}
