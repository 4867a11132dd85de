import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { clientFor, registerUser, sessionCookie, TEST_PASSWORD } from '../../helpers/api';

describe('accounts: changing and resetting passwords', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  const login = (email: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

  it('changes the password with the current one and ends other sessions', async () => {
    const user = await registerUser(ctx.app, 'change');
    const other = clientFor(ctx.app, sessionCookie(await login(user.email, TEST_PASSWORD)));
    const wrong = await user.post('/api/auth/password', { currentPassword: 'not the password', newPassword: 'a brand new passphrase' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual({ field: 'currentPassword' });

    const changed = await user.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' });
    expect(changed.statusCode).toBe(204);
    expect((await user.get('/api/auth/me')).json().user?.email).toBe(user.email);
    expect((await other.get('/api/auth/me')).json()).toEqual({ user: null });
    expect((await login(user.email, 'a brand new passphrase')).statusCode).toBe(200);
  });

  it('ends a session kept alive by use, even once the sign-in that started the list of sessions is old', async () => {
    const user = await registerUser(ctx.app, 'long-lived');
    const active = clientFor(ctx.app, sessionCookie(await login(user.email, TEST_PASSWORD)));
    // As if the account's first sessions were nearly 14 days old: their list is about to expire.
    const listKey = `${ctx.config.QUEUE_PREFIX}:app:user-sessions:${user.userId}`;
    expect(await ctx.app.redis.expire(listKey, 1)).toBe(1);
    expect((await active.get('/api/auth/me')).json().user?.email).toBe(user.email);
    await sleep(1100);

    const changed = await user.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' });
    expect(changed.statusCode).toBe(204);
    // A signed-out "who am I" answers {user: null}: the session is gone.
    expect((await active.get('/api/auth/me')).json()).toEqual({ user: null });
  });

  it('resets a forgotten password through the mailbox link, once', async () => {
    const user = await registerUser(ctx.app, 'reset');
    const requested = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: user.email } });
    expect(requested.statusCode).toBe(202);

    const mails = (await ctx.app.services.mailbox.list(10, user.email)).filter((mail) => mail.subject.startsWith('Reset'));
    expect(mails).toHaveLength(1);
    const token = /token=([\w-]+)/.exec(mails[0]!.text)?.[1];
    expect(token).toBeTruthy();

    const confirm = (password: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, newPassword: password } });
    expect((await confirm('reset passphrase one')).statusCode).toBe(204);
    expect((await confirm('reset passphrase two')).statusCode).toBe(400);
    expect((await login(user.email, 'reset passphrase one')).statusCode).toBe(200);
    expect((await user.get('/api/auth/me')).json()).toEqual({ user: null });
  });

  it('voids every other reset token once the password changes, by a reset or by the signed-in user', async () => {
    const user = await registerUser(ctx.app, 'tokens');
    const requestToken = async () => {
      await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: user.email } });
      const [latest] = await ctx.app.services.mailbox.list(1, user.email);
      return /token=([\w-]+)/.exec(latest?.text ?? '')?.[1];
    };
    const confirm = (token: string | undefined, password: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, newPassword: password } });

    const [first, second] = [await requestToken(), await requestToken()];
    expect((await confirm(first, 'reset passphrase one')).statusCode).toBe(204);
    const stale = await confirm(second, 'reset passphrase two');
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.code).toBe('invalid_token');

    const third = await requestToken();
    const signedIn = clientFor(ctx.app, sessionCookie(await login(user.email, 'reset passphrase one')));
    const changed = await signedIn.post('/api/auth/password', { currentPassword: 'reset passphrase one', newPassword: 'changed while signed in' });
    expect(changed.statusCode).toBe(204);
    expect((await confirm(third, 'reset passphrase three')).statusCode).toBe(400);
    expect((await login(user.email, 'changed while signed in')).statusCode).toBe(200);
  });

  it('answers a reset request for an unknown e-mail exactly like a known one and sends nothing', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: 'nobody@test.example' } });
    expect(response.statusCode).toBe(202);
    expect(await ctx.app.services.mailbox.list(10, 'nobody@test.example')).toHaveLength(0);
  });
});
