import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../gql';

/** One timeline event as the live subscriptions send it. */
export type LiveTimelineEvent = { id: string; kind: string; visibility: string; actorName: string; createdAt: string; data: Record<string, unknown> };

export const IncidentTimelineSubscription = graphql(`
  subscription IncidentTimelineLive($id: ID!, $after: ID) {
    incidentTimeline(incidentId: $id, after: $after) {
      id
      kind
      visibility
      actorName
      createdAt
      data
    }
  }
`);

export const AlertTimelineSubscription = graphql(`
  subscription AlertTimelineLive($id: ID!, $after: ID) {
    alertTimeline(alertId: $id, after: $after) {
      id
      kind
      visibility
      actorName
      createdAt
      data
    }
  }
`);

/**
 * Follows the timeline of an incident or an alert and calls onEvent once
 * per new event, in order. `after` is the newest event id the page already
 * shows (from its query): the server first sends what came after it, so
 * nothing falls between the page load and the subscription. After a
 * reconnect graphql-ws subscribes again with the same `after`; the ids seen
 * are remembered so each event reaches onEvent once.
 *
 * The server re-reads each event as the viewer: stakeholders get only the
 * events meant for them.
 */
export function useLiveTimeline(target: { kind: 'incident' | 'alert'; id: string } | undefined, after: string | null, onEvent: (e: LiveTimelineEvent) => void) {
  const seen = useRef(new Set<string>());
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  // `after` counts only when the subscription starts: later page loads
  // must not restart it.
  const start = useRef(after);
  if (start.current === null && after !== null) start.current = after;
  const [{ data }] = useSubscription({
    query: target?.kind === 'alert' ? AlertTimelineSubscription : IncidentTimelineSubscription,
    variables: { id: target?.id ?? '', after: start.current },
    pause: !target,
  });
  const result = data as { incidentTimeline?: LiveTimelineEvent; alertTimeline?: LiveTimelineEvent } | undefined;
  const event = result?.incidentTimeline ?? result?.alertTimeline;
  useEffect(() => {
    if (!event || seen.current.has(event.id)) return;
    seen.current.add(event.id);
    handler.current(event);
  }, [event]);
}
