import { describe, expect, it } from 'vitest';
import { bareDomain, emailDomainMatches, isCleared, isUniqueViolation, nameKeyOf, normalizeName } from '../../../server/modules/organizations/verification';

describe('verification rules', () => {
  it('normalizes names without case, accents, punctuation or extra spaces', () => {
    expect(normalizeName("  Université  Côte-d'Azur ")).toBe('universite cote d azur');
    expect(normalizeName('TECHNISCHE UNIVERSITÄT MÜNCHEN')).toBe(normalizeName('Technische Universitat Munchen'));
    expect(normalizeName('Straße der Forschung')).toBe('strasse der forschung');
    expect(normalizeName('Vilniaus universitetas')).not.toBe(normalizeName('Kauno universitetas'));
  });

  it('keys names per country for the kinds subject to verification only', () => {
    expect(nameKeyOf('university', 'fr', 'Université Côte d’Azur')).toBe('FR:universite cote d azur');
    expect(nameKeyOf('organizer', 'FR', 'UNIVERSITE COTE D AZUR')).toBe('FR:universite cote d azur');
    expect(nameKeyOf('sme', 'FR', 'Boulangerie Martin')).toBeUndefined();
  });

  it('hints whether the e-mail domain is the web domain or lies under it', () => {
    expect(bareDomain('https://www.Uni-Rostock.de/en/about?x=1')).toBe('uni-rostock.de');
    expect(emailDomainMatches('jane@uni-rostock.de', 'https://www.uni-rostock.de')).toBe(true);
    expect(emailDomainMatches('jane@informatik.uni-rostock.de', 'uni-rostock.de')).toBe(true);
    expect(emailDomainMatches('jane@evil-uni-rostock.de', 'uni-rostock.de')).toBe(false);
    expect(emailDomainMatches('jane@gmail.com', 'uni-rostock.de')).toBe(false);
    expect(emailDomainMatches('jane@uni-rostock.de', '')).toBeNull();
  });

  it('clears verified, self-service and older organizations, not pending or rejected ones', () => {
    expect([isCleared('verified'), isCleared('not_required'), isCleared(undefined), isCleared('pending'), isCleared('rejected')]).toEqual([true, true, true, false, false]);
  });

  it('recognises a unique-index refusal from MongoDB and from FerretDB’s update path', () => {
    expect(isUniqueViolation({ code: 11000, message: 'E11000 duplicate key error' })).toBe(true);
    expect(isUniqueViolation({ code: 1, message: "constraint failed: UNIQUE constraint failed: index 'organizations_x_nameKey_1' (2067)" })).toBe(true);
    expect(isUniqueViolation({ code: 1, message: 'something else' })).toBe(false);
    expect(isUniqueViolation(new Error('boom'))).toBe(false);
  });
});
