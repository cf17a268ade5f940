import { useEffect, useRef, useState } from 'react';
import { useLiveIncidents } from '../../graphql/useLiveIncidents';
import { incidentMatches, liveListAction, liveWords } from './liveList';
import type { IncidentFilter } from './statusFilter';

/**
 * Keeps a list of incidents live: rows update in place through the cache;
 * an incident joining or leaving the list reloads it (at most once a
 * second). Returns the last change in words, for an aria-live region.
 */
export function useLiveIncidentList(shownIDs: string[], filter: IncidentFilter, firstPage: boolean, reload: () => void): string {
  const [words, setWords] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveIncidents((i) => {
    const shown = shownIDs.includes(i.id);
    setWords(liveWords(i, shown));
    if (liveListAction(shown, incidentMatches(filter, i.status), firstPage) === 'reload' && !timer.current) {
      timer.current = setTimeout(() => {
        timer.current = undefined;
        reload();
      }, 1000);
    }
  });
  return words;
}
