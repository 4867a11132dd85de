import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, register, screenshot, uniqueEmail } from './browser';

describe('keyboard use', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('the 21 sectors are one tab stop: a search field that narrows the list, arrow keys to walk it, Space to tick', async () => {
    const opened = await openPage(browser);
    const { page } = opened;
    await register(page, 'Inês Duarte', uniqueEmail('keys'));
    await page.goto('/my/organization');
    const sectors = page.getByRole('group', { name: 'Sectors' });
    await sectors.getByRole('checkbox', { name: 'C Manufacturing' }).waitFor();

    // From the field before the group, Tab lands in the search field, and one more Tab leaves the group.
    await page.getByLabel('Region or city').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sectors-filter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('fieldset.sectors'))).toBe(false);

    // Typing narrows the list; ArrowDown enters it, Space ticks, the next arrow moves on.
    await page.getByLabel('Find a sector').fill('agri');
    await expect.poll(() => sectors.getByRole('checkbox').count()).toBe(1);
    await page.getByLabel('Find a sector').press('ArrowDown');
    await page.keyboard.press('Space');
    expect(await sectors.getByRole('checkbox', { name: 'A Agriculture, forestry and fishing' }).isChecked()).toBe(true);
    await page.getByLabel('Find a sector').fill('');
    await page.getByLabel('Find a sector').press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    expect(await sectors.getByRole('checkbox', { name: 'C Manufacturing' }).isChecked()).toBe(true);
    await page.getByText('2 chosen · 21 shown.', { exact: false }).waitFor();
    await expectAccessible(page, 'the organization form with the sector search');
    await screenshot(page, 'sector-picker');
    expect(opened.pageErrors).toEqual([]);
    await opened.close();
  });
});
