import { describe, expect, it } from 'vitest';
import { DirectoryIndexCache, directoryText, meetsFilters, searchDirectory } from '../../../server/modules/intermediaries/directory';
import type { IntermediaryView } from '../../../server/modules/intermediaries/schema';

function intermediary(id: number, fields: Partial<IntermediaryView>): IntermediaryView {
  return {
    organizationId: id.toString(16).padStart(24, '0'),
    name: `Intermediary ${id}`,
    country: 'PT',
    region: '',
    website: '',
    description: '',
    hasProfile: true,
    institutionType: 'tech_transfer_office',
    services: [],
    sectors: ['C'],
    regions: [],
    languages: ['en'],
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    ...fields,
  };
}

const all = [
  intermediary(1, { name: 'Porto IP Helpdesk', institutionType: 'ip_office', services: ['patent search', 'trademark registration'], regions: ['Norte'], languages: ['pt', 'en'] }),
  intermediary(2, { name: 'Tyrol Chamber', institutionType: 'chamber_of_commerce', country: 'AT', services: ['innovation vouchers'], regions: ['Tirol', 'Vorarlberg'], languages: ['de'], sectors: ['I'] }),
  intermediary(3, { name: 'Aragon Patent Desk', institutionType: 'ip_office', country: 'ES', description: 'Patent searches for small firms.', services: ['patent search'], regions: ['Aragón'], languages: ['es'] }),
  intermediary(4, { name: 'Banat Incubator', institutionType: 'incubator', country: 'RO', services: ['mentoring'], regions: ['Timiș'], sectors: ['A'] }),
];
const names = (query: Parameters<typeof searchDirectory>[1]) => searchDirectory(all, query).items.map((hit) => hit.intermediary.name);

describe('intermediaries directory search', () => {
  it('lists A–Z without text', () => {
    expect(names({})).toEqual(['Aragon Patent Desk', 'Banat Incubator', 'Porto IP Helpdesk', 'Tyrol Chamber']);
  });

  it('applies each structured filter, folding accents and case in regions', () => {
    expect(names({ type: 'ip_office' })).toEqual(['Aragon Patent Desk', 'Porto IP Helpdesk']);
    expect(names({ sector: 'A' })).toEqual(['Banat Incubator']);
    expect(names({ language: 'de' })).toEqual(['Tyrol Chamber']);
    expect(names({ country: 'es' })).toEqual(['Aragon Patent Desk']);
    expect(names({ region: 'aragon' })).toEqual(['Aragon Patent Desk']);
    expect(names({ region: 'TIMIS' })).toEqual(['Banat Incubator']);
    expect(meetsFilters(all[0]!, { sector: 'C', language: 'pt', region: 'nor' })).toBe(true);
    // The country's name in the languages of the platform's users counts as a place served.
    expect(names({ region: 'Portugal' })).toEqual(['Porto IP Helpdesk']);
    expect(names({ region: 'österreich' })).toEqual(['Tyrol Chamber']);
    expect(names({ region: 'Espagne' })).toEqual(['Aragon Patent Desk']);
    expect(meetsFilters(all[0]!, { sector: 'C', language: 'de' })).toBe(false);
  });

  it('ranks by text, keeps only matches, and explains with shared words', () => {
    const hits = searchDirectory(all, { q: 'patent searches' }).items;
    expect(hits.map((hit) => hit.intermediary.name)).toEqual(['Aragon Patent Desk', 'Porto IP Helpdesk']);
    expect(hits[0]!.matchedWords).toContain('patent');
    expect(names({ q: 'patent', country: 'PT' })).toEqual(['Porto IP Helpdesk']);
    expect(names({ q: 'submarine' })).toEqual([]);
  });

  it('pages through every result exactly once with the cursor', () => {
    for (const q of [undefined, 'patent vouchers mentoring search']) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = searchDirectory(all, { q, limit: 1, cursor });
        seen.push(...page.items.map((hit) => hit.intermediary.name));
        cursor = page.next ?? undefined;
      } while (cursor);
      expect(seen).toEqual(searchDirectory(all, { q, limit: 50 }).items.map((hit) => hit.intermediary.name));
    }
  });

  it('a cursor survives an insert before it: the next page starts after the last one seen', () => {
    const first = searchDirectory(all, { limit: 2 });
    const grown = [...all, intermediary(5, { name: 'Alpha Agency' })];
    expect(searchDirectory(grown, { limit: 2, cursor: first.next! }).items.map((hit) => hit.intermediary.name)).toEqual(['Porto IP Helpdesk', 'Tyrol Chamber']);
  });

  it('refuses a cursor it did not write', () => {
    expect(() => searchDirectory(all, { cursor: Buffer.from('{"id":"x"}').toString('base64url') })).toThrow(expect.objectContaining({ statusCode: 400 }));
  });

  it('searches the name, description, services, type and regions', () => {
    const text = directoryText(all[1]!);
    expect(text.title).toBe('Tyrol Chamber');
    expect(text.body).toContain('innovation vouchers');
    expect(text.body).toContain('Chamber of commerce');
    expect(text.body).toContain('Vorarlberg');
    expect(text.body).toContain('Austria');
    expect(searchDirectory(all, { q: 'Portugal' }).items.map((hit) => hit.intermediary.name)).toEqual(['Porto IP Helpdesk']);
  });

  it('reuses the text index until some intermediary’s text changes, then ranks with the new text', () => {
    const cache = new DirectoryIndexCache();
    expect(searchDirectory(all, { q: 'patent' }, cache).items.length).toBe(2);
    searchDirectory(all, { q: 'vouchers', sector: 'I' }, cache);
    searchDirectory(all, { region: 'norte' }, cache); // no text: no index needed
    expect(cache.builds).toBe(1);
    const edited = all.map((view) => (view.name === 'Banat Incubator' ? { ...view, services: [...view.services, 'patent search'] } : view));
    expect(searchDirectory(edited, { q: 'patent' }, cache).items.map((hit) => hit.intermediary.name)).toContain('Banat Incubator');
    expect(cache.builds).toBe(2);
    const renamed = edited.map((view) => (view.name === 'Tyrol Chamber' ? { ...view, name: 'Tyrol Patent Chamber' } : view));
    expect(searchDirectory(renamed, { q: 'patent' }, cache).items.map((hit) => hit.intermediary.name)).toContain('Tyrol Patent Chamber');
    expect(cache.builds).toBe(3);
  });

  it('explains every hit on the page, also on later pages', () => {
    const first = searchDirectory(all, { q: 'patent search', limit: 1 });
    const second = searchDirectory(all, { q: 'patent search', limit: 1, cursor: first.next! });
    for (const hit of [...first.items, ...second.items]) {
      expect(hit.matchedWords).toContain('patent');
      expect(hit.similarity).toBeGreaterThan(0);
    }
  });
});
