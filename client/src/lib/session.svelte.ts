// Who is signed in. Loaded once at start; sign-in, sign-out and joining an organization update it.
import { api, type UserView } from './api';

export const session = $state<{ user: UserView | null; ready: boolean; error: string | null }>({ user: null, ready: false, error: null });

export async function loadSession(): Promise<void> {
  try {
    session.user = await api.auth.me();
    session.error = null;
  } catch (error) {
    session.user = null;
    session.error = error instanceof Error ? error.message : String(error);
  } finally {
    session.ready = true;
  }
}

export function setUser(user: UserView | null): void {
  session.user = user;
  session.error = null;
}

export function isOrgAdmin(organizationId: string): boolean {
  return session.user?.memberships.some((m) => m.organizationId === organizationId && m.role === 'admin') ?? false;
}

export function isMember(organizationId: string): boolean {
  return session.user?.memberships.some((m) => m.organizationId === organizationId) ?? false;
}
