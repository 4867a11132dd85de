import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { pingMongo } from '../../db';
import { pingRedis } from '../../plugins/redis';

const DependencyStatus = Type.Object({
  mongodb: Type.Union([Type.Literal('up'), Type.Literal('down')]),
  redis: Type.Union([Type.Literal('up'), Type.Literal('down')]),
});

const ReadyResponse = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  dependencies: DependencyStatus,
  message: Type.Optional(Type.String()),
});

export interface HealthRoutesOptions {
  readyTimeoutMs: number;
}

/** Liveness (the process answers) and readiness (MongoDB and Redis answer) probes. */
const healthRoutes: FastifyPluginAsync<HealthRoutesOptions> = async (app, { readyTimeoutMs }) => {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    { schema: { tags: ['health'], response: { 200: ReadyResponse, 503: ReadyResponse } } },
    async (_request, reply) => {
      const [mongodb, redis] = await Promise.all([
        isUp(() => pingMongo(app.mongo), readyTimeoutMs),
        isUp(() => pingRedis(app.redis), readyTimeoutMs),
      ]);
      const dependencies = { mongodb: mongodb ? 'up' : 'down', redis: redis ? 'up' : 'down' } as const;
      const down = Object.entries(dependencies).filter(([, state]) => state === 'down').map(([name]) => name);
      if (down.length === 0) return { status: 'ready' as const, dependencies };
      return reply.code(503).send({
        status: 'unavailable' as const,
        dependencies,
        message: `not ready: ${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} down`,
      });
    },
  );
};

async function isUp(ping: () => Promise<void>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    await Promise.race([ping(), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export default healthRoutes;
