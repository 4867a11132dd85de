import type { CurrentUser } from '../server/modules/accounts/current-user';
import type { CreateNeedBody } from '../server/modules/needs/schema';
import type { CreateResearchOutputBody } from '../server/modules/research-outputs/schema';
import type { Services } from '../server/services';
import { needs } from '../fixtures/seed/needs';
import { researchOutputs } from '../fixtures/seed/research-outputs';
import { progressBar } from './progress';

// The demo listings are authored by a fixed "demo data" identity rather than by a demo account,
// so removing a demo account never orphans them.
const SEED_AUTHOR_ID = '5eed0000000000000000da7a';

function actingFor(organizationId: string): CurrentUser {
  return {
    id: SEED_AUTHOR_ID,
    email: 'demo-data@matchbridge.example',
    name: 'Matchbridge demo data',
    platformAdmin: false,
    memberships: [{ organizationId, role: 'admin' }],
  };
}

function organizationIdOf(orgIds: Map<string, string>, key: string): string {
  const id = orgIds.get(key);
  if (!id) throw new Error(`seed listing names unknown organization ${key}`);
  return id;
}

/** Creates and publishes every demo research output and need through the listing services. */
export async function seedListings(services: Services, orgIds: Map<string, string>): Promise<void> {
  const outputsBar = progressBar('research outputs', researchOutputs.length);
  for (const { orgKey, ...output } of researchOutputs) {
    const organizationId = organizationIdOf(orgIds, orgKey);
    const actor = actingFor(organizationId);
    const created = await services.researchOutputs.create(actor, { ...output, organizationId } as CreateResearchOutputBody);
    await services.researchOutputs.transition(actor, created.id, 'publish');
    outputsBar.tick();
  }
  const needsBar = progressBar('needs', needs.length);
  for (const { orgKey, ...need } of needs) {
    const organizationId = organizationIdOf(orgIds, orgKey);
    const actor = actingFor(organizationId);
    const created = await services.needs.create(actor, { ...need, organizationId } as CreateNeedBody);
    await services.needs.transition(actor, created.id, 'publish');
    needsBar.tick();
  }
}
