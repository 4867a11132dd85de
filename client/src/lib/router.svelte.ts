// A small history-API router: the current location as reactive state, path patterns with
// `:params`, and same-origin link clicks turned into client-side navigation.

export interface Location {
  path: string;
  query: URLSearchParams;
}

export const location = $state<Location>(read());

function read(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

function update(): void {
  const next = read();
  location.path = next.path;
  location.query = next.query;
}

/** Goes to `to` (a path with an optional query) without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  update();
  if (!options.replace) window.scrollTo(0, 0);
}

/** The parameters of `pattern` ("/organizations/:id") in `path`, or null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

/**
 * Intercepts clicks on same-origin links so they navigate in place. Links the server handles
 * itself (the API, the queue dashboard) opt out with `rel="external"` or `data-reload`.
 */
function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || !anchor.href || anchor.target || anchor.hasAttribute('download') || anchor.hasAttribute('data-reload')) return;
  if (anchor.relList.contains('external')) return;
  const url = new URL(anchor.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
  const samePage = url.pathname + url.search === window.location.pathname + window.location.search;
  if (samePage && url.hash) return; // in-page anchors, like the skip link, work natively
  event.preventDefault();
  if (!samePage) navigate(url.pathname + url.search + url.hash);
}

export function startRouter(): () => void {
  window.addEventListener('popstate', update);
  document.addEventListener('click', onClick);
  return () => {
    window.removeEventListener('popstate', update);
    document.removeEventListener('click', onClick);
  };
}
