import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../gql';
import type { AlertsChangedLiveSubscription } from '../gql/graphql';

export const AlertsChangedSubscription = graphql(`
  subscription AlertsChangedLive($filter: AlertsChangedFilter) {
    alertsChanged(filter: $filter) {
      ...AlertRow
    }
  }
`);

/** What the live alert hook hands on: the changed alert's row fields. */
export type LiveAlert = AlertsChangedLiveSubscription['alertsChanged'];

/**
 * Follows alert changes. urql's normalized cache updates every alert already
 * on screen by itself; onChange hears of each change (to announce it, or to
 * reload a list an alert it does not show has joined).
 */
export function useLiveAlerts(onChange: (a: LiveAlert) => void, pause = false) {
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  });
  const [{ data }] = useSubscription({ query: AlertsChangedSubscription, variables: { filter: null }, pause });
  const changed = data?.alertsChanged;
  useEffect(() => {
    if (changed) handler.current(changed);
  }, [changed]);
}
