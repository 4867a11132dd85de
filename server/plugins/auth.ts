import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { SESSION_COOKIE } from '../modules/accounts/routes';

/**
 * Reads the session cookie on every request and sets `request.user` (or null). Routes decide what
 * a missing or insufficient user means through requireUser / requireOrgRole / requirePlatformAdmin.
 */
export default fp(
  async (app) => {
    await app.register(cookie);
    app.decorateRequest('user', null);
    app.decorateRequest('sessionToken', null);
    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token || token.length > 200) return;
      request.sessionToken = token;
      request.user = await app.services.accounts.userForSession(token);
    });
  },
  { name: 'auth', dependencies: ['services'] },
);
