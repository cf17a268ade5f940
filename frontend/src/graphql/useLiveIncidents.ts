import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../gql';
import type { IncidentsChangedLiveSubscription } from '../gql/graphql';

export const IncidentsChangedSubscription = graphql(`
  subscription IncidentsChangedLive {
    incidentsChanged {
      ...IncidentRow
    }
  }
`);

/** What the live incident hook hands on: the changed incident's row fields. */
export type LiveIncident = IncidentsChangedLiveSubscription['incidentsChanged'];

/**
 * Follows incident changes (declared, status, severity, services, next
 * update due). urql's normalized cache updates every incident already on
 * screen by itself; onChange hears of each change, to announce it or to
 * reload a list it changes.
 */
export function useLiveIncidents(onChange: (i: LiveIncident) => void, pause = false) {
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  });
  const [{ data }] = useSubscription({ query: IncidentsChangedSubscription, pause });
  const changed = data?.incidentsChanged;
  useEffect(() => {
    if (changed) handler.current(changed);
  }, [changed]);
}
