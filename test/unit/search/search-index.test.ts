import { describe, expect, it } from 'vitest';
import type { TextDoc } from '../../../matching';
import { ListingSearchIndex, type ListingTextSource } from '../../../server/modules/search/search-index';
import type { ListingKind } from '../../../server/modules/shared/listing-changes';

/** A listing store in memory: what the services would return for published listings. */
function memorySource(): ListingTextSource & { published: Map<string, TextDoc> } {
  const published = new Map<string, TextDoc>();
  return {
    published,
    async *allPublished(kind: ListingKind) {
      for (const [key, text] of published) if (key.startsWith(`${kind}:`)) yield { id: key.slice(kind.length + 1), text };
    },
    async publishedText(kind: ListingKind, id: string) {
      return published.get(`${kind}:${id}`) ?? null;
    },
  };
}

describe('ListingSearchIndex', () => {
  it('loads published listings and finds them by their public words', async () => {
    const source = memorySource();
    source.published.set('output:a', { title: 'Heat recovery for industrial bakery ovens', body: 'Recovers waste heat from baking ovens.' });
    source.published.set('output:b', { title: 'Biodegradable food packaging film', body: 'A compostable film from starch.' });
    source.published.set('need:n', { title: 'Our ovens waste energy', body: 'Gas bills doubled.' });
    const index = new ListingSearchIndex(source);
    await index.loadAll();
    expect(index.size('output')).toBe(2);
    expect(index.size('need')).toBe(1);
    expect(index.search('output', 'oven heat', 5).map((hit) => hit.id)[0]).toBe('a');
  });

  it('follows a listing through publish, edit and archive', async () => {
    const source = memorySource();
    const index = new ListingSearchIndex(source);
    await index.loadAll();

    source.published.set('need:x', { title: 'Cold chain temperature logging', body: 'Trucks lose cooling.' });
    await index.refresh('need', 'x');
    expect(index.search('need', 'cold chain', 5).map((hit) => hit.id)).toEqual(['x']);

    source.published.set('need:x', { title: 'Dairy wastewater treatment', body: 'Whey in the effluent.' });
    await index.refresh('need', 'x');
    expect(index.search('need', 'cold chain', 5)).toEqual([]);
    expect(index.search('need', 'wastewater', 5).map((hit) => hit.id)).toEqual(['x']);

    source.published.delete('need:x');
    await index.refresh('need', 'x');
    expect(index.has('need', 'x')).toBe(false);
    expect(index.search('need', 'wastewater', 5)).toEqual([]);
  });

  it('keeps a listing published while a reload was reading the database', async () => {
    const source = memorySource();
    source.published.set('output:old', { title: 'Solar dryer for coffee beans', body: 'Dries beans with solar heat.' });
    // The reload reads a snapshot taken before the new listing was published.
    const snapshot = new Map(source.published);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowSource: ListingTextSource = {
      async *allPublished(kind) {
        await gate;
        for (const [key, text] of snapshot) if (key.startsWith(`${kind}:`)) yield { id: key.slice(kind.length + 1), text };
      },
      publishedText: (kind, id) => source.publishedText(kind, id),
    };
    const index = new ListingSearchIndex(slowSource);
    const loading = index.loadAll();
    source.published.set('output:new', { title: 'Vacuum cooling of baked bread', body: 'Cools loaves in minutes.' });
    await index.refresh('output', 'new');
    release();
    await loading;
    expect(index.search('output', 'vacuum cooling bread', 5).map((hit) => hit.id)).toEqual(['new']);
    expect(index.has('output', 'old')).toBe(true);
  });
});
