import { useQuery } from 'urql';
import { ViewerQuery } from './documents';
import type { ViewerQuery as ViewerResult } from '../../gql/graphql';

export type Viewer = NonNullable<ViewerResult['viewer']>;

/**
 * The signed-in user from urql's cache. Pages below RequireViewer can rely on
 * it being loaded; elsewhere it may be undefined while fetching.
 */
export function useViewer() {
  const [{ data, fetching, error }] = useQuery({ query: ViewerQuery });
  return { viewer: data?.viewer ?? undefined, signedOut: data !== undefined && data.viewer === null, fetching, error };
}
