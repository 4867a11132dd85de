import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses } from '../shared/schema';
import { SectorDetail, SectorParams, SectorSummary } from './schema';

/** NACE Rev. 2 sectors: an index with counts, and a page per sector. Public. */
const sectorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { sectors } = app.services;
  const tags = ['sectors'];

  app.get(
    '/api/sectors',
    { schema: { tags, summary: 'Every NACE sector with its published outputs, needs and intermediaries counted', response: { 200: Type.Array(SectorSummary) } } },
    async () => sectors.index(),
  );

  app.get(
    '/api/sectors/:code',
    {
      schema: {
        tags,
        summary: "A sector's latest outputs (and publicly funded ones), needs, intermediaries and upcoming events",
        params: SectorParams,
        response: { 200: SectorDetail, ...errorResponses(400) },
      },
    },
    async (request) => sectors.detail(request.params.code),
  );
};

export default sectorRoutes;
