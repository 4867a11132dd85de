import { createHash } from 'node:crypto';
import { foldText, MatchIndex, type TextDoc } from '../../../matching';
import { HttpError } from '../../plugins/errors';
import { countryNames } from '../shared/country-names';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import type { InstitutionType } from './model';
import type { DirectoryHit, DirectoryQuery, IntermediaryView } from './schema';

// The directory's search, as pure functions over the loaded intermediaries (unit-tested).
//
// Why not the API's shared search index (server/modules/search)? That one holds tens of thousands
// of listings and is kept in step across instances through Redis pub/sub. The directory holds
// intermediaries: hundreds at most. So each query filters the loaded profiles by the structured
// fields and, with free text, ranks them with a fresh `matching/` MatchIndex (BM25, stemming,
// accent folding, synonyms) built over all of them: always current, nothing to keep in sync.
// Building that index costs far more than ranking with it (bench/directory.ts), so the service
// keeps the last one and reuses it while a fingerprint of every intermediary's text is unchanged.

export const INSTITUTION_TYPE_LABELS: Record<InstitutionType, string> = {
  tech_transfer_office: 'Technology transfer office',
  ip_office: 'IP office',
  chamber_of_commerce: 'Chamber of commerce',
  innovation_agency: 'Innovation agency',
  incubator: 'Incubator',
  other: 'Other support institution',
};

/** Where an intermediary works, as people name it: its regions, and its country's names ("Portugal"). */
function placeNames(view: IntermediaryView): string[] {
  return [view.region, ...view.regions, ...countryNames(view.country)].filter(Boolean);
}

/** The public text the directory searches: name as title; description, services, type, regions and country names as body. */
export function directoryText(view: IntermediaryView): TextDoc {
  const type = view.institutionType ? INSTITUTION_TYPE_LABELS[view.institutionType] : '';
  return { title: view.name, body: [view.description, view.services.join('. '), type, placeNames(view).join(', ')].filter(Boolean).join('\n') };
}

/** Whether an intermediary meets every structured filter of the query. */
export function meetsFilters(view: IntermediaryView, query: DirectoryQuery): boolean {
  if (query.type && view.institutionType !== query.type) return false;
  if (query.sector && !view.sectors.includes(query.sector)) return false;
  if (query.language && !view.languages.includes(query.language)) return false;
  if (query.country && view.country !== query.country.toUpperCase()) return false;
  if (query.region) {
    const wanted = foldText(query.region.trim());
    if (!placeNames(view).some((place) => foldText(place).includes(wanted))) return false;
  }
  return true;
}

interface Ranked {
  hit: DirectoryHit;
  /** Sort key: higher text score first (with q), then name A–Z, then id. */
  score: number;
}

/**
 * One page of the directory. Without q: every intermediary that meets the filters, A–Z by name.
 * With q: only those whose text matches, best first. The cursor holds the last item's sort key
 * (score, name, id), so the next page starts right after it even if the list changed meanwhile.
 */
export function searchDirectory(
  all: IntermediaryView[],
  query: DirectoryQuery,
  indexes: DirectoryIndexCache = new DirectoryIndexCache(),
): { items: DirectoryHit[]; next: string | null } {
  const limit = query.limit ?? 20;
  const candidates = all.filter((view) => meetsFilters(view, query));
  const index = query.q ? indexes.indexFor(all) : null;
  const ranked = index && query.q ? rankByText(index, candidates, query.q) : candidates.map((view) => ({ hit: { intermediary: view, matchedWords: [] }, score: 0 }));
  ranked.sort(compare);
  const start = query.cursor ? startAfter(ranked, query.cursor) : 0;
  const page = ranked.slice(start, start + limit);
  const last = page.at(-1);
  const next = start + limit < ranked.length && last ? encodeCursor(keyOf(last)) : null;
  if (index && query.q) explain(index, page, query.q);
  return { items: page.map((entry) => entry.hit), next };
}

/**
 * The text index over every intermediary (not only a query's candidates: word weights then stay
 * the same whatever the filters), rebuilt only when some intermediary's searchable text changed.
 */
export class DirectoryIndexCache {
  private fingerprint = '';
  private index = new MatchIndex();
  /** How many times an index was built (tests and the benchmark read it). */
  builds = 0;

  indexFor(all: IntermediaryView[]): MatchIndex {
    const texts = all.map((view) => [view.organizationId, directoryText(view)] as const);
    const hash = createHash('sha1');
    for (const [id, text] of texts) hash.update(`${id}\u0000${text.title}\u0000${text.body}\u0001`);
    const fingerprint = hash.digest('hex');
    if (fingerprint !== this.fingerprint || this.builds === 0) {
      const index = new MatchIndex();
      for (const [id, text] of texts) index.add(id, text);
      this.index = index;
      this.fingerprint = fingerprint;
      this.builds += 1;
    }
    return this.index;
  }
}

/** Every candidate the text matches, unexplained: explaining (shared words) costs more than ranking. */
function rankByText(index: MatchIndex, candidates: IntermediaryView[], q: string): Ranked[] {
  const wanted = new Map(candidates.map((view) => [view.organizationId, view]));
  const hits = index.search(q, { k: Math.max(1, wanted.size), filter: (id) => wanted.has(id), explain: false });
  return hits.flatMap((hit) => {
    const view = wanted.get(hit.id);
    if (!view || hit.score <= 0) return [];
    return [{ hit: { intermediary: view, matchedWords: [] }, score: round(hit.score) }];
  });
}

/** Similarity and shared words for the page's entries only: the same query, restricted to their ids. */
function explain(index: MatchIndex, page: Ranked[], q: string): void {
  const byId = new Map(page.map((entry) => [entry.hit.intermediary.organizationId, entry]));
  for (const hit of index.search(q, { k: Math.max(1, byId.size), filter: (id) => byId.has(id) })) {
    const entry = byId.get(hit.id);
    if (!entry) continue;
    entry.hit.similarity = hit.similarity;
    entry.hit.matchedWords = hit.sharedTerms.map((term) => term.word);
  }
}

/** Scores are rounded so that a cursor written as JSON compares equal to the score it came from. */
const round = (score: number) => Math.round(score * 1e6) / 1e6;

const names = new Intl.Collator('en');

function compare(a: Ranked, b: Ranked): number {
  const [x, y] = [a.hit.intermediary, b.hit.intermediary];
  return b.score - a.score || names.compare(x.name, y.name) || (x.organizationId < y.organizationId ? -1 : x.organizationId > y.organizationId ? 1 : 0);
}

function keyOf(entry: Ranked): { s: number; n: string; id: string } {
  return { s: entry.score, n: entry.hit.intermediary.name, id: entry.hit.intermediary.organizationId };
}

/** Index of the first entry after the cursor's key; a cursor that is not one of ours is a 400. */
function startAfter(ranked: Ranked[], cursor: string): number {
  const key = decodeCursor<{ s: number; n: string; id: string }>(cursor, ['s', 'n', 'id']);
  if (typeof key.s !== 'number' || typeof key.n !== 'string' || typeof key.id !== 'string') {
    throw new HttpError(400, 'bad_cursor', 'The cursor is not valid; start again from the first page.');
  }
  const probe: Ranked = { score: key.s, hit: { intermediary: { name: key.n, organizationId: key.id } as IntermediaryView, matchedWords: [] } };
  const index = ranked.findIndex((entry) => compare(probe, entry) < 0);
  return index === -1 ? ranked.length : index;
}
