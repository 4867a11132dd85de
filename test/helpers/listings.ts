import type { FastifyInstance } from 'fastify';
import type { CurrentUser } from '../../server/modules/accounts/current-user';
import type { CreateNeedBody } from '../../server/modules/needs/schema';
import type { CreateResearchOutputBody } from '../../server/modules/research-outputs/schema';
import { createServices } from '../../server/services';
import { pairKey, type MatchEntry } from '../../server/modules/matches/model';
import { needs } from '../../fixtures/seed/needs';
import { researchOutputs } from '../../fixtures/seed/research-outputs';
import { MatchListGenerations } from '../../server/modules/matches/generations';

const actor = (organizationId: string): CurrentUser => ({
  id: '5eed0000000000000000da7a',
  email: 'fixtures@test.example',
  name: 'Fixtures',
  platformAdmin: false,
  memberships: [{ organizationId, role: 'admin' }],
});

/**
 * Publishes the first `outputs` demo research outputs and `needCount` demo needs straight through
 * the services, on a services instance with no listeners: no match jobs are queued, so a test
 * controls exactly which jobs run.
 */
export async function publishDemoListings(app: FastifyInstance, outputCount: number, needCount: number) {
  const services = createServices({ mongo: app.mongo, redis: app.redis, config: app.config, log: () => undefined });
  const university = await services.organizations.insert({ kind: 'university', name: 'Fixture University', country: 'DE' }, { verified: true });
  const sme = await services.organizations.insert({ kind: 'sme', name: 'Fixture SME', country: 'DE', headcount: 20, annualTurnoverEur: 3_000_000 });
  const outputIds: string[] = [];
  for (const { orgKey: _orgKey, ...output } of researchOutputs.slice(0, outputCount)) {
    const created = await services.researchOutputs.create(actor(university.id), { ...output, organizationId: university.id } as CreateResearchOutputBody);
    await services.researchOutputs.transition(actor(university.id), created.id, 'publish');
    outputIds.push(created.id);
  }
  const needIds: string[] = [];
  for (const { orgKey: _orgKey, ...need } of needs.slice(0, needCount)) {
    const created = await services.needs.create(actor(sme.id), { ...need, organizationId: sme.id } as CreateNeedBody);
    await services.needs.transition(actor(sme.id), created.id, 'publish');
    needIds.push(created.id);
  }
  return { outputIds, needIds, universityId: university.id, smeId: sme.id };
}

/** Every stored match list as comparable rows (list, pair, score), sorted. */
export async function matchRows(app: FastifyInstance) {
  const lists = await (await new MatchListGenerations(app.mongo).current()).find({}).toArray();
  return lists
    .flatMap((list) => {
      const { own, incoming } = JSON.parse(list['entries'] as string) as { own: MatchEntry[]; incoming: Record<string, MatchEntry> };
      return [...own, ...Object.values(incoming)].map((entry) => `${String(list['_id'])} ${pairKey(entry)} ${entry.score}`);
    })
    .sort();
}
