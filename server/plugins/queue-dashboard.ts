import fp from 'fastify-plugin';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { requirePlatformAdmin } from '../modules/accounts/current-user';

const BASE_PATH = '/admin/queues';

/**
 * bull-board's queue dashboard at /admin/queues, for platform admins only. It lives in its own
 * encapsulated context so its guard and its relaxed content security policy (the dashboard's page
 * uses inline scripts and styles) apply to nothing else. Its page asks Google Fonts for IBM Plex,
 * which fails offline and tells Google who opens the dashboard when: that link is taken out (the
 * page falls back to system fonts) and the policy allows no other host.
 */
export default fp(
  async (app) => {
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(BASE_PATH);
    createBullBoard({
      queues: Object.values(app.queues).map((queue) => new BullMQAdapter(queue)),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Matchbridge queues' } },
    });
    await app.register(
      async (dashboard) => {
        dashboard.addHook('onRequest', async (request) => {
          requirePlatformAdmin(request);
        });
        dashboard.addHook('onSend', async (_request, reply, payload) => {
          reply.header('content-security-policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:");
          return typeof payload === 'string' ? withoutExternalStylesheets(payload) : payload;
        });
        await dashboard.register(serverAdapter.registerPlugin(), { prefix: BASE_PATH });
      },
    );
  },
  { name: 'queue-dashboard', dependencies: ['queues', 'auth'] },
);

/** The page without `<link>` tags that load a stylesheet from another host. */
function withoutExternalStylesheets(html: string): string {
  return html.replace(/<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^>]*>\s*/gi, '');
}
