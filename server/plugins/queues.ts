import fp from 'fastify-plugin';
import type { Queue } from 'bullmq';
import { bullConnection, createQueue, enqueue, QUEUE_NAMES, type QueueName } from '../../workers/queues';

declare module 'fastify' {
  interface FastifyInstance {
    queues: Record<QueueName, Queue>;
  }
}

/**
 * The API's side of BullMQ: it only adds jobs. Every listing write enqueues a match job, so
 * matches are computed in the workers, never in the request path.
 */
export default fp(
  async (app) => {
    const connection = { connection: bullConnection(app.config.REDIS_URL), prefix: app.config.QUEUE_PREFIX };
    const queues = Object.fromEntries(
      Object.values(QUEUE_NAMES).map((name) => [name, createQueue(name, connection)]),
    ) as Record<QueueName, Queue>;
    app.services.listingChanges.subscribe(async (kind, id) => {
      await enqueue(queues, 'match-listing', { kind, id });
    });
    app.decorate('queues', queues);
    app.addHook('onClose', async () => {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
    });
  },
  { name: 'queues', dependencies: ['services'] },
);
