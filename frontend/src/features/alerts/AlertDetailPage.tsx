import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { AlertActions } from './AlertActions';
import { AlertDetailQuery } from './documents';
import { EscalationFact } from './EscalationFact';
import { Timeline } from './Timeline';
import type { AlertDetailFragment } from '../../gql/graphql';
import { canRespond } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { formatAbsolute, formatDuration } from '../../time/format';
import { useNow } from '../../time/useNow';
import { AlertStatusBadge, PriorityBadge } from '../../ui/Badges';
import { NodePageState } from '../../ui/NodePageState';
import { RelativeTime } from '../../ui/RelativeTime';
import { useLiveTimeline } from '../../graphql/useLiveTimeline';

/** One alert: what, since when, who has it and what to do, above the fold; then its details and timeline. */
export function AlertDetailPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AlertDetailQuery, variables: { id } });
  const { viewer } = useViewer();
  const now = useNow(15_000);
  const [message, setMessage] = useState('');
  const alert = data?.node?.__typename === 'Alert' ? (data.node as AlertDetailFragment) : undefined;
  const timeZone = viewer?.timeZone ?? 'UTC';
  const reread = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  // Live: a new timeline event reloads the alert (status, escalation and
  // timeline together) and is announced.
  const [live, setLive] = useState('');
  useLiveTimeline(alert ? { kind: 'alert', id: alert.id } : undefined, alert?.timeline.edges?.[0]?.node?.id ?? null, (e) => {
    reread();
    setLive(`Timeline updated: ${e.kind.toLowerCase().replaceAll('_', ' ')}${e.actorName ? ` (${e.actorName})` : ''}`);
  });

  if (!alert) {
    return (
      <NodePageState
        result={{ data, fetching, error }}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        back={<BackLink />}
        loadingLabel="Loading the alert"
        loadingRows={3}
        notFoundHeading="Alert not found"
        notFoundTitle="There is no alert with this address."
      >
        <p>
          It may have been deleted, or the link is mistyped. Go back to the <Link to="/alerts">alerts</Link>.
        </p>
      </NodePageState>
    );
  }

  const snoozed = alert.status !== 'CLOSED' && alert.snoozedUntil && new Date(alert.snoozedUntil) > now ? alert.snoozedUntil : undefined;
  const details = Object.entries(alert.details ?? {});
  // The escalation fact says snoozed and in maintenance itself.
  const shownState = !alert.escalation && (snoozed || alert.inMaintenance);

  return (
    <>
      <BackLink />
      <article className="alert-detail" data-testid="alert-detail" aria-labelledby="alert-title">
        <header className="detail-head">
          <div className="detail-badges">
            <AlertStatusBadge status={alert.status} />
            <PriorityBadge priority={alert.priority} />
            <span className="muted">#{alert.tinyID}</span>
            <Link to={`/services/${alert.service.id}`} className="detail-service">
              {alert.service.name}
            </Link>
          </div>
          <h1 id="alert-title" className="detail-title">
            {alert.message}
          </h1>
        </header>

        <dl className="facts">
          <div className="fact">
            <dt>Since</dt>
            <dd>
              <RelativeTime value={alert.firstOccurredAt} now={now} timeZone={timeZone} />
              <span className="fact-sub">{formatAbsolute(new Date(alert.firstOccurredAt), timeZone)}</span>
            </dd>
          </div>
          <div className="fact">
            <dt>{alert.status === 'CLOSED' ? 'Closed' : 'Who has it'}</dt>
            <dd>
              {alert.status === 'CLOSED' ? (
                <>
                  {alert.closedBy ? `By ${alert.closedBy.name}` : 'Closed'}
                  {alert.closedAt && (
                    <span className="fact-sub">
                      <RelativeTime value={alert.closedAt} now={now} timeZone={timeZone} /> · open for{' '}
                      {formatDuration(new Date(alert.closedAt).getTime() - new Date(alert.firstOccurredAt).getTime())}
                    </span>
                  )}
                </>
              ) : alert.acknowledgedBy ? (
                <>
                  Acknowledged by {alert.acknowledgedBy.name}
                  {alert.acknowledgedAt && (
                    <span className="fact-sub">
                      <RelativeTime value={alert.acknowledgedAt} now={now} timeZone={timeZone} />
                    </span>
                  )}
                </>
              ) : (
                <strong className="fact-warn">
                  {alert.inMaintenance ? 'Nobody yet (not paged: maintenance)' : snoozed ? 'Nobody yet (snoozed)' : 'Nobody yet: on-call is being paged'}
                </strong>
              )}
              {alert.owner && <span className="fact-sub">Owner: {alert.owner.name}</span>}
            </dd>
          </div>
          <div className="fact">
            <dt>Occurrences</dt>
            <dd>
              {alert.count > 1 ? `×${alert.count}` : 'Once'}
              {alert.count > 1 && (
                <span className="fact-sub">
                  {/* A sender's clock may run ahead: never say the last one comes "in 1 min". */}
                  last <RelativeTime value={alert.lastOccurredAt} now={new Date(Math.max(now.getTime(), Date.parse(alert.lastOccurredAt)))} timeZone={timeZone} />
                </span>
              )}
            </dd>
          </div>
          {alert.escalation ? (
            <EscalationFact progress={alert.escalation} timeZone={timeZone} onDue={reread} />
          ) : (
            alert.escalationDueAt && (
              <div className="fact">
                <dt>Next</dt>
                <dd>
                  {new Date(alert.escalationDueAt) > now ? (
                    <>
                      {snoozed ? 'Paging resumes' : 'Next escalation step'} <RelativeTime value={alert.escalationDueAt} now={now} timeZone={timeZone} />
                    </>
                  ) : (
                    <>
                      Escalation pending since <RelativeTime value={alert.escalationDueAt} now={now} timeZone={timeZone} />
                    </>
                  )}
                </dd>
              </div>
            )
          )}
          {(shownState || alert.incident) && (
            <div className="fact">
              <dt>State</dt>
              <dd className="fact-list">
                {snoozed && !alert.escalation && (
                  <span>
                    Snoozed until {formatAbsolute(new Date(snoozed), timeZone)} (<RelativeTime value={snoozed} now={now} timeZone={timeZone} />)
                  </span>
                )}
                {alert.inMaintenance && !alert.escalation && <span>In maintenance: nobody was paged</span>}
                {alert.incident && (
                  <span data-testid="alert-incident">
                    Part of the incident <Link to={`/incidents/${alert.incident.id}`}>{alert.incident.title}</Link>
                  </span>
                )}
              </dd>
            </div>
          )}
        </dl>

        <p className="visually-hidden" role="status" aria-live="polite">
          {message}
        </p>
        <p className="visually-hidden" role="status" aria-live="polite" data-testid="alert-live">
          {live}
        </p>
        {viewer && (
          <AlertActions
            key={alert.status}
            alert={alert}
            viewer={viewer}
            mayAct={canRespond(viewer.role)}
            onDone={(m) => {
              setMessage(m);
            }}
          />
        )}
        {message && (
          <div className="notice notice-success flash" aria-hidden="true">
            <p>{message}</p>
          </div>
        )}

        <div className="detail-grid">
          <section className="card stack" aria-labelledby="alert-about">
            <h2 id="alert-about">About</h2>
            {alert.description ? <p className="prewrap">{alert.description}</p> : <p className="muted">No description.</p>}
            {alert.tags.length > 0 && (
              <ul className="chips" aria-label="Tags">
                {alert.tags.map((t) => (
                  <li key={t}>
                    <Link className="tag" to={`/alerts?status=all&tag=${encodeURIComponent(t)}`}>
                      {t}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <table className="kv">
              <caption className="visually-hidden">Details</caption>
              <tbody>
                {details.map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">{k}</th>
                    <td>{typeof v === 'string' ? v : JSON.stringify(v)}</td>
                  </tr>
                ))}
                {alert.source && (
                  <tr>
                    <th scope="row">Source</th>
                    <td>{alert.source}</td>
                  </tr>
                )}
                {alert.entity && (
                  <tr>
                    <th scope="row">Entity</th>
                    <td>{alert.entity}</td>
                  </tr>
                )}
                <tr>
                  <th scope="row">Alias</th>
                  <td>
                    <code>{alert.alias}</code>
                  </td>
                </tr>
              </tbody>
            </table>
          </section>
          <section className="card stack" aria-labelledby="alert-timeline">
            <h2 id="alert-timeline">Timeline</h2>
            <Timeline alert={alert} now={now} timeZone={timeZone} />
          </section>
        </div>
      </article>
    </>
  );
}

function BackLink() {
  return (
    <Link to="/alerts" className="back-link">
      ← Alerts
    </Link>
  );
}
