import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AcknowledgeAlertsMutation, AlertsQuery, CloseAlertsMutation } from './documents';
import { AlertFiltersBar } from './AlertFiltersBar';
import { AlertRow } from './AlertRow';
import { BulkBar } from './BulkBar';
import { bulkOutcome } from './bulkOutcome';
import { coverage, useSelection } from './selection';
import { alertListWhere, hasNarrowing, parseAlertFilters } from './statusFilter';
import { canRespond } from '../auth/permissions';
import { AddToIncidentForm } from '../incidents/AddToIncidentForm';
import { DeclareIncidentForm } from '../incidents/DeclareIncidentForm';
import type { IncidentChoice } from '../incidents/IncidentPicker';
import { useViewer } from '../auth/useViewer';
import { OnCallPanel } from '../schedules/OnCallPanel';
import { PageHeader } from '../shell/PageHeader';
import { useNow } from '../../time/useNow';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SkeletonRows } from '../../ui/Skeleton';
import { useLiveAlerts } from '../../graphql/useLiveAlerts';
import { Tick } from '../../ui/Tick';

const PAGE = 50;

const statusWords: Record<string, string> = { OPEN: 'open', ACKED: 'acknowledged', CLOSED: 'closed' };

export function AlertsPage() {
  const [params] = useSearchParams();
  const filters = parseAlertFilters(params);
  // "Show older" pages belong to one filter; a new filter starts from the top.
  const listKey = JSON.stringify(filters);
  const [page, setPage] = useState<{ key: string; after: string | null }>({ key: listKey, after: null });
  const after = page.key === listKey ? page.after : null;
  // "Last hour" counts back from when the filter was chosen, so the query stays put while the clock ticks.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- listKey is filters, serialised
  const where = useMemo(() => alertListWhere(filters, new Date()), [listKey]);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AlertsQuery, variables: { first: PAGE, after, where } });
  const { viewer } = useViewer();
  const responder = canRespond(viewer?.role);
  const now = useNow();
  const alerts = useMemo(() => data?.alerts.edges?.flatMap((e) => (e?.node ? [e.node] : [])) ?? [], [data]);
  const visible = useMemo(() => alerts.filter((a) => a.status !== 'CLOSED').map((a) => a.id), [alerts]);
  const { selection, ids, toggle, toggleAll, clear } = useSelection(visible);
  const [ackState, acknowledge] = useMutation(AcknowledgeAlertsMutation);
  const [closeState, close] = useMutation(CloseAlertsMutation);
  const [message, setMessage] = useState('');
  // The ticked alerts grouped into an incident: declared (the form goes to
  // its page) or added to an ongoing one (linked from the notice).
  const [grouping, setGrouping] = useState<'declare' | 'link'>();
  const [joined, setJoined] = useState<IncidentChoice>();
  const busy = ackState.fetching || closeState.fetching;
  const actionError = ackState.error ?? closeState.error;
  const timeZone = viewer?.timeZone ?? 'UTC';

  async function act(kind: 'acknowledge' | 'close', targets: string[], note: string) {
    if (targets.length === 0) return;
    const before = new Map(alerts.map((a) => [a.id, a.status]));
    const variables = { ids: targets, note: note || null };
    const changed =
      kind === 'acknowledge' ? (await acknowledge(variables)).data?.acknowledgeAlerts : (await close(variables)).data?.closeAlerts;
    if (!changed) return;
    setJoined(undefined);
    setMessage(bulkOutcome(kind, changed.map((a) => ({ id: a.id, before: before.get(a.id), after: a.status, message: a.message }))));
    clear();
  }

  function added(incident: IncidentChoice) {
    setGrouping(undefined);
    setJoined(incident);
    setMessage(`Added ${ids.length === 1 ? '1 alert' : `${ids.length} alerts`} to the incident “${incident.title}”.`);
    clear();
  }

  // Live: changed alerts on screen update through the cache; an alert the
  // first page does not show yet reloads it (at most once a second).
  const [live, setLive] = useState('');
  const reload = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(reload.current), []);
  useLiveAlerts((a) => {
    if (alerts.some((x) => x.id === a.id)) {
      setLive(`Alert #${a.tinyID} is now ${statusWords[a.status] ?? a.status.toLowerCase()}: ${a.message}`);
      return;
    }
    if (after !== null || a.status === 'CLOSED') return;
    setLive(`New alert #${a.tinyID}: ${a.message}`);
    if (!reload.current) {
      reload.current = setTimeout(() => {
        reload.current = undefined;
        refetch({ requestPolicy: 'network-only' });
      }, 1000);
    }
  });

  const ticked = coverage(selection, visible);

  return (
    <>
      <PageHeader title="Alerts" count={data?.alerts.totalCount} />
      <OnCallPanel />
      <AlertFiltersBar filters={filters} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="alerts-live">
        {live}
      </p>
      {message && (
        <div className="notice notice-success flash">
          <p aria-hidden="true">{message}</p>
          {joined && <Link to={`/incidents/${joined.id}`}>Open the incident “{joined.title}”</Link>}
        </div>
      )}
      {actionError && <ErrorNotice error={actionError} />}
      {responder && ids.length > 0 && (
        <BulkBar
          count={ids.length}
          busy={busy}
          onAcknowledge={(note) => act('acknowledge', ids, note)}
          onClose={(note) => act('close', ids, note)}
          onDeclare={() => setGrouping('declare')}
          onAddToIncident={() => setGrouping('link')}
          onClear={clear}
        />
      )}
      <Dialog title="Declare an incident" open={grouping === 'declare' && ids.length > 0} onClose={() => setGrouping(undefined)}>
        <DeclareIncidentForm inDialog alerts={alerts.filter((a) => selection.has(a.id))} onCancel={() => setGrouping(undefined)} />
      </Dialog>
      <Dialog title="Add to an incident" open={grouping === 'link' && ids.length > 0} onClose={() => setGrouping(undefined)}>
        <AddToIncidentForm inDialog alertIDs={ids} onDone={added} onCancel={() => setGrouping(undefined)} />
      </Dialog>
      {error && !data && <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && fetching && <SkeletonRows label="Loading alerts" />}
      {data && alerts.length === 0 && (
        <EmptyState
          title={
            hasNarrowing(filters)
              ? 'No alerts match these filters.'
              : filters.status === 'active'
                ? 'All quiet: no open or acknowledged alerts.'
                : 'No alerts here.'
          }
        >
          <p>
            {hasNarrowing(filters)
              ? 'Try fewer words or filters, or look in All.'
              : 'Alerts arrive from your monitoring integrations. Switch to All to see closed alerts.'}
          </p>
        </EmptyState>
      )}
      {alerts.length > 0 && (
        <div className="list-frame">
          {responder && visible.length > 0 && (
            <div className="list-head">
              <Tick checked={ticked === 'all'} indeterminate={ticked === 'some'} onChange={toggleAll} label="Select every open or acknowledged alert shown" />
              <span className="muted list-hint" aria-hidden="true">
                {ticked === 'none' ? 'Select all' : `${ids.length} of ${visible.length} selected`}
              </span>
              <span className="muted list-hint-long">
                {ticked === 'none' ? 'Select to act on several' : `${ids.length} of ${visible.length} selected`} · keys: <kbd>x</kbd> select, <kbd>a</kbd> acknowledge,{' '}
                <kbd>r</kbd> close
              </span>
            </div>
          )}
          <ul className="list" aria-label="Alerts, newest first" aria-busy={fetching}>
            {alerts.map((a) => (
              <AlertRow
                key={a.id}
                alert={a}
                now={now}
                timeZone={timeZone}
                selectColumn={responder && visible.length > 0}
                actions={
                  responder && a.status !== 'CLOSED'
                    ? {
                        selected: selection.has(a.id),
                        onToggle: () => toggle(a.id),
                        onAcknowledge: () => act('acknowledge', [a.id], ''),
                        onClose: () => act('close', [a.id], ''),
                      }
                    : undefined
                }
              />
            ))}
          </ul>
        </div>
      )}
      {data?.alerts.pageInfo.hasNextPage && (
        <button type="button" className="button load-more" disabled={fetching} onClick={() => setPage({ key: listKey, after: data.alerts.pageInfo.endCursor ?? null })}>
          {fetching ? 'Loading…' : 'Show older alerts'}
        </button>
      )}
    </>
  );
}

