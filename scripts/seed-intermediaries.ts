import type { CurrentUser } from '../server/modules/accounts/current-user';
import type { ProfileBody } from '../server/modules/intermediaries/schema';
import type { Services } from '../server/services';
import { intermediaries, intermediaryProfiles } from '../fixtures/seed/intermediaries';
import { progressBar } from './progress';

// Directory profiles of the demo intermediaries, and one demo help request so the demo
// intermediary account (Minho) finds something in its inbox.
const SEED_ACTOR: CurrentUser = { id: '5eed0000000000000000da7a', email: 'demo-data@matchbridge.example', name: 'Matchbridge demo data', platformAdmin: true, memberships: [] };

export async function seedIntermediaryProfiles(services: Services, orgIds: Map<string, string>): Promise<void> {
  const bar = progressBar('intermediary profiles', intermediaryProfiles.length);
  const sectorsOf = new Map(intermediaries.map((organization) => [organization.key, organization.sectors]));
  for (const { orgKey, type, sectors, ...profile } of intermediaryProfiles) {
    const organizationId = orgIds.get(orgKey);
    if (!organizationId) throw new Error(`intermediary profile names unknown organization ${orgKey}`);
    const body = { ...profile, institutionType: type, sectors: sectors ?? sectorsOf.get(orgKey) ?? [] } as ProfileBody;
    await services.intermediaries.saveProfile(SEED_ACTOR, organizationId, body);
    bar.tick();
  }
  await seedHelpRequest(services, orgIds);
}

async function seedHelpRequest(services: Services, orgIds: Map<string, string>): Promise<void> {
  const smeId = orgIds.get('sme-tinturaria-ave');
  const intermediaryId = orgIds.get('int-minho-tto');
  if (!smeId || !intermediaryId) return;
  const sme: CurrentUser = { ...SEED_ACTOR, platformAdmin: false, memberships: [{ organizationId: smeId, role: 'admin' }] };
  const [need] = (await services.needs.list(sme, { mine: true, organizationId: smeId, limit: 1 })).items;
  if (!need) return;
  await services.helpRequests.create(sme, intermediaryId, {
    smeOrganizationId: smeId,
    needId: need.id,
    message: 'We are a dye house near Guimarães. Could you introduce us to a university lab that has worked on this, and tell us whether an innovation voucher would cover a first study?',
  });
}
