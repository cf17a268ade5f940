/** Grey placeholder rows shaped like the list that is loading. */
export function SkeletonRows({ rows = 5, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div className="skeleton-list" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label}…</span>
      {Array.from({ length: rows }, (_, i) => (
        <div className="skeleton-row" key={i} aria-hidden="true">
          <span className="skeleton skeleton-badge" />
          <span className="skeleton skeleton-line" style={{ width: `${55 + ((i * 17) % 35)}%` }} />
          <span className="skeleton skeleton-short" />
        </div>
      ))}
    </div>
  );
}

/** What the whole app shows while it finds out who is signed in. */
export function PageSkeleton() {
  return (
    <div className="page-skeleton">
      <div className="skeleton-header" aria-hidden="true" />
      <main className="page">
        <SkeletonRows rows={6} />
      </main>
    </div>
  );
}
