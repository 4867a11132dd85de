import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoHorizontalOverflow, launchBrowser, openPage, postOrganization, register, screenshot, uniqueEmail } from './browser';

describe('research outputs, needs and the access-request flow', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('a university publishes an output; an SME asks for access, is granted, and reads the confidential details', async () => {
    const university = await openPage(browser);
    await register(university.page, 'Inês Duarte', uniqueEmail('uni'));
    expect((await postOrganization(university.page, { kind: 'university', name: 'Baltic Technical University', country: 'LT', sectors: ['M'] })).status()).toBe(201);
    await university.page.reload();

    await university.page.goto('/outputs/new');
    await university.page.getByRole('button', { name: 'Save as draft' }).click();
    await university.page.locator('#field-title-error').waitFor();
    await university.page.locator('#fields-error').waitFor();
    await screenshot(university.page, 'output-form-errors');

    const { page } = university;
    await page.getByLabel('Title').fill('Low-temperature sintering of silver nanoparticle inks');
    await page.getByLabel('Public summary').fill('A sintering process for printed silver conductors on paper and PET that reaches bulk-like conductivity at 90 °C.');
    await page.getByLabel('Confidential details').fill('Ink recipe and curing profile: see lab notebook 17.');
    await page.getByRole('checkbox', { name: 'Advanced materials' }).check();
    await page.getByRole('checkbox', { name: 'C Manufacturing' }).check();
    await page.getByLabel('Technology readiness level (TRL)').selectOption('4');
    await page.getByLabel('IP protection').selectOption('patent_pending');
    await page.getByLabel('Patent or utility model number').fill('EP 4 123 456 A1');
    await page.getByRole('checkbox', { name: 'Licensing' }).check();
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Low-temperature sintering of silver nanoparticle inks' }).waitFor();
    const outputUrl = page.url();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Archive' }).waitFor();
    await expectAccessible(page, 'a research output (owner view)');
    await screenshot(page, 'output-owner');

    const sme = await openPage(browser);
    await register(sme.page, 'Greta Bäcker', uniqueEmail('sme'));
    expect((await sme.page.request.post('/api/organizations', { data: { kind: 'sme', name: 'Ostsee Elektronik GmbH', country: 'DE', sectors: ['C'], headcount: 30, annualTurnoverEur: 4_000_000 } })).status()).toBe(201);
    await sme.page.goto('/outputs');
    await sme.page.getByLabel('Field').selectOption('materials');
    await sme.page.getByRole('link', { name: 'Low-temperature sintering of silver nanoparticle inks' }).click();
    await sme.page.getByLabel('Your message to the owner').fill('We print sensor tracks on PET film and would like to license a low-temperature process.');
    await expectAccessible(sme.page, 'a research output (SME view)');
    await sme.page.getByRole('button', { name: 'Request access' }).click();
    await sme.page.getByText('Your request was sent to the owner').waitFor();
    await screenshot(sme.page, 'output-requested');

    await page.goto('/access-requests');
    await page.getByRole('heading', { name: 'Ostsee Elektronik GmbH' }).waitFor();
    await expectAccessible(page, 'the access requests page');
    await page.getByRole('button', { name: 'Grant access' }).click();
    await page.getByText('granted', { exact: true }).waitFor();
    await screenshot(page, 'access-requests');

    await sme.page.goto(outputUrl);
    await sme.page.getByRole('button', { name: 'Show confidential details' }).click();
    expect(await sme.page.getByTestId('confidential-details').textContent()).toContain('lab notebook 17');
    await screenshot(sme.page, 'output-confidential');

    await page.goto(outputUrl);
    await page.getByText('Audit log: who read or decided what').click();
    await page.getByText('Greta Bäcker read the confidential details').waitFor();

    await sme.page.goto('/needs/new');
    await sme.page.getByLabel('Title').fill('Print conductive tracks on PET without an oven');
    await sme.page.getByLabel('The problem').fill('Our silver tracks need 150 °C curing, which warps the PET film and costs energy.');
    await sme.page.getByLabel('What you want to achieve').fill('Conductive tracks cured below 100 °C.');
    await sme.page.getByRole('checkbox', { name: 'C Manufacturing' }).check();
    await sme.page.getByLabel('How ready must a solution be?').selectOption('5');
    await sme.page.getByLabel('Budget').selectOption('25k_100k');
    await sme.page.getByLabel('Timeline').selectOption('3_to_12_months');
    await sme.page.getByRole('checkbox', { name: 'Licensing' }).check();
    await sme.page.getByRole('button', { name: 'Save as draft' }).click();
    await sme.page.getByRole('heading', { level: 1, name: 'Print conductive tracks on PET without an oven' }).waitFor();
    await sme.page.getByRole('button', { name: 'Publish' }).click();
    await sme.page.getByRole('button', { name: 'Archive' }).waitFor();
    await screenshot(sme.page, 'need-owner');
    await sme.page.goto('/needs');
    await sme.page.getByRole('link', { name: 'Print conductive tracks on PET without an oven' }).waitFor();
    await expectAccessible(sme.page, 'the needs list');
    await screenshot(sme.page, 'needs-list');
    await sme.page.setViewportSize({ width: 375, height: 740 });
    await expectNoHorizontalOverflow(sme.page, 'the needs list');
    await sme.page.goto(outputUrl);
    await sme.page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoHorizontalOverflow(sme.page, 'a research output');

    expect(university.pageErrors).toEqual([]);
    expect(sme.pageErrors).toEqual([]);
    await university.close();
    await sme.close();
  });
});
