import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AddIntegrationForm } from './AddIntegrationForm';
import { CreateTestAlertMutation, DeleteHeartbeatMutation, ServiceDetailQuery } from './documents';
import { HeartbeatForm } from './HeartbeatForm';
import { IntegrationCard } from './IntegrationCard';
import { MaintenanceSection } from './MaintenanceSection';
import { ServicePaging } from './ServicePaging';
import { SubscribeButton } from '../stakeholder/SubscribeButton';
import { HeartbeatRow } from '../heartbeats/HeartbeatRow';
import { OnCallList } from '../schedules/OnCallList';
import { byUrgency } from '../heartbeats/heartbeatState';
import type { HeartbeatFieldsFragment, ServiceDetailQuery as ServiceDetailResult } from '../../gql/graphql';
import { canManageIntegrations, canManageMaintenance, canManagePolicies, canRespond } from '../auth/permissions';
import { useViewer } from '../auth/useViewer';
import { useNow } from '../../time/useNow';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { NodePageState } from '../../ui/NodePageState';

type ServiceNode = Extract<NonNullable<ServiceDetailResult['node']>, { __typename: 'Service' }>;
const nodes = <T,>(c: { edges?: ({ node?: T | null } | null)[] | null }) => c.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [];

type HeartbeatEditing = { kind: 'create' } | { kind: 'edit'; heartbeat: HeartbeatFieldsFragment } | undefined;

/** A service: its integrations (doors for monitoring tools), heartbeats and maintenance windows. */
export function ServicePage() {
  const { id = '' } = useParams();
  const { viewer } = useViewer();
  const admin = canManageIntegrations(viewer?.role);
  const responder = canRespond(viewer?.role);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ServiceDetailQuery, variables: { id, withSnippets: responder } });
  const now = useNow();
  const timeZone = viewer?.timeZone ?? 'UTC';
  const [adding, setAdding] = useState(false);
  const [heartbeat, setHeartbeat] = useState<HeartbeatEditing>();
  const [removedHeartbeat, removeHeartbeat] = useMutation(DeleteHeartbeatMutation);
  const [testState, sendTest] = useMutation(CreateTestAlertMutation);
  const service = data?.node?.__typename === 'Service' ? (data.node as ServiceNode) : undefined;

  if (!service) {
    return (
      <NodePageState
        result={{ data, fetching, error }}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
        back={<BackLink />}
        loadingLabel="Loading the service"
        loadingRows={4}
        notFoundHeading="Service not found"
        notFoundTitle="There is no service with this address."
      >
        <p>
          It may have been deleted. Pick one from the <Link to="/services">services</Link>.
        </p>
      </NodePageState>
    );
  }

  const integrations = nodes(service.integrations);
  const heartbeats = byUrgency(nodes(service.heartbeats));
  const windows = nodes(service.maintenanceWindows);
  const test = testState.data?.createAlert;

  async function deleteHeartbeat(h: HeartbeatFieldsFragment) {
    if (!window.confirm(`Delete the heartbeat “${h.name}”? Jobs pinging it will get an error.`)) return;
    await removeHeartbeat({ id: h.id });
  }

  function sendTestAlert() {
    sendTest({
      input: {
        serviceID: service!.id,
        message: `Test alert for ${service!.name}`,
        priority: 'P5',
        tags: ['test'],
        description: `Raised by ${viewer?.name ?? 'someone'} from the service page to check who gets paged.`,
      },
    });
  }

  return (
    <>
      <BackLink />
      <div className="page-header">
        <div className="stack-tight">
          <h1>{service.name}</h1>
          <p className="muted">
            Team {service.team.name}
            {service.description && ` · ${service.description}`}
          </p>
        </div>
        <div className="page-actions">
          <SubscribeButton kind="service" id={service.id} name={service.name} />
          {responder && (
            <>
              <Link className="button" to={`/alerts?status=all&service=${service.id}`}>
                Alerts of this service
              </Link>
              <button type="button" className="button" onClick={sendTestAlert} disabled={testState.fetching} title="Raises a P5 alert on this service: on-call is paged as for a real one">
                Raise a test alert
              </button>
            </>
          )}
        </div>
      </div>
      {testState.error && <ErrorNotice error={testState.error} />}
      {test && (
        <div className="notice notice-success" role="status" data-testid="test-alert-result">
          <p>
            {test.deduplicated ? 'An open test alert existed; its count went up.' : `Test alert #${test.alert.tinyID} raised.`}{' '}
            <Link to={`/alerts/${test.alert.id}`}>Open it</Link>
          </p>
        </div>
      )}

      <ServicePaging
        serviceID={service.id}
        teamName={service.team.name}
        policy={service.escalationPolicy}
        highUrgencyUpTo={service.highUrgencyUpTo}
        manage={canManagePolicies(viewer?.role)}
      />

      <section className="stack" aria-labelledby="oncall-heading">
        <h2 id="oncall-heading">On call</h2>
        {service.onCall.length > 0 ? (
          <OnCallList items={service.onCall} now={now} timeZone={timeZone} label={`Who is paged for ${service.name}`} />
        ) : (
          <p className="muted">
            Team {service.team.name} has no schedule{service.escalationPolicy ? '' : ', so nobody would be paged'}. <Link to="/schedules">Create one</Link>.
          </p>
        )}
      </section>

      <section className="stack" aria-labelledby="integrations-heading">
        <div className="section-head">
          <h2 id="integrations-heading">
            Integrations <span className="count">{integrations.length}</span>
          </h2>
          {admin && (
            <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
              Add integration
            </button>
          )}
        </div>
        {integrations.length === 0 ? (
          <div className="empty">
            <p className="empty-title">No integrations yet.</p>
            <p className="empty-body">
              {admin
                ? 'Add one for each monitoring tool that should raise alerts here: you get a URL, a key and a ready-to-paste configuration.'
                : 'An administrator connects monitoring tools to this service.'}
            </p>
          </div>
        ) : (
          <ul className="card-list" aria-label="Integrations">
            {integrations.map((i) => (
              <IntegrationCard key={i.id} integration={i} serviceID={service.id} manage={admin} showSetup={responder} now={now} timeZone={timeZone} />
            ))}
          </ul>
        )}
      </section>

      <section className="stack" aria-labelledby="heartbeats-heading">
        <div className="section-head">
          <h2 id="heartbeats-heading">Heartbeats</h2>
          {admin && (
            <button type="button" className="button" onClick={() => setHeartbeat({ kind: 'create' })}>
              Add heartbeat
            </button>
          )}
        </div>
        {removedHeartbeat.error && <ErrorNotice error={removedHeartbeat.error} />}
        {heartbeats.length === 0 ? (
          <div className="empty">
            <p className="empty-title">No heartbeats.</p>
            <p className="empty-body">A heartbeat raises an alert when a job (a backup, a cron) stops pinging Tocsin in time.</p>
          </div>
        ) : (
          <ul className="list" aria-label="Heartbeats">
            {heartbeats.map((h) => (
              <HeartbeatRow
                key={h.id}
                heartbeat={h}
                now={now}
                timeZone={timeZone}
                onEdit={admin ? () => setHeartbeat({ kind: 'edit', heartbeat: h }) : undefined}
                onDelete={admin ? () => deleteHeartbeat(h) : undefined}
              />
            ))}
          </ul>
        )}
      </section>

      <MaintenanceSection serviceID={service.id} windows={windows} manage={canManageMaintenance(viewer?.role, viewer ? nodes(viewer.teams).map((t) => t.id) : [], service.team.id)} now={now} timeZone={timeZone} />

      <Dialog title="Add integration" open={adding} onClose={() => setAdding(false)}>
        {adding && <AddIntegrationForm serviceID={service.id} onDone={() => setAdding(false)} />}
      </Dialog>
      <Dialog title={heartbeat?.kind === 'edit' ? `Edit ${heartbeat.heartbeat.name}` : 'Add heartbeat'} open={heartbeat !== undefined} onClose={() => setHeartbeat(undefined)}>
        {heartbeat && <HeartbeatForm serviceID={service.id} heartbeat={heartbeat.kind === 'edit' ? heartbeat.heartbeat : undefined} onDone={() => setHeartbeat(undefined)} />}
      </Dialog>
    </>
  );
}

function BackLink() {
  return (
    <Link to="/services" className="back-link">
      ← Services
    </Link>
  );
}
