import { describe, expect, it } from 'vitest';
import { checkTransition, effectiveStatus } from '../../../server/modules/events/meeting-states';
import { DEFAULT_GROUPS, DEFAULT_MEETING_RULES } from '../../../server/modules/events/model';
import { canMeet, groupAndRuleProblems, groupForKind } from '../../../server/modules/events/rules';

describe('who can meet whom', () => {
  it('puts each organization kind in its group and lets intermediaries meet anyone by default', () => {
    expect(groupForKind(DEFAULT_GROUPS, 'sme')?.key).toBe('smes');
    expect(groupForKind(DEFAULT_GROUPS, 'government')?.key).toBe('intermediaries');
    expect(groupForKind([DEFAULT_GROUPS[0]!], 'university')).toBeNull();
    expect(canMeet(DEFAULT_MEETING_RULES, 'smes', 'universities')).toBe(true);
    expect(canMeet(DEFAULT_MEETING_RULES, 'universities', 'smes')).toBe(true); // rules are symmetric
    expect(canMeet(DEFAULT_MEETING_RULES, 'smes', 'smes')).toBe(false);
    expect(canMeet(DEFAULT_MEETING_RULES, 'universities', 'universities')).toBe(false);
    for (const group of ['smes', 'universities', 'intermediaries']) expect(canMeet(DEFAULT_MEETING_RULES, 'intermediaries', group)).toBe(true);
  });

  it('reports duplicate keys, kinds in two groups and rules naming unknown groups', () => {
    expect(groupAndRuleProblems(DEFAULT_GROUPS, DEFAULT_MEETING_RULES)).toEqual([]);
    const problems = groupAndRuleProblems(
      [
        { key: 'a', label: 'A', organizationKinds: ['sme'] },
        { key: 'a', label: 'B', organizationKinds: ['sme'] },
      ],
      [{ groupA: 'a', groupB: 'z' }],
    );
    expect(problems).toEqual([
      'Group key "a" is used twice.',
      'Organization kind "sme" is in both "a" and "a"; put it in one group.',
      'Meeting rule names group "z", which does not exist.',
    ]);
  });
});

describe('meeting request state machine', () => {
  it('lets only the recipient accept or decline a pending request', () => {
    expect(checkTransition('accept', 'pending', ['recipient'])).toEqual({ ok: true, to: 'accepted' });
    expect(checkTransition('decline', 'pending', ['recipient'])).toEqual({ ok: true, to: 'declined' });
    expect(checkTransition('accept', 'pending', ['requester'])).toMatchObject({ ok: false, status: 403 });
    expect(checkTransition('accept', 'pending', ['organizer'])).toMatchObject({ ok: false, status: 403 });
    expect(checkTransition('accept', 'accepted', ['recipient'])).toMatchObject({ ok: false, status: 409, message: 'This meeting is accepted; only a pending one can be accepted.' });
  });

  it('lets either side or an organizer cancel a pending request or an accepted meeting, nothing else', () => {
    for (const role of ['requester', 'recipient', 'organizer'] as const) {
      expect(checkTransition('cancel', 'pending', [role])).toEqual({ ok: true, to: 'cancelled' });
      expect(checkTransition('cancel', 'accepted', [role])).toEqual({ ok: true, to: 'cancelled' });
    }
    for (const status of ['declined', 'cancelled', 'expired'] as const) expect(checkTransition('cancel', status, ['requester'])).toMatchObject({ ok: false, status: 409 });
    expect(checkTransition('cancel', 'pending', [])).toMatchObject({ ok: false, status: 403 });
  });

  it('treats a pending request past its expiry as expired, and nothing else', () => {
    const now = new Date('2027-03-10T12:00:00Z');
    expect(effectiveStatus({ status: 'pending', expiresAt: new Date('2027-03-10T12:00:00Z') }, now)).toBe('expired');
    expect(effectiveStatus({ status: 'pending', expiresAt: new Date('2027-03-10T12:00:01Z') }, now)).toBe('pending');
    expect(effectiveStatus({ status: 'accepted', expiresAt: new Date('2027-03-09T00:00:00Z') }, now)).toBe('accepted');
    expect(effectiveStatus({ status: 'pending', expiresAt: null }, now)).toBe('pending');
  });
});
