import { Types } from 'mongoose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, postOrganization, register, setInDatabase, uniqueEmail, uniqueTitle } from './browser';

const HOSTILE = 'javascript:alert(document.cookie)';

/** The link to `address` is rendered with rel="external noopener noreferrer"; after the database is changed to a javascript: address, no link is left. */
async function expectSafeLink(page: Page, path: string, address: string, poison: () => Promise<void>): Promise<void> {
  await page.goto(path);
  const link = page.getByRole('link', { name: address });
  expect(await link.getAttribute('rel'), path).toBe('external noopener noreferrer');
  expect(await link.getAttribute('href')).toBe(address);
  await poison();
  await page.reload();
  await page.getByText(HOSTILE).waitFor();
  expect(await page.locator('a[href^="javascript:"]').count(), path).toBe(0);
}

describe('links to other sites', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('are http(s) only and opened without opener or referrer: organization website, intermediary website, event online address', async () => {
    const { page, pageErrors, close } = await openPage(browser);
    await register(page, 'Link Tester', uniqueEmail('links'));
    const website = 'https://minho-kto.example.org/services';
    const intermediary = await postOrganization(page, { kind: 'intermediary', name: uniqueTitle('Minho Transfer Office'), country: 'PT', sectors: ['C'], website });
    expect(intermediary.status()).toBe(201);
    const intermediaryId: string = (await intermediary.json()).id;
    const saveProfile = () =>
      page.request.put(`/api/intermediaries/${intermediaryId}/profile`, {
        data: { institutionType: 'tech_transfer_office', services: ['Licensing advice'], sectors: ['C'], regions: ['Norte'], languages: ['pt'], contactEmail: 'kto@minho.example' },
      });
    expect((await saveProfile()).status()).toBe(200);
    await page.goto(`/organizations/${intermediaryId}`);
    expect(await page.getByRole('link', { name: website }).getAttribute('rel')).toBe('external noopener noreferrer');
    // The directory keeps profiles in memory until one is saved again: saving re-reads the organization.
    await expectSafeLink(page, `/intermediaries/${intermediaryId}`, website, async () => {
      await setInDatabase('organizations', { _id: new Types.ObjectId(intermediaryId) }, { website: HOSTILE });
      expect((await saveProfile()).status()).toBe(200);
    });
    await page.goto(`/organizations/${intermediaryId}`);
    await page.getByText(HOSTILE).waitFor();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);

    const organizer = await postOrganization(page, { kind: 'organizer', name: uniqueTitle('Link Events'), country: 'EE', sectors: [] });
    const onlineUrl = 'https://meet.example/brokerage-room';
    const event = await page.request.post('/api/events', {
      data: {
        organizerOrganizationId: (await organizer.json()).id,
        title: uniqueTitle('Online brokerage'),
        type: 'webinar',
        timeZone: 'Europe/Tallinn',
        onlineUrl,
        registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(),
        registrationClosesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    });
    expect(event.status(), await event.text()).toBe(201);
    const eventId: string = (await event.json()).id;
    // (An event's online address never held another scheme: its schema has always required http(s).)
    await page.goto(`/events/${eventId}`);
    expect(await page.getByRole('link', { name: onlineUrl }).getAttribute('rel')).toBe('external noopener noreferrer');
    expect(pageErrors).toEqual([]);
    await close();
  });
});
