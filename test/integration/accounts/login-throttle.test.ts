import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { registerUser, TEST_PASSWORD, uniqueEmail } from '../../helpers/api';
import { testConfig } from '../../helpers/config';
import { FREE_FAILURES } from '../../../server/modules/accounts/login-throttle';

// A first pause of one second keeps the waits short; production pauses start at 30 s.
describe('accounts: per-account sign-in throttling', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp(testConfig({ LOGIN_PAUSE_BASE_SECONDS: '1' }));
  });
  afterAll(async () => ctx.close());

  // Every attempt from a different address: the per-address limit must not be what stops them.
  const login = (email: string, password: string) =>
    ctx.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`, payload: { email, password } });
  const noticesTo = async (email: string) => (await ctx.app.services.mailbox.list(50, email)).filter((mail) => mail.subject.startsWith('Failed sign-ins'));
  async function failTimes(email: string, times: number): Promise<void> {
    for (let i = 0; i < times; i += 1) expect((await login(email, `wrong password ${i}`)).statusCode).toBe(401);
  }

  it('pauses an account after repeated failures, even for the right password and from new addresses, doubling the pause', async () => {
    const user = await registerUser(ctx.app, 'throttled');
    await failTimes(user.email, FREE_FAILURES);
    expect(await noticesTo(user.email)).toHaveLength(0);

    await failTimes(user.email, 1);
    const paused = await login(user.email, TEST_PASSWORD);
    expect(paused.statusCode).toBe(429);
    expect(paused.headers['retry-after']).toBe('1');
    expect(paused.json().error.code).toBe('sign_in_paused');
    const [notice] = await noticesTo(user.email);
    expect(notice?.text).toContain(`${FREE_FAILURES + 1} times`);

    await sleep(1100);
    await failTimes(user.email, 1);
    const longer = await login(user.email, TEST_PASSWORD);
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('2');
    // One notice per streak: the longer pause sends no second mail.
    expect(await noticesTo(user.email)).toHaveLength(1);

    await sleep(2100);
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    // Success ends the streak: a new one gets its free failures again.
    await failTimes(user.email, FREE_FAILURES);
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('pauses an unknown address the same way, so a pause reveals no account, and mails nobody', async () => {
    const email = uniqueEmail('nobody');
    await failTimes(email, FREE_FAILURES + 1);
    const paused = await login(email, TEST_PASSWORD);
    expect(paused.statusCode).toBe(429);
    expect(paused.json().error.code).toBe('sign_in_paused');
    expect(await ctx.app.services.mailbox.list(10, email)).toHaveLength(0);
  });

  it('a password reset lifts the pause', async () => {
    const user = await registerUser(ctx.app, 'reset-lifts');
    await failTimes(user.email, FREE_FAILURES + 1);
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(429);
    await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: user.email } });
    const [mail] = (await ctx.app.services.mailbox.list(10, user.email)).filter((m) => m.subject.startsWith('Reset'));
    const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
    const reset = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, newPassword: 'a fresh reset passphrase' } });
    expect(reset.statusCode).toBe(204);
    expect((await login(user.email, 'a fresh reset passphrase')).statusCode).toBe(200);
  });
});
