import { describe, expect, it } from 'vitest';
import { checkCrossFieldRules } from '../../../server/modules/research-outputs/field-rules';
import { isVisible, nextStatus, trlRange, visibilityFilter } from '../../../server/modules/research-outputs/listing';

const status = (error: unknown) => (error as { statusCode?: number }).statusCode;
const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('listing lifecycle', () => {
  it.each([
    ['draft', 'publish', 'published'],
    ['draft', 'archive', 'archived'],
    ['published', 'archive', 'archived'],
    ['archived', 'publish', 'published'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('refuses repeating a transition with 409', () => {
    expect(status(thrown(() => nextStatus('published', 'publish')))).toBe(409);
    expect(status(thrown(() => nextStatus('archived', 'archive')))).toBe(409);
  });

  it('shows drafts and archived listings to owners only', () => {
    expect(isVisible('published', false)).toBe(true);
    expect(isVisible('draft', false)).toBe(false);
    expect(isVisible('archived', false)).toBe(false);
    expect(isVisible('archived', true)).toBe(true);
  });

  it('lists published listings publicly and needs a user for mine', () => {
    expect(visibilityFilter(null, undefined, undefined)).toEqual({ status: 'published' });
    expect(status(thrown(() => visibilityFilter(null, true, undefined)))).toBe(401);
    expect(status(thrown(() => visibilityFilter(null, false, 'draft')))).toBe(400);
  });

  it('builds TRL ranges and refuses an inverted one', () => {
    expect(trlRange('trl', undefined, undefined)).toEqual({});
    expect(trlRange('minTrl', 3, 5)).toEqual({ minTrl: { $gte: 3, $lte: 5 } });
    expect(trlRange('trl', 5, 5)).toEqual({ trl: { $gte: 5, $lte: 5 } });
    expect(status(thrown(() => trlRange('trl', 6, 5)))).toBe(400);
  });
});

describe('research output cross-field rules', () => {
  it('needs a number for patents and utility models', () => {
    for (const ipStatus of ['patent_granted', 'patent_pending', 'utility_model'] as const) {
      expect(status(thrown(() => checkCrossFieldRules({ ipStatus }, {})))).toBe(400);
      expect(checkCrossFieldRules({ ipStatus, patentNumber: 'EP 1' }, {})).toEqual({ unset: [] });
    }
  });

  it('refuses a supplied number or programme that does not apply, and clears stale ones', () => {
    expect(status(thrown(() => checkCrossFieldRules({ ipStatus: 'open', patentNumber: 'EP 1' }, { patentNumber: 'EP 1' })))).toBe(400);
    expect(checkCrossFieldRules({ ipStatus: 'open', patentNumber: 'EP 1' }, { ipStatus: 'open' })).toEqual({ unset: ['patentNumber'] });
    expect(status(thrown(() => checkCrossFieldRules({ ipStatus: 'open', fundingProgramme: 'H2020' }, { fundingProgramme: 'H2020' })))).toBe(400);
    expect(checkCrossFieldRules({ ipStatus: 'open', governmentFunded: false, fundingProgramme: 'H2020' }, { governmentFunded: false })).toEqual({
      unset: ['fundingProgramme'],
    });
  });
});
