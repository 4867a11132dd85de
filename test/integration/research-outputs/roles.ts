import type { FastifyInstance } from 'fastify';
import { addMember, anonymous, platformAdmin, userWithOrganization, type Client } from '../../helpers/api';

// The cast of an authorization matrix, shared by the research-output, need and access-request
// matrices. "owner" is the organization that owns the listing under test.

export const ROLES = [
  'anonymous',
  'platform admin',
  'owner-org admin',
  'owner-org member',
  'other university admin',
  'SME admin',
  'SME member',
  'intermediary',
] as const;
export type Role = (typeof ROLES)[number];

export interface Cast {
  clients: Record<Role, Client>;
  ownerOrganizationId: string;
  /** The organization each role acts for, if any (anonymous and the platform admin have none). */
  organizationOf: Partial<Record<Role, string>>;
}

/** Builds every role around an owner organization of `ownerKind` (the SME roles are another SME). */
export async function buildCast(app: FastifyInstance, ownerKind: 'university' | 'sme'): Promise<Cast> {
  const owner = await userWithOrganization(app, ownerKind);
  const ownerMember = await addMember(app, owner, owner.organizationId);
  const otherUniversity = await userWithOrganization(app, 'university');
  const sme = await userWithOrganization(app, 'sme');
  const smeMember = await addMember(app, sme, sme.organizationId);
  const intermediary = await userWithOrganization(app, 'intermediary');
  return {
    ownerOrganizationId: owner.organizationId,
    clients: {
      anonymous: anonymous(app),
      'platform admin': await platformAdmin(app),
      'owner-org admin': owner,
      'owner-org member': ownerMember,
      'other university admin': otherUniversity,
      'SME admin': sme,
      'SME member': smeMember,
      intermediary,
    },
    organizationOf: {
      'owner-org admin': owner.organizationId,
      'owner-org member': owner.organizationId,
      'other university admin': otherUniversity.organizationId,
      'SME admin': sme.organizationId,
      'SME member': sme.organizationId,
      intermediary: intermediary.organizationId,
    },
  };
}
