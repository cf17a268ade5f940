import { useId } from 'react';
import { useMutation, useQuery } from 'urql';
import { AssignIncidentRoleMutation, IncidentPeopleQuery, SetIncidentSeverityMutation, SetIncidentStatusMutation } from './documents';
import type { IncidentDetailFragment, IncidentMemberRole, IncidentSeverity, IncidentStatus } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';

export const severities: IncidentSeverity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

export const statusLabels: Record<IncidentStatus, string> = {
  INVESTIGATING: 'Investigating',
  IDENTIFIED: 'Cause identified',
  MONITORING: 'Fix deployed, monitoring',
  RESOLVED: 'Resolved',
};

/** The statuses an incident may move to: a resolved one reopens as investigating only. */
export function nextStatuses(current: IncidentStatus): IncidentStatus[] {
  if (current === 'RESOLVED') return ['RESOLVED', 'INVESTIGATING'];
  return ['INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED'];
}

interface Props {
  incident: IncidentDetailFragment;
  onDone: (message: string) => void;
}

/** Severity, status, commander and comms lead: each one choice away (responders only). */
export function IncidentControls({ incident, onDone }: Props) {
  const id = useId();
  const [sev, setSeverity] = useMutation(SetIncidentSeverityMutation);
  const [st, setStatus] = useMutation(SetIncidentStatusMutation);
  const [role, assign] = useMutation(AssignIncidentRoleMutation);
  const [{ data }] = useQuery({ query: IncidentPeopleQuery });
  const people = (data?.users.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? []).filter((u) => u.role !== 'STAKEHOLDER');
  const error = sev.error ?? st.error ?? role.error;

  const assignRole = async (r: IncidentMemberRole, userID: string) => {
    if (!userID) return;
    const res = await assign({ id: incident.id, userID, role: r });
    if (res.data) onDone(r === 'COMMANDER' ? 'Commander changed.' : 'Comms lead changed.');
  };

  return (
    <section className="actions card" aria-label="Incident controls">
      <div className="action-bar">
        <label htmlFor={`${id}-sev`}>Severity</label>
        <select
          id={`${id}-sev`}
          value={incident.severity}
          disabled={sev.fetching}
          onChange={async (e) => (await setSeverity({ id: incident.id, severity: e.target.value as IncidentSeverity })).data && onDone(`Severity is now ${e.target.value}.`)}
        >
          {severities.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <label htmlFor={`${id}-st`}>Status</label>
        <select
          id={`${id}-st`}
          value={incident.status}
          disabled={st.fetching}
          onChange={async (e) => {
            const status = e.target.value as IncidentStatus;
            if ((await setStatus({ id: incident.id, status })).data) onDone(`Status: ${statusLabels[status]}.`);
          }}
        >
          {nextStatuses(incident.status).map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-cmd`}>Commander</label>
        <select id={`${id}-cmd`} value={incident.commander?.id ?? ''} disabled={role.fetching} onChange={(e) => assignRole('COMMANDER', e.target.value)}>
          {!incident.commander && <option value="">Nobody</option>}
          {people.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-comms`}>Comms lead</label>
        <select id={`${id}-comms`} value={incident.commsLead?.id ?? ''} disabled={role.fetching} onChange={(e) => assignRole('COMMS_LEAD', e.target.value)}>
          {!incident.commsLead && <option value="">The commander</option>}
          {people.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
