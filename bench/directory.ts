// Directory search cost per request (server/modules/intermediaries/directory.ts). A text query
// needs a MatchIndex over all intermediaries; the service reuses it while their text is unchanged.
// At growing directory sizes, compares a filter-only request (the baseline), a text query on the
// cached index (the usual request: fingerprint + rank), and a text query that must rebuild the
// index (the first request after a profile changed). Prints one JSON object; logs go to stderr.
//   npm run bench:directory
import type { IntermediaryView } from '../server/modules/intermediaries/schema';

// `natural` (under matching/) prints dotenv banners on stdout unless told otherwise, and static
// imports would load it before this line runs: the modules that use it are imported dynamically.
process.env['DOTENV_CONFIG_QUIET'] = 'true';
const { DirectoryIndexCache, searchDirectory } = await import('../server/modules/intermediaries/directory');
const { intermediaries, intermediaryProfiles } = await import('../fixtures/seed/intermediaries');
type View = IntermediaryView;

const QUERIES = ['patent search', 'innovation vouchers for food companies', 'licensing negotiation support', 'pilot plant access medical devices', 'EU funding advice'];
const SIZES = [23, 250, 2500];

function directoryOf(size: number): View[] {
  const profiles = new Map(intermediaryProfiles.map((p) => [p.orgKey, p]));
  return Array.from({ length: size }, (_, i) => {
    const organization = intermediaries[i % intermediaries.length]!;
    const profile = profiles.get(organization.key)!;
    return {
      organizationId: i.toString(16).padStart(24, '0'), name: `${organization.name} ${Math.floor(i / intermediaries.length) || ''}`.trim(), country: organization.country,
      region: organization.region, website: organization.website, description: organization.description, hasProfile: true, institutionType: profile.type,
      services: profile.services, sectors: organization.sectors as View['sectors'], regions: profile.regions, languages: profile.languages,
      contactName: '', contactEmail: profile.contactEmail, contactPhone: '',
    };
  });
}

/** Mean time per call after a warm-up of the same length (the JIT and the analyzers' caches settle first). */
function msPerCall(fn: () => unknown, minMs = 1000): number {
  for (let start = performance.now(); performance.now() - start < minMs / 2; ) fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minMs || calls < 5) {
    fn();
    calls += 1;
  }
  return (performance.now() - start) / calls;
}

const results = SIZES.map((size) => {
  const all = directoryOf(size);
  const cache = new DirectoryIndexCache();
  let q = 0;
  const next = () => QUERIES[q++ % QUERIES.length]!;
  searchDirectory(all, { q: next() }, cache); // warm up the analyzers once
  const filterOnlyMs = msPerCall(() => searchDirectory(all, { sector: 'C', limit: 20 }, cache));
  const cachedTextQueryMs = msPerCall(() => searchDirectory(all, { q: next(), limit: 20 }, cache));
  const rebuildTextQueryMs = msPerCall(() => searchDirectory(all, { q: next(), limit: 20 }, new DirectoryIndexCache()));
  process.stderr.write(`size ${size}: filter ${filterOnlyMs.toFixed(3)} ms, cached text ${cachedTextQueryMs.toFixed(3)} ms, rebuilding text ${rebuildTextQueryMs.toFixed(3)} ms (builds ${cache.builds})\n`);
  return {
    size,
    filterOnlyMs: round(filterOnlyMs),
    cachedTextQueryMs: round(cachedTextQueryMs),
    rebuildTextQueryMs: round(rebuildTextQueryMs),
    cachedSpeedup: round(rebuildTextQueryMs / cachedTextQueryMs),
    cachedBuilds: cache.builds,
  };
});

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

process.stdout.write(`${JSON.stringify({ bench: 'directory', baseline: 'filterOnlyMs', queries: QUERIES.length, results })}\n`);
