import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, launchBrowser, openPage, publishListing, register, uniqueEmail, uniqueTitle } from './browser';

describe('a signed-out visitor', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('loads public pages without a console error or a failed request, gets a favicon, reads what a detail page shows in its tab, and starts typing the e-mail on the sign-in page', async () => {
    const university = await openPage(browser);
    await register(university.page, 'Aistė Jonaitė', uniqueEmail('uni'));
    const organizationId = await createOrganization(university.page, { kind: 'university', name: 'Kaunas Food Institute', country: 'LT', sectors: ['C'] });
    const title = uniqueTitle('Low-temperature sintering of silver nanoparticle inks for flexible printed sensors');
    const outputId = await publishListing(university.page, 'research-outputs', {
      organizationId, title, summary: 'Silver nanoparticle inks that sinter at 120 °C, so sensors can be printed on cheap polymer films.',
      fields: ['electronics'], sectors: ['C'], trl: 5, ipStatus: 'open', collaborationTypes: ['licensing'], governmentFunded: false,
    });
    await university.close();

    const visitor = await openPage(browser);
    const { page } = visitor;
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });

    for (const [path, heading] of [['/', null], ['/outputs', 'Research outputs'], ['/events', 'Events'], ['/organizations', 'Organizations'], ['/login', 'Sign in']] as const) {
      await page.goto(path);
      await (heading ? page.getByRole('heading', { level: 1, name: heading }) : page.getByRole('heading', { level: 1 })).waitFor();
      await page.waitForLoadState('networkidle');
    }
    // The sign-in page puts the cursor in the e-mail field, whether opened directly or through the navigation.
    const focusedField = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? null);
    await expect.poll(focusedField).toBe('email');
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expect.poll(focusedField).toBe('email');
    await page.goto(`/outputs/${outputId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.waitForLoadState('networkidle');
    // The tab names the output, shortened at a word with an ellipsis, then the site.
    expect(await page.title()).toBe('Low-temperature sintering of silver nanoparticle inks for … · Matchbridge');
    await page.goto(`/organizations/${organizationId}`);
    await page.getByRole('heading', { level: 1, name: 'Kaunas Food Institute' }).waitFor();
    await expect.poll(() => page.title()).toBe('Kaunas Food Institute · Matchbridge');
    // A client-side step back to a list gives the list's own title again.
    await page.getByRole('link', { name: 'Research outputs', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Research outputs' }).waitFor();
    await expect.poll(() => page.title()).toBe('Research outputs · Matchbridge');

    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    const favicon = await page.request.get('/favicon.ico');
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['content-type']).toMatch(/^image\//);
    expect(visitor.pageErrors).toEqual([]);
    await visitor.close();
  }, 120_000);
});
