import type { FastifyInstance } from 'fastify';
import { registerUser, verifyOrganization, type Client } from '../../helpers/api';

/** A valid directory profile; `overrides` replace fields. */
export function profileBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    institutionType: 'tech_transfer_office',
    services: ['patent search', 'licensing negotiation', 'research partner search'],
    sectors: ['C', 'M'],
    regions: ['Norte', 'Centro'],
    languages: ['pt', 'en'],
    contactName: 'Inês Sousa',
    contactEmail: 'help@minho-kto.example',
    contactPhone: '+351 253 000 000',
    ...overrides,
  };
}

/** A user who creates (and administers) an intermediary with the given organization fields and profile. */
export async function intermediaryWithProfile(
  app: FastifyInstance,
  organization: { name: string; country: string; region?: string; sectors?: string[]; description?: string },
  profile: Record<string, unknown> | null = {},
): Promise<Client & { organizationId: string }> {
  const admin = await registerUser(app, 'intermediary-admin');
  const created = await admin.post('/api/organizations', { kind: 'intermediary', sectors: [], ...organization });
  if (created.statusCode !== 201) throw new Error(`create intermediary failed: ${created.statusCode} ${created.body}`);
  const organizationId: string = created.json().id;
  await verifyOrganization(app, organizationId);
  if (profile) {
    const saved = await admin.request({ method: 'PUT', url: `/api/intermediaries/${organizationId}/profile`, payload: profileBody(profile) });
    if (saved.statusCode !== 200) throw new Error(`save profile failed: ${saved.statusCode} ${saved.body}`);
  }
  return { ...admin, organizationId };
}

export function putProfile(client: Client, organizationId: string, body: Record<string, unknown>) {
  return client.request({ method: 'PUT', url: `/api/intermediaries/${organizationId}/profile`, payload: body });
}
