import { api, type OrganizationKind, type OrganizationView } from './api';
import { session } from './session.svelte';

/** The signed-in user's organizations, optionally only those of some kinds. */
export async function myOrganizations(kinds?: OrganizationKind[]): Promise<OrganizationView[]> {
  const memberships = session.user?.memberships ?? [];
  const organizations = await Promise.all(memberships.map((m) => api.organizations.get(m.organizationId)));
  return kinds ? organizations.filter((organization) => kinds.includes(organization.kind)) : organizations;
}

export const OUTPUT_OWNER_KINDS: OrganizationKind[] = ['university', 'government'];
export const NEED_OWNER_KINDS: OrganizationKind[] = ['sme'];
