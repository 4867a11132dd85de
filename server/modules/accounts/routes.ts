import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { errorResponses } from '../shared/schema';
import { requirePlatformAdmin, requireUser } from './current-user';
import { ChangePasswordBody, ConfirmRegistrationBody, LoginBody, MailView, RegisterBody, ResetConfirmBody, ResetRequestBody, UserView, WhoAmIView } from './schema';
import { Line } from '../shared/text';

export const SESSION_COOKIE = 'mb_session';

// Ten attempts a minute per address on routes that guess passwords or send mail.
const authRateLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { accounts, mailbox } = app.services;
  const secure = app.config.PUBLIC_URL.startsWith('https://');
  const setSession = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 14 * 24 * 3600 });

  app.post(
    '/api/auth/register',
    {
      config: authRateLimit,
      schema: { tags: ['accounts'], body: RegisterBody, response: { 202: Type.Object({ message: Type.String() }), ...errorResponses(400, 429) } },
    },
    async (request, reply) => {
      await accounts.register(request.body);
      // The same answer whether or not the address has an account: the mail tells its owner which.
      return reply.code(202).send({ message: 'Check your mailbox: we sent a link to finish signing up.' });
    },
  );

  app.post(
    '/api/auth/register/confirm',
    {
      config: authRateLimit,
      schema: { tags: ['accounts'], body: ConfirmRegistrationBody, response: { 201: UserView, ...errorResponses(400, 409, 429) } },
    },
    async (request, reply) => {
      const { user, token } = await accounts.confirmRegistration(request.body.token);
      setSession(reply, token);
      return reply.code(201).send(user);
    },
  );

  app.post(
    '/api/auth/login',
    { config: authRateLimit, schema: { tags: ['accounts'], body: LoginBody, response: { 200: UserView, ...errorResponses(400, 401, 429) } } },
    async (request, reply) => {
      const { user, token } = await accounts.login(request.body.email, request.body.password);
      setSession(reply, token);
      return user;
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['accounts'], response: { 204: Type.Null() } } }, async (request, reply) => {
    if (request.sessionToken) await accounts.logout(request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/api/auth/me', { schema: { tags: ['accounts'], summary: 'The signed-in user, or `user: null` when signed out', response: { 200: WhoAmIView } } }, async (request) => ({
    user: request.user ?? null,
  }));

  app.post(
    '/api/auth/password',
    {
      config: authRateLimit,
      schema: { tags: ['accounts'], body: ChangePasswordBody, response: { 204: Type.Null(), ...errorResponses(400, 401, 429) } },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await accounts.changePassword(user, request.body.currentPassword, request.body.newPassword, request.sessionToken ?? '');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      config: authRateLimit,
      schema: { tags: ['accounts'], body: ResetRequestBody, response: { 202: Type.Object({ message: Type.String() }), ...errorResponses(400, 429) } },
    },
    async (request, reply) => {
      await accounts.requestPasswordReset(request.body.email);
      return reply.code(202).send({ message: 'If an account uses this e-mail, a reset link is on its way.' });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: authRateLimit,
      schema: { tags: ['accounts'], body: ResetConfirmBody, response: { 204: Type.Null(), ...errorResponses(400, 429) } },
    },
    async (request, reply) => {
      await accounts.resetPassword(request.body.token, request.body.newPassword);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) }, { additionalProperties: false }),
        response: { 200: Type.Array(UserView), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      requirePlatformAdmin(request);
      return accounts.listUsers(request.query.limit ?? 100);
    },
  );

  app.get(
    '/api/admin/mailbox',
    {
      schema: {
        tags: ['admin'],
        querystring: Type.Object(
          { to: Type.Optional(Line({ maxLength: 254 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(MailView), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      requirePlatformAdmin(request);
      return mailbox.list(request.query.limit ?? 50, request.query.to);
    },
  );
};

export default accountRoutes;
