import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, register, uniqueEmail } from './browser';

describe('the language of a listing', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('is detected from a German need, and its owner corrects it in the edit form', async () => {
    const { page } = await openPage(browser);
    await register(page, 'Jana Kröger', uniqueEmail('sme'));
    const org = await page.request.post('/api/organizations', { data: { kind: 'sme', name: 'Backstube am Hafen', country: 'DE', sectors: ['C'], headcount: 9, annualTurnoverEur: 900_000 } });
    expect(org.status()).toBe(201);
    const created = await page.request.post('/api/needs', {
      data: {
        organizationId: (await org.json()).id,
        title: 'Unser Roggenbrot schimmelt im Sommer',
        problem: 'Im Juli und August schimmelt unser Roggenbrot schon nach drei Tagen, und wir wollen keine Konservierungsstoffe.',
        desiredOutcome: 'Das Brot soll ohne Zusatzstoffe eine Woche frisch bleiben.',
        sectors: ['C'], minTrl: 5, collaborationTypes: ['licensing'], budgetBand: 'under_25k', timeline: '3_to_12_months',
      },
    });
    expect(created.status()).toBe(201);
    const need = await created.json();
    expect(need.language).toBe('de');

    await page.goto(`/needs/${need.id}/edit`);
    const language = page.getByLabel('Written in');
    await expect.poll(() => language.inputValue()).toBe('de');
    await language.selectOption('it');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await (await page.request.get(`/api/needs/${need.id}`)).json()).language).toBe('it');
  });
});
