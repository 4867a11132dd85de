import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmAccount, expectAccessible, launchBrowser, makePlatformAdmin, openPage, postOrganization, register, screenshot, uniqueEmail } from './browser';

describe('invitations, the admin mailbox and password reset', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('an admin invites a colleague, who joins through the mailed link; a password reset works the same way', async () => {
    const admin = await openPage(browser);
    const adminEmail = uniqueEmail('tto-admin');
    await register(admin.page, 'Ana Lopes', adminEmail);
    const created = await postOrganization(admin.page, { kind: 'university', name: 'Universidade do Minho', country: 'PT', region: 'Braga', sectors: ['M', 'P'] });
    expect(created.status()).toBe(201);
    const organizationId: string = (await created.json()).id;

    await admin.page.goto(`/organizations/${organizationId}/members`);
    await admin.page.getByText('You are the only member so far.').waitFor();
    const colleagueEmail = uniqueEmail('colleague');
    await admin.page.getByLabel('Their e-mail').fill(colleagueEmail);
    await admin.page.getByRole('button', { name: 'Send invitation' }).click();
    await admin.page.getByText(`Invitation sent to ${colleagueEmail}`).waitFor();
    await expectAccessible(admin.page, 'the members page');
    await screenshot(admin.page, 'members-invited');

    // Mail goes to the mailbox platform admins read; here the admin is made one.
    await makePlatformAdmin(adminEmail);
    await admin.page.goto('/admin');
    await admin.page.getByRole('link', { name: 'Mailbox' }).click();
    await admin.page.getByLabel('Recipient').fill(colleagueEmail);
    await admin.page.getByRole('button', { name: 'Filter' }).click();
    const inviteLink = admin.page.getByRole('link', { name: /\/invitations\/accept\?token=/ });
    await inviteLink.waitFor();
    const invitationUrl = await inviteLink.getAttribute('href');
    expect(invitationUrl).toBeTruthy();
    await screenshot(admin.page, 'admin-mailbox');
    await admin.page.goto('/admin/users');
    await admin.page.getByRole('cell', { name: adminEmail }).waitFor();
    await admin.page.getByRole('link', { name: 'Universidade do Minho' }).first().waitFor();
    await screenshot(admin.page, 'admin-users');

    const colleague = await openPage(browser);
    await colleague.page.goto(invitationUrl ?? '');
    await colleague.page.getByRole('heading', { name: 'Join an organization' }).waitFor();
    await screenshot(colleague.page, 'invitation-signed-out');
    await colleague.page.getByRole('link', { name: 'Create an account' }).click();
    await colleague.page.getByLabel('Your name').fill('Rui Costa');
    await colleague.page.getByLabel('E-mail').fill(colleagueEmail);
    await colleague.page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await colleague.page.getByRole('button', { name: 'Create account' }).click();
    // The confirmation link brings the colleague back to the invitation.
    await confirmAccount(colleague.page, colleagueEmail);
    await colleague.page.getByRole('button', { name: 'Accept invitation' }).click();
    await colleague.page.getByText('You are now part of Universidade do Minho.').waitFor();
    await colleague.page.getByRole('link', { name: 'Go to Universidade do Minho' }).click();
    await colleague.page.getByText('You are a member of this organization.').waitFor();

    await admin.page.goto(`/organizations/${organizationId}/members`);
    await admin.page.getByRole('cell', { name: colleagueEmail }).waitFor();

    // Forgotten password: the reset mail's link leads to a form that sets a new one.
    await colleague.page.getByRole('button', { name: 'Sign out' }).click();
    await colleague.page.goto('/login');
    await colleague.page.getByRole('link', { name: 'Forgot your password?' }).click();
    await colleague.page.getByLabel('E-mail').fill(colleagueEmail);
    await colleague.page.getByRole('button', { name: 'Send reset link' }).click();
    await colleague.page.getByText('a reset link is on its way').waitFor();
    await admin.page.goto('/admin/mailbox');
    const resetLink = admin.page.getByRole('link', { name: /\/reset-password\?token=/ }).first();
    await resetLink.waitFor();
    await colleague.page.goto((await resetLink.getAttribute('href')) ?? '');
    await colleague.page.getByLabel('New password').fill('too short');
    await colleague.page.getByRole('button', { name: 'Save new password' }).click();
    await colleague.page.locator('#field-newPassword-error').waitFor();
    await colleague.page.getByLabel('New password').fill('a brand new passphrase for rui');
    await colleague.page.getByRole('button', { name: 'Save new password' }).click();
    await colleague.page.getByText('Your password has been changed').waitFor();
    await screenshot(colleague.page, 'reset-password-done');
    await colleague.page.getByRole('link', { name: 'Sign in with your new password' }).click();
    await colleague.page.getByLabel('E-mail').fill(colleagueEmail);
    await colleague.page.getByLabel('Password', { exact: true }).fill('a brand new passphrase for rui');
    await colleague.page.getByRole('button', { name: 'Sign in' }).click();
    await colleague.page.getByRole('button', { name: 'Sign out' }).waitFor();

    expect(admin.pageErrors).toEqual([]);
    expect(colleague.pageErrors).toEqual([]);
    await admin.close();
    await colleague.close();
  });
});
