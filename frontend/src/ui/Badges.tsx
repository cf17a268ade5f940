import type { AlertPriority, AlertStatus, IncidentSeverity, IncidentStatus } from '../gql/graphql';

// Status is told by colour, an icon shape and a word, so it reads without colour.

const alertStatus: Record<AlertStatus, { label: string; icon: string }> = {
  OPEN: { label: 'Open', icon: '●' },
  ACKED: { label: 'Acknowledged', icon: '◐' },
  CLOSED: { label: 'Closed', icon: '✓' },
};

export function AlertStatusBadge({ status }: { status: AlertStatus }) {
  const s = alertStatus[status];
  return (
    <span className={`status status-${status.toLowerCase()}`}>
      <span aria-hidden="true" className="status-icon">
        {s.icon}
      </span>
      {s.label}
    </span>
  );
}

export const alertStatusLabel = (status: AlertStatus) => alertStatus[status].label;

const priorityWords: Record<AlertPriority, string> = {
  P1: 'Critical',
  P2: 'High',
  P3: 'Moderate',
  P4: 'Low',
  P5: 'Informational',
};

export function PriorityBadge({ priority }: { priority: AlertPriority }) {
  return (
    <span className={`badge priority-${priority.toLowerCase()}`} title={`Priority ${priority}: ${priorityWords[priority]}`}>
      {priority}
      <span className="visually-hidden"> priority, {priorityWords[priority]}</span>
    </span>
  );
}

const severityWords: Record<IncidentSeverity, string> = {
  SEV1: 'Critical',
  SEV2: 'Major',
  SEV3: 'Minor',
  SEV4: 'Low',
};

export function SeverityBadge({ severity }: { severity: IncidentSeverity }) {
  return (
    <span className={`badge severity-${severity.toLowerCase()}`} title={`${severity}: ${severityWords[severity]} impact`}>
      {severity}
      <span className="visually-hidden">, {severityWords[severity]} impact</span>
    </span>
  );
}

const incidentStatus: Record<IncidentStatus, { label: string; icon: string }> = {
  INVESTIGATING: { label: 'Investigating', icon: '●' },
  IDENTIFIED: { label: 'Cause identified', icon: '◆' },
  MONITORING: { label: 'Fix deployed, monitoring', icon: '◐' },
  RESOLVED: { label: 'Resolved', icon: '✓' },
};

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const s = incidentStatus[status];
  return (
    <span className={`status incident-${status.toLowerCase()}`}>
      <span aria-hidden="true" className="status-icon">
        {s.icon}
      </span>
      {s.label}
    </span>
  );
}
