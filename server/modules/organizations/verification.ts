import { HttpError } from '../../plugins/errors';

/**
 * Organization verification rules, pure. Universities, government labs, intermediaries and
 * organizers speak with an institution's authority (they publish research, receive NDA requests,
 * run events, appear in directories), so a platform admin checks them before they go public.
 * SMEs stay self-service: they speak only for themselves, so they are `not_required`.
 */
export const VERIFIED_KINDS = ['university', 'government', 'intermediary', 'organizer'] as const;
export const VERIFICATION_STATUSES = ['pending', 'verified', 'rejected', 'not_required'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export function isSubjectToVerification(kind: string): boolean {
  return (VERIFIED_KINDS as readonly string[]).includes(kind);
}

export function initialVerification(kind: string): VerificationStatus {
  return isSubjectToVerification(kind) ? 'pending' : 'not_required';
}

/**
 * Filter for organizations that may appear in public directories. Organizations stored before
 * verification existed have no status and count as listed (they were already public).
 */
export const LISTED_FILTER: Record<string, unknown> = { verificationStatus: { $nin: ['pending', 'rejected'] } };

/** True when the organization may act publicly (publish, receive access requests, run events). */
export function isCleared(status: string | null | undefined): boolean {
  return status !== 'pending' && status !== 'rejected';
}

/** 403 unless the organization is verified (or not subject to verification). `action` completes "cannot …". */
export function requireCleared(organization: { name: string; verificationStatus?: string | null }, action: string): void {
  if (isCleared(organization.verificationStatus)) return;
  const why = organization.verificationStatus === 'rejected' ? 'its verification was rejected' : 'it is not verified yet';
  throw new HttpError(403, 'organization_unverified', `${organization.name} cannot ${action}: ${why}. A platform administrator verifies organizations; drafts can be prepared meanwhile.`);
}

/** Lower case, accents and punctuation dropped, spaces collapsed: "Université  Côte-d'Azur" → "universite cote d azur". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The key a unique (sparse) index holds: one name per country among the organizations subject to
 * verification. SMEs and rejected organizations hold none, so a rejected impostor frees the name.
 */
export function nameKeyOf(kind: string, country: string, name: string): string | undefined {
  return isSubjectToVerification(kind) ? `${country.toUpperCase()}:${normalizeName(name)}` : undefined;
}

/** Does the e-mail's domain equal the web domain or lie under it (jane@cs.uni.example vs uni.example)? */
export function emailDomainMatches(email: string, webDomain: string): boolean | null {
  const domain = bareDomain(webDomain);
  const mailDomain = email.split('@')[1]?.toLowerCase() ?? '';
  if (!domain || !mailDomain) return null;
  return mailDomain === domain || mailDomain.endsWith(`.${domain}`);
}

/** "https://www.Uni.example/about" → "uni.example". */
export function bareDomain(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^www\./, '');
}

/**
 * A unique index refused the write. MongoDB answers 11000; FerretDB 1.x answers 11000 for an
 * insert but code 1 with SQLite's "UNIQUE constraint failed" for an update.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: number; message?: string };
  return code === 11000 || (code === 1 && /UNIQUE constraint failed|duplicate key/i.test(message ?? ''));
}
