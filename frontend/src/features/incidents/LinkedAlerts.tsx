import { Link } from 'react-router';
import { useMutation } from 'urql';
import { UnlinkAlertsMutation } from './documents';
import type { IncidentDetailFragment } from '../../gql/graphql';
import { AlertStatusBadge, PriorityBadge } from '../../ui/Badges';
import { ErrorNotice } from '../../ui/ErrorNotice';

interface Props {
  incident: IncidentDetailFragment;
  mayAct: boolean;
  onDone: (message: string) => void;
}

/** The alerts in the incident, responder pages included; responders take out one linked by mistake. */
export function LinkedAlerts({ incident, mayAct, onDone }: Props) {
  const alerts = incident.alerts.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const [state, unlink] = useMutation(UnlinkAlertsMutation);

  async function remove(a: { id: string; message: string }) {
    if (!window.confirm(`Take “${a.message}” out of this incident? What it did so far stays on the timeline; its service stays affected until you remove it.`)) return;
    if ((await unlink({ id: incident.id, alertIDs: [a.id] })).data) onDone(`“${a.message}” is no longer part of this incident.`);
  }

  return (
    <section className="card stack" aria-labelledby="incident-alerts">
      <h2 id="incident-alerts">Alerts ({incident.alerts.totalCount})</h2>
      {alerts.length === 0 ? (
        <p className="muted">No alerts linked.</p>
      ) : (
        <ul className="stack" data-testid="linked-alerts">
          {alerts.map((a) => (
            <li key={a.id} className="linked-alert">
              <span>
                <AlertStatusBadge status={a.status} /> <PriorityBadge priority={a.priority} /> <Link to={`/alerts/${a.id}`}>{a.message}</Link>
              </span>
              {mayAct && a.pageUserID == null && (
                <button type="button" className="chip-remove" disabled={state.fetching} onClick={() => remove(a)} aria-label={`Take ${a.message} out of this incident`}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {state.error && <ErrorNotice error={state.error} />}
    </section>
  );
}
