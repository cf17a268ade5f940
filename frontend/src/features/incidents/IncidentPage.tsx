import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { nextUpdate } from './cadence';
import { IncidentDetailQuery } from './documents';
import { AffectedServices } from './AffectedServices';
import { IncidentControls } from './IncidentControls';
import { IncidentPeople } from './IncidentPeople';
import { IncidentTimeline } from './IncidentTimeline';
import { LinkedAlerts } from './LinkedAlerts';
import { SubscribeButton } from '../stakeholder/SubscribeButton';
import { useLiveTimeline } from '../../graphql/useLiveTimeline';
import { StatusUpdateComposer } from './StatusUpdateComposer';
import type { IncidentDetailFragment } from '../../gql/graphql';
import { canRespond } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { formatAbsolute } from '../../time/format';
import { useNow } from '../../time/useNow';
import { IncidentStatusBadge, SeverityBadge } from '../../ui/Badges';
import { NodePageState } from '../../ui/NodePageState';
import { RelativeTime } from '../../ui/RelativeTime';

/** One incident: what and how bad, since when, who leads, what is due next; then the update composer and the timeline. */
export function IncidentPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: IncidentDetailQuery, variables: { id } });
  const { viewer } = useViewer();
  const now = useNow(1_000);
  const [message, setMessage] = useState('');
  const incident = data?.node?.__typename === 'Incident' ? (data.node as IncidentDetailFragment) : undefined;
  const timeZone = viewer?.timeZone ?? 'UTC';
  const mayAct = canRespond(viewer?.role);

  // Live: each new timeline event (an update, a role, a page) reloads the
  // incident and is announced; the server sends a stakeholder only what is
  // meant for them.
  const reread = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  const [live, setLive] = useState('');
  useLiveTimeline(incident ? { kind: 'incident', id: incident.id } : undefined, incident?.timeline.edges?.[0]?.node?.id ?? null, (e) => {
    reread();
    setLive(`Timeline updated: ${e.kind.toLowerCase().replaceAll('_', ' ')}${e.actorName ? ` (${e.actorName})` : ''}`);
  });

  if (!incident) {
    return (
      <NodePageState
        result={{ data, fetching, error }}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        back={<BackLink />}
        loadingLabel="Loading the incident"
        loadingRows={3}
        notFoundHeading="Incident not found"
        notFoundTitle="There is no incident with this address."
      >
        <p>
          The link may be mistyped. Go back to the <Link to="/incidents">incidents</Link>.
        </p>
      </NodePageState>
    );
  }

  const due = nextUpdate(incident.nextUpdateDueAt, now);
  const services = incident.services.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];
  const done = (m: string) => setMessage(m);

  return (
    <>
      <BackLink />
      <article className="alert-detail incident-detail" data-testid="incident-detail" aria-labelledby="incident-title">
        <header className="detail-head">
          <div className="detail-badges">
            <SeverityBadge severity={incident.severity} />
            <IncidentStatusBadge status={incident.status} />
            {services.map((s) => (
              <Link key={s.id} to={`/services/${s.id}`} className="detail-service">
                {s.name}
              </Link>
            ))}
          </div>
          <h1 id="incident-title" className="detail-title">
            {incident.title}
          </h1>
        </header>

        <dl className="facts">
          <div className="fact">
            <dt>Since</dt>
            <dd>
              <RelativeTime value={incident.createdAt} now={now} timeZone={timeZone} />
              <span className="fact-sub">{formatAbsolute(new Date(incident.createdAt), timeZone)}</span>
            </dd>
          </div>
          <div className="fact">
            <dt>Commander</dt>
            <dd>
              {incident.commander?.name ?? <strong className="fact-warn">Nobody leads yet</strong>}
              {incident.commsLead && <span className="fact-sub">Comms: {incident.commsLead.name}</span>}
            </dd>
          </div>
          <div className="fact">
            <dt>Next update</dt>
            <dd data-testid="next-update">
              {due.overdue ? <strong className="fact-warn overdue">{due.text}</strong> : due.text}
              {incident.nextUpdateDueAt && <span className="fact-sub">{formatAbsolute(new Date(incident.nextUpdateDueAt), timeZone)}</span>}
            </dd>
          </div>
        </dl>
        {incident.summary && <p className="prewrap">{incident.summary}</p>}

        <p className="visually-hidden" role="status" aria-live="polite">
          {message}
        </p>
        <p className="visually-hidden" role="status" aria-live="polite" data-testid="incident-live">
          {live}
        </p>
        <SubscribeButton kind="incident" id={incident.id} name={incident.title} />
        {mayAct && <IncidentControls incident={incident} onDone={done} />}
        {mayAct && <StatusUpdateComposer incident={incident} now={now} onDone={done} />}

        <div className="detail-grid">
          <section className="card stack" aria-labelledby="incident-timeline">
            <h2 id="incident-timeline">Timeline</h2>
            <IncidentTimeline incident={incident} now={now} timeZone={timeZone} mayNote={mayAct} onDone={done} />
          </section>
          <div className="stack">
            <AffectedServices incident={incident} mayAct={mayAct} onDone={done} />
            <IncidentPeople incident={incident} mayAct={mayAct} onDone={done} />
            <LinkedAlerts incident={incident} mayAct={mayAct} onDone={done} />
          </div>
        </div>
      </article>
    </>
  );
}

function BackLink() {
  return (
    <Link to="/incidents" className="back-link">
      ← Incidents
    </Link>
  );
}
