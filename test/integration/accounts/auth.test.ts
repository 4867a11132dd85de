import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { clientFor, confirmationTokenFor, registerUser, sessionCookie, TEST_PASSWORD, uniqueEmail } from '../../helpers/api';

describe('accounts: register, sign in, sign out', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  const register = (payload: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: '/api/auth/register', payload });
  const confirm = (token: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/register/confirm', payload: { token } });

  it('registers through the mailed link, sets an httpOnly SameSite session cookie, and knows the user', async () => {
    const email = uniqueEmail('reg');
    const response = await register({ email, password: TEST_PASSWORD, name: 'Ada', next: '/events' });
    expect(response.statusCode).toBe(202);
    expect(response.cookies).toEqual([]);
    const [mail] = await ctx.app.services.mailbox.list(1, email);
    expect(mail?.text).toContain('/confirm-account?token=');
    expect(mail?.text).toContain('next=%2Fevents');

    const token = await confirmationTokenFor(ctx.app, email);
    const confirmed = await confirm(token);
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toMatchObject({ email, name: 'Ada', platformAdmin: false, memberships: [] });
    expect(confirmed.json()).not.toHaveProperty('passwordHash');
    const cookie = confirmed.cookies.find((c) => c.name === 'mb_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await clientFor(ctx.app, sessionCookie(confirmed)).get('/api/auth/me');
    expect(me.json().user.email).toBe(email);
    // The link works once.
    expect((await confirm(token)).statusCode).toBe(400);
  });

  it('answers a known address exactly like a new one, mails its owner instead, and makes no second account', async () => {
    const existing = await registerUser(ctx.app, 'dup');
    const known = await register({ email: existing.email.toUpperCase(), password: 'someone else entirely', name: 'B' });
    const fresh = await register({ email: uniqueEmail('fresh'), password: TEST_PASSWORD, name: 'C' });
    expect(known.statusCode).toBe(202);
    expect(known.statusCode).toBe(fresh.statusCode);
    expect(known.json()).toEqual(fresh.json());
    expect(known.cookies).toEqual(fresh.cookies);

    const [mail] = await ctx.app.services.mailbox.list(1, existing.email);
    expect(mail?.subject).toBe('You already have a Matchbridge account');
    expect(mail?.text).not.toContain('token=');
    const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: existing.email, password: 'someone else entirely' } });
    expect(login.statusCode).toBe(401);
  });

  it('refuses a link to another site as the place to continue', async () => {
    const response = await register({ email: uniqueEmail('next'), password: TEST_PASSWORD, name: 'D', next: '//evil.example/' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual(['next']);
  });

  it('explains which field is wrong on bad input', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email: 'not-an-email', password: 'short', name: '' } });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['email', 'name', 'password']);
  });

  it('signs in with the right password only, with the same answer for unknown e-mails', async () => {
    const user = await registerUser(ctx.app, 'login');
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'wrong password!!' } });
    const unknown = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: uniqueEmail('nobody'), password: TEST_PASSWORD } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    const right = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const user = await registerUser(ctx.app, 'logout');
    expect((await user.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await user.get('/api/auth/me')).json()).toEqual({ user: null });
  });

  it('answers "nobody" (200, user null: signed out is not an error) without a session and ignores a forged cookie', async () => {
    const signedOut = await ctx.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.json()).toEqual({ user: null });
    const forged = await clientFor(ctx.app, 'mb_session=forged-token-value').get('/api/auth/me');
    expect([forged.statusCode, forged.json()]).toEqual([200, { user: null }]);
    // Routes that need a user still answer 401.
    expect((await ctx.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});
