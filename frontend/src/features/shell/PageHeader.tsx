import type { ReactNode } from 'react';

/** The page title, an optional count, and the page's main action on the right. */
export function PageHeader({ title, count, actions }: { title: string; count?: number; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>
        {title}
        {count !== undefined && <span className="count" aria-label={`, ${count} in total`}>{count}</span>}
      </h1>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}
