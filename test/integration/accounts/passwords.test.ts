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

  it('resets a forgotten password through the mailbox link, once', async () => {
    const user = await registerUser(ctx.app, 'reset');
    const requested = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: user.email } });
    expect(requested.statusCode).toBe(202);

    const mails = await ctx.app.services.mailbox.list(10, user.email);
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

  it('answers a reset request for an unknown e-mail exactly like a known one and sends nothing', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: 'nobody@test.example' } });
    expect(response.statusCode).toBe(202);
    expect(await ctx.app.services.mailbox.list(10, 'nobody@test.example')).toHaveLength(0);
  });
});
