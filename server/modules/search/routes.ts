import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DEFAULT_RANKING, rankMatches } from '../../../matching';
import { Type, type TSchema } from '@sinclair/typebox';
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
    matchedWords: Type.Array(Type.String(), { description: 'readable words the query and the listing share' }),
    item,
  });
}

/** Free-text search over the public text of published listings, ranked by the matching engine. */
const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { researchOutputs, needs } = app.services;
  const tags = ['search'];

  /** Ranked by the one ranking path (rankMatches, text alone: a free query has no facts), same floor. */
  async function ranked<V>(kind: ListingKind, q: string, limit: number, views: (ids: string[]) => Promise<Map<string, V>>) {
    const hits = new Map(app.searchIndex.search(kind, q, Math.max(limit, DEFAULT_RANKING.candidates)).map((hit) => [hit.id, hit]));
    const order = rankMatches(() => [...hits.keys()], (id) => hits.get(id), { ...DEFAULT_RANKING, topK: limit });
    const byId = await views(order.map((match) => match.id));
    return order.flatMap(({ id }) => {
      const item = byId.get(id);
      const hit = hits.get(id)!;
      return item ? [{ similarity: hit.similarity, matchedWords: hit.sharedTerms.map((term) => term.word), item }] : [];
    });
  }

  app.get(
    '/api/search/research-outputs',
    { schema: { tags, querystring: SearchQuery, response: { 200: Type.Array(Hit(ResearchOutputView)), ...errorResponses(400) } } },
    async (request) => ranked('output', request.query.q, request.query.limit ?? 20, (ids) => researchOutputs.publishedViews(ids)),
  );

  app.get(
    '/api/search/needs',
    { schema: { tags, querystring: SearchQuery, response: { 200: Type.Array(Hit(NeedView)), ...errorResponses(400) } } },
    async (request) => ranked('need', request.query.q, request.query.limit ?? 20, (ids) => needs.publishedViews(ids)),
  );
};

export default searchRoutes;
