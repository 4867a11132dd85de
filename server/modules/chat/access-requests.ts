import type { AccessRequestDoc, AccessRequestModel } from '../access-requests/model';
import type { AccessRequestPort } from './access';

/**
 * Adapter: the two organizations of a granted access request. Reads the request by `_id` only.
 * (AccessRequestService has no by-id reader yet; this is the one place the chat reads that model.)
 */
export function accessRequestParties(requests: AccessRequestModel): AccessRequestPort {
  return {
    async grantedParties(accessRequestId) {
      const doc = await requests.findById(accessRequestId).lean<AccessRequestDoc>();
      if (!doc || doc.status !== 'granted') return null;
      return [String(doc.ownerOrganizationId), String(doc.requestingOrganizationId)];
    },
  };
}
