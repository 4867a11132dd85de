import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { detectLanguage } from '../../../matching/lang/detect';
import { NeedView } from '../needs/schema';
import { ResearchOutputView } from '../research-outputs/schema';
import { LanguageSchema } from '../shared/listing-language';
import { errorResponses } from '../shared/schema';
import type { ListingKind } from '../shared/listing-changes';

const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 2, maxLength: 500, description: 'words to look for in titles and public summaries' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
    lang: Type.Optional({ ...LanguageSchema, description: 'language of q; detected when absent (queries under 20 characters count as English)' }),
  },
  { additionalProperties: false },
);
type SearchQuery = Static<typeof SearchQuery>;

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

  async function ranked<V>(kind: ListingKind, query: SearchQuery, views: (ids: string[]) => Promise<Map<string, V>>) {
    // Listings in other languages are bridged to English, so a query in any language finds them.
    const lang = query.lang ?? detectLanguage(query.q);
    const hits = app.searchIndex.search(kind, { title: '', body: query.q, lang }, query.limit ?? 20);
    const byId = await views(hits.map((hit) => hit.id));
    return hits.flatMap((hit) => {
      const item = byId.get(hit.id);
      return item ? [{ similarity: hit.similarity, matchedWords: hit.sharedTerms.map((term) => term.word), item }] : [];
    });
  }

  app.get(
    '/api/search/research-outputs',
    { schema: { tags, querystring: SearchQuery, response: { 200: Type.Array(Hit(ResearchOutputView)), ...errorResponses(400) } } },
    async (request) => ranked('output', request.query, (ids) => researchOutputs.publishedViews(ids)),
  );

  app.get(
    '/api/search/needs',
    { schema: { tags, querystring: SearchQuery, response: { 200: Type.Array(Hit(NeedView)), ...errorResponses(400) } } },
    async (request) => ranked('need', request.query, (ids) => needs.publishedViews(ids)),
  );
};

export default searchRoutes;
