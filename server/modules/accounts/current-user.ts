import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../plugins/errors';
import type { OrgRole } from './model';

/** The signed-in user as routes and services see it: ids as strings, no password hash. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  platformAdmin: boolean;
  memberships: { organizationId: string; role: OrgRole }[];
}

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
    sessionToken: string | null;
  }
}

export function requireUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new HttpError(401, 'unauthorized', 'Sign in to do this.');
  return request.user;
}

export function requirePlatformAdmin(request: FastifyRequest): CurrentUser {
  const user = requireUser(request);
  if (!user.platformAdmin) throw new HttpError(403, 'forbidden', 'Only platform administrators can do this.');
  return user;
}

export function roleIn(user: CurrentUser | null, organizationId: string): OrgRole | null {
  return user?.memberships.find((membership) => membership.organizationId === organizationId)?.role ?? null;
}

/** Throws 403 unless the user belongs to the organization (as an admin when `role` is 'admin'). */
export function requireOrgRole(user: CurrentUser, organizationId: string, role: OrgRole = 'member'): void {
  const actual = roleIn(user, organizationId);
  if (actual === null || (role === 'admin' && actual !== 'admin')) {
    throw new HttpError(
      403,
      'forbidden',
      role === 'admin' ? 'Only administrators of this organization can do this.' : 'Only members of this organization can do this.',
    );
  }
}
