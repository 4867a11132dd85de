import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, makePlatformAdmin, openPage, register, screenshot, uniqueEmail } from './browser';

describe('a platform admin verifies a new university from the queue', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('shows the evidence and the e-mail-domain hint, verifies, and the badge appears', async () => {
    // A name of this attempt: a retried test shares the database, and names are unique per country.
    const name = `Klaipėda Marine Research University ${randomBytes(3).toString('hex')}`;
    const applicant = await openPage(browser);
    await register(applicant.page, 'Rūta Jankauskienė', uniqueEmail('uni-applicant'));
    await applicant.page.getByLabel('University or research institute').check();
    await applicant.page.getByLabel('Name').fill(name);
    await applicant.page.getByLabel('Country').fill('LT');
    // Test users sign up at e2e.example (browser.ts uniqueEmail): the hint says the domains match.
    await applicant.page.getByLabel('Official web domain').fill('https://www.e2e.example');
    await applicant.page.getByLabel('Contact who can confirm').fill('Vice-rector for research, +370 46 000 000');
    await applicant.page.getByRole('button', { name: 'Create organization' }).click();
    await applicant.page.getByText('Awaiting verification').waitFor();
    expect(await applicant.page.getByText('✓ Verified').count()).toBe(0);

    const admin = await openPage(browser);
    const adminEmail = uniqueEmail('platform-admin');
    await register(admin.page, 'Platform Admin', adminEmail);
    await makePlatformAdmin(adminEmail);
    await admin.page.goto('/admin');
    await admin.page.getByRole('link', { name: 'Organization verification' }).click();
    const card = admin.page.locator('li.card', { has: admin.page.getByRole('link', { name }) });
    await card.waitFor();
    await card.getByText('Vice-rector for research, +370 46 000 000').waitFor();
    await card.getByText('The creator’s e-mail domain matches the web domain.').waitFor();
    await expectAccessible(admin.page, 'the verification queue');
    await screenshot(admin.page, 'admin-verification-queue');
    await card.getByRole('button', { name: `Verify ${name}` }).click();
    await admin.page.getByText(`${name} is verified; its members were told.`).waitFor();
    expect(await admin.page.getByRole('link', { name }).count()).toBe(0);

    await applicant.page.reload();
    await applicant.page.getByRole('heading', { level: 1, name }).getByText('✓ Verified').waitFor();
    expect(await applicant.page.getByText('Awaiting verification').count()).toBe(0);
    await applicant.page.goto('/organizations'); // newest first: this one leads the first page
    await applicant.page.locator('article.card', { has: applicant.page.getByRole('link', { name }) }).getByText('✓ Verified').waitFor();
    await screenshot(applicant.page, 'verified-badge');
    expect(applicant.pageErrors).toEqual([]);
    expect(admin.pageErrors).toEqual([]);
    await applicant.close();
    await admin.close();
  });
});
