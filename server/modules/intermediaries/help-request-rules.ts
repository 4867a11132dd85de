import { HttpError } from '../../plugins/errors';

// The life of a help request, as a pure table (unit-tested):
//   open ──accept──▶ accepted ──answer──▶ answered
//     │  └──────────answer──────────────▶ answered
//     └─decline─▶ declined (also from accepted)
//   open | accepted | answered ──close (the SME)──▶ closed
// The intermediary's side accepts, declines and answers; the SME's side closes.

export const HELP_REQUEST_STATUSES = ['open', 'accepted', 'answered', 'declined', 'closed'] as const;
export type HelpRequestStatus = (typeof HELP_REQUEST_STATUSES)[number];
export const HELP_REQUEST_ACTIONS = ['accept', 'decline', 'answer', 'close'] as const;
export type HelpRequestAction = (typeof HELP_REQUEST_ACTIONS)[number];
export type HelpRequestSide = 'intermediary' | 'sme';

const TABLE: Record<HelpRequestAction, { side: HelpRequestSide; from: readonly HelpRequestStatus[]; to: HelpRequestStatus }> = {
  accept: { side: 'intermediary', from: ['open'], to: 'accepted' },
  decline: { side: 'intermediary', from: ['open', 'accepted'], to: 'declined' },
  answer: { side: 'intermediary', from: ['open', 'accepted'], to: 'answered' },
  close: { side: 'sme', from: ['open', 'accepted', 'answered'], to: 'closed' },
};

/** Which side may take an action. */
export function sideOf(action: HelpRequestAction): HelpRequestSide {
  return TABLE[action].side;
}

/** The status after `action`, or a 409 that says why it is not possible now. */
export function nextHelpStatus(current: HelpRequestStatus, action: HelpRequestAction): HelpRequestStatus {
  const rule = TABLE[action];
  if (!rule.from.includes(current)) {
    throw new HttpError(409, 'invalid_transition', `A help request that is ${current} cannot be ${PAST[action]}; only one that is ${rule.from.join(' or ')}.`);
  }
  return rule.to;
}

/** Statuses in which an SME may not send another request for the same need to the same intermediary. */
export const ACTIVE_HELP_STATUSES: readonly HelpRequestStatus[] = ['open', 'accepted'];

const PAST: Record<HelpRequestAction, string> = { accept: 'accepted', decline: 'declined', answer: 'answered', close: 'closed' };
