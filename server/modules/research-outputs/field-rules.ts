import type { IpStatus } from '../../../matching/taxonomy';
import { HttpError } from '../../plugins/errors';

/** IP statuses that are registered rights with a number an SME can look up. */
export const NUMBERED_IP_STATUSES: readonly IpStatus[] = ['patent_granted', 'patent_pending', 'utility_model'];

export interface CrossFieldValues {
  ipStatus: IpStatus;
  patentNumber?: string | null | undefined;
  governmentFunded?: boolean | null | undefined;
  fundingProgramme?: string | null | undefined;
}

/**
 * Rules that span two fields, checked on the merged record (current values plus a patch):
 * a patent or utility model needs its number, and only government-funded outputs name a funding
 * programme. A value the patch supplies in breach is a 400 naming it; a stale value the patch
 * made meaningless (the number of a patent switched to `open`) is returned in `unset` to clear.
 */
export function checkCrossFieldRules(merged: CrossFieldValues, supplied: Partial<CrossFieldValues>): { unset: (keyof CrossFieldValues)[] } {
  const unset: (keyof CrossFieldValues)[] = [];
  const numbered = NUMBERED_IP_STATUSES.includes(merged.ipStatus);
  if (numbered && !merged.patentNumber) {
    throw fieldError('patentNumber', `A research output with IP status ${merged.ipStatus} needs its patentNumber (e.g. "EP 3 456 789 B1").`);
  }
  if (!numbered && merged.patentNumber) {
    if (supplied.patentNumber) {
      throw fieldError('patentNumber', `patentNumber only applies to ${NUMBERED_IP_STATUSES.join(', ')}; this output's IP status is ${merged.ipStatus}.`);
    }
    unset.push('patentNumber');
  }
  if (!merged.governmentFunded && merged.fundingProgramme) {
    if (supplied.fundingProgramme) {
      throw fieldError('fundingProgramme', 'fundingProgramme only applies to government-funded outputs; set governmentFunded to true as well.');
    }
    unset.push('fundingProgramme');
  }
  return { unset };
}

function fieldError(field: string, message: string): HttpError {
  return new HttpError(400, 'validation_failed', message, [{ field, message }]);
}
