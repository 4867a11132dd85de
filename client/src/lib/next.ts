/** The local path to continue to after signing in: `?next=` when it is a path on this site. */
export function nextPath(query: URLSearchParams, fallback = '/my/organization'): string {
  const next = query.get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
