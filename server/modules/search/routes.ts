import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import { DEFAULT_RANKING, evidenceFor, rankMatches, type TextDoc } from '../../../matching';
import { needMatchingText } from '../needs/service';
import { outputMatchingText } from '../research-outputs/service';
import { NeedView } from '../needs/schema';
import { ResearchOutputView } from '../research-outputs/schema';
import { errorResponses } from '../shared/schema';
import type { ListingKind } from '../shared/listing-changes';

const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 2, maxLength: 500, description: 'words to look for in titles and public summaries' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);

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
   */
  async function ranked<V>(kind: ListingKind, q: string, limit: number, views: (ids: string[]) => Promise<Map<string, V>>, textOf: (view: V) => TextDoc) {
    const hits = new Map(app.searchIndex.search(kind, q, Math.max(limit, DEFAULT_RANKING.candidates)).map((hit) => [hit.id, hit]));
    const order = rankMatches(() => [...hits.keys()], (id) => hits.get(id), { ...DEFAULT_RANKING, topK: limit });
    const byId = await views(order.map((match) => match.id));
    return order.flatMap(({ id }) => {
      const item = byId.get(id);
      if (!item) return [];
      const hit = hits.get(id)!;
      const matchedWords = evidenceFor(hit.sharedTerms, { title: '', body: q }, textOf(item)).map((e) => e.output);
      return [{ similarity: hit.similarity, matchedWords, item }];
    });
  }

  app.get(
    '/api/search/research-outputs',
    { schema: { tags, querystring: SearchQuery, response: { 200: Type.Array(Hit(ResearchOutputView)), ...errorResponses(400) } } },
    async (request) => ranked('output', request.query.q, request.query.limit ?? 20, (ids) => researchOutputs.publishedViews(ids), outputMatchingText),
  );

  app.get(
    '/api/search/needs',
    { schema: { tags, querystring: SearchQuery, response: { 200: Type.Array(Hit(NeedView)), ...errorResponses(400) } } },
    async (request) => ranked('need', request.query.q, request.query.limit ?? 20, (ids) => needs.publishedViews(ids), needMatchingText),
  );
};

export default searchRoutes;
