import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../server/modules/accounts/current-user';
import { assertPublishAllowed, consentDecision, isPosterMember } from '../../../server/modules/needs/on-behalf';

const SME = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const TTO = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const user = (...memberships: [string, 'admin' | 'member'][]): CurrentUser => ({
  id: 'cccccccccccccccccccccccc',
  email: 'someone@test.example',
  name: 'Someone',
  platformAdmin: false,
  memberships: memberships.map(([organizationId, role]) => ({ organizationId, role })),
});
const onBehalf = (consent: 'pending' | 'given' | 'refused' = 'pending') => ({ organizationId: SME, postedByOrganizationId: TTO, consent });
const fails = (fn: () => unknown, statusCode: number, code?: string) => expect(fn).toThrow(expect.objectContaining({ statusCode, ...(code ? { code } : {}) }));

describe('needs posted on an SME’s behalf: consent rules', () => {
  it('an SME admin gives or refuses consent to a pending need', () => {
    expect(consentDecision(user([SME, 'admin']), onBehalf(), 'give')).toBe('given');
    expect(consentDecision(user([SME, 'admin']), onBehalf(), 'refuse')).toBe('refused');
  });

  it('nobody else decides, and outsiders do not learn the need exists', () => {
    fails(() => consentDecision(user([SME, 'member']), onBehalf(), 'give'), 403);
    fails(() => consentDecision(user([TTO, 'admin']), onBehalf(), 'give'), 403);
    fails(() => consentDecision(user(), onBehalf(), 'give'), 404);
  });

  it('decides once, and only on needs an intermediary drafted', () => {
    fails(() => consentDecision(user([SME, 'admin']), onBehalf('given'), 'refuse'), 409, 'consent_decided');
    fails(() => consentDecision(user([SME, 'admin']), onBehalf('refused'), 'give'), 409, 'consent_decided');
    fails(() => consentDecision(user([SME, 'admin']), { organizationId: SME }, 'give'), 409, 'not_on_behalf');
  });

  it('publishing waits for consent; the SME’s own needs publish as before', () => {
    fails(() => assertPublishAllowed(onBehalf('pending')), 409, 'consent_required');
    fails(() => assertPublishAllowed(onBehalf('refused')), 409, 'consent_required');
    expect(() => assertPublishAllowed(onBehalf('given'))).not.toThrow();
    expect(() => assertPublishAllowed({ organizationId: SME })).not.toThrow();
  });

  it('knows the drafting intermediary’s members', () => {
    expect(isPosterMember(user([TTO, 'member']), onBehalf())).toBe(true);
    expect(isPosterMember(user([SME, 'admin']), onBehalf())).toBe(false);
    expect(isPosterMember(user([TTO, 'member']), { organizationId: SME })).toBe(false);
    expect(isPosterMember(null, onBehalf())).toBe(false);
  });
});
