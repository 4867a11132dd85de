import { HttpError } from '../../plugins/errors';
import type { CurrentUser } from '../accounts/current-user';
import { requireOrgRole, roleIn } from '../accounts/current-user';
import type { ResearchOutputService } from '../research-outputs/service';
import type { AccessAuditLog } from './audit-log';
import type { ConfidentialDetailsView } from './schema';
import type { AccessRequestService } from './service';

export interface ConfidentialAccessServiceDeps {
  outputs: ResearchOutputService;
  accessRequests: AccessRequestService;
  audit: AccessAuditLog;
}

/** The one way to read confidential details, and the owner's view of who read them. */
export class ConfidentialAccessService {
  constructor(private readonly deps: ConfidentialAccessServiceDeps) {}

  /**
   * Owner-organization members read via 'owner'; members of an SME with a granted request via
   * 'grant'; everyone else gets a 403 (or the 404 of an output they cannot see at all). The audit
   * entry is written BEFORE the details are returned: a read that cannot be logged does not happen.
   */
  async read(user: CurrentUser, outputId: string): Promise<ConfidentialDetailsView> {
    const output = await this.deps.outputs.loadVisible(user, outputId);
    const ownerOrganizationId = String(output.organizationId);
    let entry: { via: 'owner' | 'grant'; organizationId: string; accessRequestId?: string; requestingOrganizationId?: string };
    if (roleIn(user, ownerOrganizationId)) {
      entry = { via: 'owner', organizationId: ownerOrganizationId };
    } else {
      const grant = await this.deps.accessRequests.grantFor(user, outputId);
      if (!grant) {
        throw new HttpError(
          403,
          'access_not_granted',
          'The confidential details are for the owner and SMEs whose access request was granted. Ask for access: POST /api/research-outputs/:id/access-requests.',
        );
      }
      const smeId = String(grant.requestingOrganizationId);
      entry = { via: 'grant', organizationId: smeId, accessRequestId: String(grant._id), requestingOrganizationId: smeId };
    }
    const readAt = await this.deps.audit.record({
      outputId,
      ownerOrganizationId,
      action: 'read',
      userId: user.id,
      userName: user.name,
      ...entry,
    });
    const confidentialDetails = await this.deps.outputs.confidentialDetailsOf(outputId);
    return { outputId, title: output.title, confidentialDetails, via: entry.via, readAt: readAt.toISOString() };
  }

  /** Members of the owning organization only (admins and members: both are accountable for the secret). */
  async auditLog(user: CurrentUser, outputId: string, query: { limit?: number; cursor?: string }) {
    const output = await this.deps.outputs.loadVisible(user, outputId);
    requireOrgRole(user, String(output.organizationId));
    return this.deps.audit.list(outputId, query);
  }
}
