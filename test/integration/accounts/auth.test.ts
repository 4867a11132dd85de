import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/app';
import { clientFor, registerUser, sessionCookie, TEST_PASSWORD, uniqueEmail } from '../../helpers/api';

describe('accounts: register, sign in, sign out', () => {
  let ctx: TestApp;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(async () => ctx.close());

  it('registers, sets an httpOnly SameSite session cookie, and knows the user', async () => {
    const email = uniqueEmail('reg');
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password: TEST_PASSWORD, name: 'Ada' } });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ email, name: 'Ada', platformAdmin: false, memberships: [] });
    expect(response.json()).not.toHaveProperty('passwordHash');
    const cookie = response.cookies.find((c) => c.name === 'mb_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await clientFor(ctx.app, sessionCookie(response)).get('/api/auth/me');
    expect(me.json().user.email).toBe(email);
  });

  it('refuses a second account with the same e-mail (any case) with 409', async () => {
    const email = uniqueEmail('dup');
    await ctx.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password: TEST_PASSWORD, name: 'A' } });
    const again = await ctx.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email: email.toUpperCase(), password: TEST_PASSWORD, name: 'B' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('email_taken');
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
