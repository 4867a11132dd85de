import { describe, expect, it } from 'vitest';
import { HELP_REQUEST_ACTIONS, HELP_REQUEST_STATUSES, nextHelpStatus, sideOf, type HelpRequestStatus } from '../../../server/modules/intermediaries/help-request-rules';

const ALLOWED: Record<string, HelpRequestStatus> = {
  'open accept': 'accepted',
  'open decline': 'declined',
  'open answer': 'answered',
  'open close': 'closed',
  'accepted decline': 'declined',
  'accepted answer': 'answered',
  'accepted close': 'closed',
  'answered close': 'closed',
};

describe('help request lifecycle', () => {
  for (const status of HELP_REQUEST_STATUSES) {
    for (const action of HELP_REQUEST_ACTIONS) {
      const expected = ALLOWED[`${status} ${action}`];
      it(`${status} + ${action} → ${expected ?? '409'}`, () => {
        if (expected) expect(nextHelpStatus(status, action)).toBe(expected);
        else expect(() => nextHelpStatus(status, action)).toThrow(expect.objectContaining({ statusCode: 409, code: 'invalid_transition' }));
      });
    }
  }

  it('declined and closed are final', () => {
    for (const action of HELP_REQUEST_ACTIONS) {
      expect(() => nextHelpStatus('declined', action)).toThrow();
      expect(() => nextHelpStatus('closed', action)).toThrow();
    }
  });

  it('the intermediary accepts, declines and answers; the SME closes', () => {
    expect(HELP_REQUEST_ACTIONS.map(sideOf)).toEqual(['intermediary', 'intermediary', 'intermediary', 'sme']);
  });
});
