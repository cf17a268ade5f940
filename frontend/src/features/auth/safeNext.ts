/** The in-app path to go to after signing in (the start page by role when none); never another origin. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

/** Pages the server renders (the status pages) live outside the SPA's router: they need a full page load. */
export function isServerPage(path: string): boolean {
  return /^\/status(\/|$|\?)/.test(path);
}
