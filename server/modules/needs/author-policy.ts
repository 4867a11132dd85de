import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import { requireOrgRole } from '../accounts/current-user';
import type { OrganizationDoc } from '../organizations/model';

/**
 * Who may post a need for an organization. Today: any member (admin or member) of that SME.
 *
 * EXTENSION POINT (issue 9): intermediaries will post on an SME's behalf. That check belongs here —
 * e.g. "the user belongs to an intermediary that holds a mandate from this SME" — and the need
 * will then also record the posting intermediary. Callers already pass the target organization,
 * so only this function and the need's fields change.
 */
export function assertMayPostNeedFor(user: CurrentUser, organization: OrganizationDoc): void {
  requireOrgRole(user, String(organization._id));
  if (organization.kind !== 'sme') {
    throw new HttpError(403, 'forbidden', `Only SMEs post technology needs; ${organization.name} is a ${organization.kind}.`);
  }
}
