import { useQuery } from 'urql';
import { SeverityLevelsQuery } from '../severities/documents';
import { severities } from './IncidentControls';
import { cadenceWords, severityOption } from './severityChoice';
import type { IncidentSeverity } from '../../gql/graphql';

interface SeveritySelectProps {
  id: string;
  value: IncidentSeverity;
  onChange: (s: IncidentSeverity) => void;
  problem?: string;
}

/**
 * SEV1–SEV4, each with what it means here (severityLevels, which admins
 * edit), and under it how often the chosen one owes stakeholders an update.
 */
export function SeveritySelect({ id, value, onChange, problem }: SeveritySelectProps) {
  const [{ data }] = useQuery({ query: SeverityLevelsQuery });
  const info = new Map((data?.severityLevels ?? []).map((l) => [l.level as string, l]));
  const hint = cadenceWords(info.get(value));
  const described = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>Severity</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as IncidentSeverity)} aria-describedby={described} aria-invalid={problem ? true : undefined}>
        {severities.map((s) => (
          <option key={s} value={s}>
            {severityOption(s, info.get(s))}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="muted">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}
