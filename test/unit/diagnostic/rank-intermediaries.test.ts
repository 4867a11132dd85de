import { describe, expect, it } from 'vitest';
import type { IntermediaryView } from '../../../server/modules/intermediaries/schema';
import { rankIntermediaries } from '../../../server/modules/diagnostic/links';

function intermediary(name: string, fields: Partial<IntermediaryView> = {}): IntermediaryView {
  return {
    organizationId: name.padEnd(24, '0').slice(0, 24),
    name,
    country: 'DE',
    region: '',
    website: '',
    description: '',
    hasProfile: true,
    services: [],
    sectors: [],
    regions: [],
    languages: [],
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    ...fields,
  };
}

describe('rankIntermediaries', () => {
  const sme = { region: 'Rostock', sectors: ['C'] };

  it('puts those serving the region first, then IP advisers, then shared sectors, then names', () => {
    const ranked = rankIntermediaries(
      [
        intermediary('Zeta chamber', { institutionType: 'chamber_of_commerce', sectors: ['C'] }),
        intermediary('Alpha incubator', { institutionType: 'incubator' }),
        intermediary('Hamburg IP office', { institutionType: 'ip_office' }),
        intermediary('Beta chamber', { institutionType: 'chamber_of_commerce', regions: ['Rostock', 'Schwerin'] }),
        intermediary('Rostock TTO', { institutionType: 'tech_transfer_office', region: 'Rostock (Mecklenburg)' }),
      ],
      sme,
    );
    expect(ranked.map((r) => [r.name, r.servesYourRegion])).toEqual([
      ['Rostock TTO', true],
      ['Beta chamber', true],
      ['Hamburg IP office', false],
      ['Zeta chamber', false],
      ['Alpha incubator', false],
    ]);
  });

  it('matches regions regardless of accents and case, and serves no region when the company has none', () => {
    expect(rankIntermediaries([intermediary('Office', { regions: ['MÜNCHEN'] })], { region: 'munchen', sectors: [] })[0]?.servesYourRegion).toBe(true);
    expect(rankIntermediaries([intermediary('Office', { regions: ['Rostock'] })], { region: '', sectors: [] })[0]?.servesYourRegion).toBe(false);
  });
});
