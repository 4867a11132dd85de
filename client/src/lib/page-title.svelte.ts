// The tab title names what a detail page shows ("Sourdough shelf-life … · Matchbridge"), not
// only the kind of page: the route's title stands until the page knows its thing's name.
import { location } from './router.svelte';

const MAX_LENGTH = 60;
const named = $state<{ path: string | null; name: string }>({ path: null, name: '' });

/** The tab title for the route title `fallback`: the page's own name while it is on screen. */
export function documentTitle(fallback: string): string {
  const name = named.path === location.path ? named.name : fallback;
  return `${name} · Matchbridge`;
}

/** A long name cut at a word boundary with an ellipsis, so the site name stays visible in the tab. */
export function shortName(name: string, max = MAX_LENGTH): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')} …`;
}

/** Call in a page's script: once `name()` gives a name, the tab shows it while this page is on screen. */
export function nameThisPage(name: () => string | null | undefined): void {
  $effect(() => {
    const value = name();
    if (!value) return;
    named.path = location.path;
    named.name = shortName(value);
  });
}
