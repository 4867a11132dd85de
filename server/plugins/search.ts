import fp from 'fastify-plugin';
import { ListingSearchIndex, type ListingTextSource } from '../modules/search/search-index';
import { ListingSync } from '../modules/search/listing-sync';

declare module 'fastify' {
  interface FastifyInstance {
    searchIndex: ListingSearchIndex;
  }
}

/**
 * Each API process keeps a free-text index of published listings' public text: loaded at start (in the background),
 * refreshed on every write, and kept right across instances through Redis pub/sub.
 */
export default fp(
  async (app) => {
    const { researchOutputs, needs, listingChanges } = app.services;
    const source: ListingTextSource = {
      async *allPublished(kind) {
        const all = kind === 'output' ? researchOutputs.allPublishedForMatching() : needs.allPublishedForMatching();
        for await (const listing of all) yield { id: listing.id, text: listing.text };
      },
      async publishedText(kind, id) {
        const listing = kind === 'output' ? await researchOutputs.publishedForMatching(id) : await needs.publishedForMatching(id);
        return listing?.text ?? null;
      },
    };
    const index = new ListingSearchIndex(source);
    // Loads in the background: the API answers at once and search fills in within seconds.
    // Closing waits for the load, so nothing reads the database after the app is closed.
    const started = Date.now();
    const loading = index.loadAll().then(
      () => app.log.info({ ms: Date.now() - started, outputs: index.size('output'), needs: index.size('need') }, 'search index loaded'),
      (error: unknown) => app.log.error({ err: error }, 'search index failed to load; it reloads when Redis reconnects'),
    );
    const sync = new ListingSync(index, app.redis, `${app.config.QUEUE_PREFIX}:app`, (message, error) =>
      app.log.warn({ err: error }, message),
    );
    await sync.start();
    listingChanges.subscribe((kind, id) => sync.changed(kind, id));
    app.decorate('searchIndex', index);
    app.addHook('onClose', async () => {
      await sync.stop();
      await loading;
    });
  },
  { name: 'search', dependencies: ['services'] },
);
