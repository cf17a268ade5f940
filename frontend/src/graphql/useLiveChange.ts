import { useEffect, useRef } from 'react';
import { useSubscription, type AnyVariables, type TypedDocumentNode } from 'urql';

/**
 * Follows a change subscription (alertsChanged, incidentsChanged). urql's
 * normalized cache updates every row already on screen by itself; onChange
 * hears of each change (to announce it, or to reload a list the row joins
 * or leaves). pick takes the changed row out of a message.
 */
export function useLiveChange<Data, Variables extends AnyVariables, Row>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  pick: (data: Data) => Row | null | undefined,
  onChange: (row: Row) => void,
  pause = false,
) {
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  });
  const [{ data }] = useSubscription({ query, variables, pause });
  const changed = data ? pick(data) : undefined;
  useEffect(() => {
    if (changed) handler.current(changed);
  }, [changed]);
}
