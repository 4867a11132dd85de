import type { MeetingStatus } from './model';

/** The meeting request's state machine: which side may move it from which status to which. */
export type MeetingAction = 'accept' | 'decline' | 'cancel';
export type MeetingRole = 'requester' | 'recipient' | 'organizer';

const TRANSITIONS: Record<MeetingAction, { from: MeetingStatus[]; to: MeetingStatus; by: MeetingRole[] }> = {
  accept: { from: ['pending'], to: 'accepted', by: ['recipient'] },
  decline: { from: ['pending'], to: 'declined', by: ['recipient'] },
  // Either side may call off a request or a meeting; the organizer may cancel one on their behalf.
  cancel: { from: ['pending', 'accepted'], to: 'cancelled', by: ['requester', 'recipient', 'organizer'] },
};

/** A pending request past its expiry is expired whether or not the sweep has stored that yet. */
export function effectiveStatus(meeting: { status: MeetingStatus; expiresAt?: Date | null }, now: Date): MeetingStatus {
  if (meeting.status === 'pending' && meeting.expiresAt && meeting.expiresAt.getTime() <= now.getTime()) return 'expired';
  return meeting.status;
}

const PAST: Record<MeetingAction, string> = { accept: 'accepted', decline: 'declined', cancel: 'cancelled' };

export type TransitionCheck = { ok: true; to: MeetingStatus } | { ok: false; status: 403 | 409; message: string };

export function checkTransition(action: MeetingAction, status: MeetingStatus, roles: MeetingRole[]): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!roles.some((role) => rule.by.includes(role))) {
    const who = rule.by.includes('requester') ? 'the two sides or the organizers' : 'the person who received the request';
    return { ok: false, status: 403, message: `Only ${who} can ${action} this meeting.` };
  }
  if (!rule.from.includes(status)) {
    return { ok: false, status: 409, message: `This meeting is ${status}; only a ${rule.from.join(' or ')} one can be ${PAST[action]}.` };
  }
  return { ok: true, to: rule.to };
}

/** Statuses that count against the request cap and block a second request between the same two people. */
export const OPEN_STATUSES: MeetingStatus[] = ['pending', 'accepted'];
