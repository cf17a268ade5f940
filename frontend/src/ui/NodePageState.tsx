import type { ReactNode } from 'react';
import type { CombinedError } from '@urql/core';
import { EmptyState } from './EmptyState';
import { ErrorNotice } from './ErrorNotice';
import { SkeletonRows } from './Skeleton';

interface NodePageStateProps {
  /** The query behind the page: an error only counts when there is no data to show. */
  result: { data?: unknown; fetching: boolean; error?: CombinedError };
  onRetry: () => void;
  /** The way back to the list, shown above every state. */
  back: ReactNode;
  /** Screen-reader wording while loading, e.g. “Loading the alert”. */
  loadingLabel: string;
  loadingRows: number;
  /** The heading and empty-state title when the node does not exist. */
  notFoundHeading: string;
  notFoundTitle: string;
  /** What to do instead, under the not-found title. */
  children: ReactNode;
}

/** What a one-item page (alert, service) shows until it has its item: the error, a skeleton, or “not found”. */
export function NodePageState({ result, onRetry, back, loadingLabel, loadingRows, notFoundHeading, notFoundTitle, children }: NodePageStateProps) {
  const { data, fetching, error } = result;
  let body: ReactNode;
  if (error && !data) {
    body = <ErrorNotice error={error} onRetry={onRetry} />;
  } else if (!data && fetching) {
    body = (
      <>
        <div className="skeleton skeleton-title" aria-hidden="true" />
        <SkeletonRows rows={loadingRows} label={loadingLabel} />
      </>
    );
  } else {
    body = (
      <>
        <h1>{notFoundHeading}</h1>
        <EmptyState title={notFoundTitle}>{children}</EmptyState>
      </>
    );
  }
  return (
    <>
      {back}
      {body}
    </>
  );
}
