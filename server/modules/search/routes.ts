import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DEFAULT_RANKING, evidenceFor, rankMatches, type TextDoc } from '../../../matching';
import { detectLanguage } from '../../../matching/lang/detect';
import { needMatchingText } from '../needs/service';
import { outputMatchingText } from '../research-outputs/service';
import { NeedView } from '../needs/schema';
import { ResearchOutputView } from '../research-outputs/schema';
import { LanguageSchema } from '../shared/listing-language';
import { errorResponses } from '../shared/schema';
import type { ListingKind } from '../shared/listing-changes';
import { Line } from '../shared/text';

const SearchQuery = Type.Object(
  {
    q: Line({ minLength: 2, maxLength: 500, description: 'words to look for in titles and public summaries' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
    lang: Type.Optional({ ...LanguageSchema, description: 'language of q; detected when absent (queries under 20 characters count as English)' }),
  },
  { additionalProperties: false },
);
type SearchQuery = Static<typeof SearchQuery>;

function Hit<T extends TSchema>(item: T) {
  return Type.Object({
    similarity: Type.Number({ description: '0–100, comparable across results' }),
    matchedWords: Type.Array(Type.String(), { description: 'words the listing shares with the query, as the listing writes them' }),
    item,
  });
}

/** Free-text search over the public text of published listings, ranked by the matching engine. */
const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { researchOutputs, needs } = app.services;
  const tags = ['search'];

  /**
   * Ranked by the one ranking path (rankMatches, text alone: a free query has no facts), same floor;
   * matched words are the listing's own, as written (evidence of query and listing, as for matches).
   * Listings in other languages are bridged to English, so a query in any language finds them.
   */
  async function ranked<V>(kind: ListingKind, query: SearchQuery, views: (ids: string[]) => Promise<Map<string, V>>, textOf: (view: V) => TextDoc) {
    const limit = query.limit ?? 20;
    const queryText: TextDoc = { title: '', body: query.q, lang: query.lang ?? detectLanguage(query.q) };
    const hits = new Map(app.searchIndex.search(kind, queryText, Math.max(limit, DEFAULT_RANKING.candidates)).map((hit) => [hit.id, hit]));
    const order = rankMatches(() => [...hits.keys()], (id) => hits.get(id), { ...DEFAULT_RANKING, topK: limit });
    const byId = await views(order.map((match) => match.id));
    return order.flatMap(({ id }) => {
      const item = byId.get(id);
      if (!item) return [];
      const hit = hits.get(id)!;
      const matchedWords = evidenceFor(hit.sharedTerms, queryText, textOf(item)).map((e) => e.output);
      return [{ similarity: hit.similarity, matchedWords, item }];
    });
  }

  app.get(
    '/api/search/research-outputs',
    { schema: { tags, querystring: SearchQuery, response: { 200: Type.Array(Hit(ResearchOutputView)), ...errorResponses(400) } } },
    async (request) => ranked('output', request.query, (ids) => researchOutputs.publishedViews(ids), outputMatchingText),
  );

  app.get(
    '/api/search/needs',
    { schema: { tags, querystring: SearchQuery, response: { 200: Type.Array(Hit(NeedView)), ...errorResponses(400) } } },
    async (request) => ranked('need', request.query, (ids) => needs.publishedViews(ids), needMatchingText),
  );
};

export default searchRoutes;
