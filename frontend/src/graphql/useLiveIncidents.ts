import { useLiveChange } from './useLiveChange';
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

/** Follows incident changes (declared, status, severity, services, next update due). */
export function useLiveIncidents(onChange: (i: LiveIncident) => void, pause = false) {
  useLiveChange(IncidentsChangedSubscription, {}, (d) => d.incidentsChanged, onChange, pause);
}
