import { HttpError } from '../../plugins/errors';
import { requireOrgRole, roleIn, type CurrentUser } from '../accounts/current-user';
import type { OrganizationView } from '../organizations/schema';

// Who may do what with an organization's diagnostics. Reports describe an SME's weaknesses, so
// only its own members — and platform administrators, who support them — ever read them.

/** Taking the diagnostic (saving answers, submitting): members of the SME itself. */
export function assertMayTake(user: CurrentUser, organization: OrganizationView): void {
  requireOrgRole(user, organization.id);
  if (organization.kind !== 'sme') {
    throw new HttpError(403, 'forbidden', `The IP diagnostic is for SMEs; ${organization.name} is a ${organization.kind}.`);
  }
}

/** Reading an organization's draft and history: its members and platform administrators. */
export function assertMayRead(user: CurrentUser, organizationId: string): void {
  if (user.platformAdmin) return;
  requireOrgRole(user, organizationId);
}

/** Whether a report may be shown; others get a 404, so a report id reveals nothing. */
export function mayReadReport(user: CurrentUser, organizationId: string): boolean {
  return user.platformAdmin || roleIn(user, organizationId) !== null;
}
