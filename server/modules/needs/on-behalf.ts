import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import { requireOrgRole, roleIn } from '../accounts/current-user';
import type { NewNotification } from '../notifications/service';
import type { OrganizationDoc } from '../organizations/model';
import type { ConsentState } from './model';

// Needs an intermediary drafts on an SME's behalf (issue 9). The intermediary writes the draft,
// an admin of the SME gives or refuses consent, and only consent publishes it. Until then the
// need is a draft: visible to the SME's members and the intermediary's members, nobody else.

/** What a need carries about who posted it; absent fields mean "the SME's own need". */
export interface OnBehalfFields {
  organizationId: unknown;
  postedByOrganizationId?: unknown;
  consent?: ConsentState | null;
}

/** Who may draft a need for an SME as an intermediary: any member of that intermediary. */
export function assertMayDraftOnBehalf(user: CurrentUser, sme: OrganizationDoc, intermediary: OrganizationDoc): void {
  requireOrgRole(user, String(intermediary._id));
  if (intermediary.kind !== 'intermediary') {
    throw new HttpError(403, 'forbidden', `Only intermediaries post needs on an SME's behalf; ${intermediary.name} is a ${intermediary.kind}.`);
  }
  if (sme.kind !== 'sme') {
    throw new HttpError(403, 'forbidden', `Needs are posted on behalf of SMEs only; ${sme.name} is a ${sme.kind}.`);
  }
}

/** Whether the user belongs to the intermediary that drafted this need (false for the SME's own needs). */
export function isPosterMember(user: CurrentUser | null, need: OnBehalfFields): boolean {
  return need.postedByOrganizationId != null && roleIn(user, String(need.postedByOrganizationId)) !== null;
}

/** Publishing an on-behalf need goes through consent: the SME's members are told that an admin's consent publishes it. */
export function assertPublishAllowed(need: OnBehalfFields): void {
  if (need.postedByOrganizationId == null || need.consent === 'given') return;
  throw new HttpError(409, 'consent_required', 'This need was drafted by an intermediary: an admin of your organization publishes it by giving consent.');
}

/** The consent decision's checks: on-behalf need, SME admin, still pending. Returns the new state. */
export function consentDecision(user: CurrentUser, need: OnBehalfFields, decision: 'give' | 'refuse'): ConsentState {
  const organizationId = String(need.organizationId);
  if (roleIn(user, organizationId) === null) {
    if (isPosterMember(user, need)) throw new HttpError(403, 'forbidden', 'Only an admin of the SME can give or refuse consent; you drafted this need.');
    throw new HttpError(404, 'not_found', 'No need with this id.');
  }
  if (need.postedByOrganizationId == null) {
    throw new HttpError(409, 'not_on_behalf', 'This need was posted by your organization itself; there is no consent to give.');
  }
  requireOrgRole(user, organizationId, 'admin');
  if (need.consent !== 'pending') {
    throw new HttpError(409, 'consent_decided', `Consent was already ${need.consent === 'given' ? 'given' : 'refused'} for this need.`);
  }
  return decision === 'give' ? 'given' : 'refused';
}

/** Notifications of the on-behalf flow (both sides are told each step). */
export const onBehalfNotice = {
  drafted: (needId: string, title: string, intermediary: string, round: number): NewNotification => ({
    type: 'on_behalf_need',
    title: `${intermediary} drafted a need on your behalf: “${title}”`,
    body: 'It stays a private draft until an admin of your organization gives consent, which publishes it.',
    link: `/needs/${needId}`,
    dedupeKey: `on-behalf:${needId}:drafted:${round}`,
  }),
  decided: (needId: string, title: string, sme: string, state: ConsentState, round: number): NewNotification => ({
    type: 'on_behalf_need',
    title: state === 'given' ? `${sme} consented: “${title}” is published` : `${sme} refused to publish “${title}”`,
    body: state === 'given' ? 'The need is now public, shown as posted by you on their behalf.' : 'You can revise the draft; saving it asks them again.',
    link: `/needs/${needId}`,
    dedupeKey: `on-behalf:${needId}:${state}:${round}`,
  }),
};
