import { useLiveChange } from './useLiveChange';
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

/** Follows alert changes. */
export function useLiveAlerts(onChange: (a: LiveAlert) => void, pause = false) {
  useLiveChange(AlertsChangedSubscription, { filter: null }, (d) => d.alertsChanged, onChange, pause);
}
